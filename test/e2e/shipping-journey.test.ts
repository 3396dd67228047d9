import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A parcel end to end: HTTP → API → Temporal dev server → worker process → MariaDB → courier
 * simulator → courier webhook → Shipment workflow. The simulator moves the parcel one step every
 * 300 ms by itself (sandbox mode) and pushes each step to the shop; the order then waits for the
 * buyer's purchase confirmation.
 */
describe('shipping end to end (dev server, worker process, courier simulator in sandbox mode)', () => {
  let shop: Journey;

  before(async () => {
    shop = await openJourney({ courierStepMs: 300 });
  });

  after(async () => {
    await shop?.close();
  });

  test('the seller ships, the simulator drives the parcel to DELIVERED, the buyer follows it and confirms', async () => {
    const product = await shop.product([3], 18_000);
    const order = await shop.placeOrder(product.variantIds[0]!, 1);
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');

    // The paid part is on the seller's list of parcels still to ship (the Shipment child opened it).
    const toShip = await eventually(async () => {
      const listed = await shop.call('/seller/shipments?status=TO_SHIP&size=100', shop.seller);
      return listed.body.items?.find((i: Json) => i.orderId === order.id);
    }, 20_000);
    assert.equal(toShip.status, 'AWAITING_INVOICE');
    const before = await shop.call(`/orders/${order.id}/tracking`, shop.consumer);
    assert.deepEqual(
      before.body.shipments.map((s: Json) => [s.status, s.invoiceNumber, s.events.length]),
      [['AWAITING_INVOICE', null, 0]],
    );

    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'LOTTE', invoiceNumber: '5000 0000 0010' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));

    await shop.until(order.id, 'DELIVERED', 60_000);
    const tracking = await shop.call(`/orders/${order.id}/tracking`, shop.consumer);
    assert.equal(tracking.status, 200);
    const [parcel] = tracking.body.shipments as Json[];
    assert.equal(parcel!.courier, 'LOTTE');
    assert.equal(parcel!.courierName, '롯데택배');
    assert.equal(parcel!.invoiceNumber, '500000000010');
    assert.equal(parcel!.status, 'DELIVERED');
    assert.deepEqual(
      parcel!.events.map((e: Json) => e.status),
      ['READY', 'PICKED_UP', 'IN_TRANSIT', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'],
    );
    assert.equal(parcel!.events.at(-1).description, '배달완료');
    assert.equal(parcel!.deliveredAt, parcel!.events.at(-1).at);
    // The steps came through the webhook (pushes), not only through look-ups.
    const sources = (await shop.app.dataSource.query(
      'SELECT DISTINCT e.source FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id WHERE s.order_id = ?',
      [order.id],
    )) as Array<{ source: string }>;
    assert.ok(sources.some((s) => s.source === 'WEBHOOK'));

    const open = await shop.call('/seller/shipments?size=100', shop.seller);
    assert.equal(
      open.body.items.some((i: Json) => i.orderId === order.id),
      false,
      'a delivered parcel leaves the work list',
    );
    const delivered = await shop.call('/seller/shipments?status=DELIVERED&size=100', shop.seller);
    assert.ok(delivered.body.items.some((i: Json) => i.orderId === order.id));

    const confirmed = await shop.call(`/orders/${order.id}/confirm-purchase`, shop.consumer, {
      method: 'POST',
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, 'PURCHASE_CONFIRMED');
  });
});
