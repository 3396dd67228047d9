import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uuidv7 } from '../../platform/ids';
import { eventually } from '../support/eventually';
import { signUpSeller, type TestAccount } from '../support/identity';
import { openJourney, type Journey } from '../support/journey';
import { address, cardPayment, createProduct } from '../support/ordering';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A seller's day (issue #19): a two-seller order through the API, the dev server and the worker
 * process; each seller is alerted (AlimTalk through the notification context), one ships, the other
 * gets a return request that it approves from its own list.
 */
describe('a seller’s day (dev server, worker process, simulators)', () => {
  let shop: Journey;
  let second: TestAccount;

  before(async () => {
    shop = await openJourney({ courierStepMs: 300 });
    second = await signUpSeller(shop.app, { companyName: '둘째상회' });
  });

  after(async () => {
    await shop?.close();
  });

  const alertsOf = async (orderId: string, templateCode: string) =>
    (
      (await shop.app.dataSource.query(
        'SELECT recipient_user_id FROM notifications WHERE order_id = ? AND template_code = ?',
        [orderId, templateCode],
      )) as Array<{ recipient_user_id: string }>
    )
      .map((row) => row.recipient_user_id)
      .sort();

  test('two sellers alerted of one order; one ships, the other approves a return from its list', async () => {
    const first = await shop.product([5], 15_000);
    const other = await createProduct(shop.app, second, { price: 22_000, stocks: [5] });
    const placed = await shop.call('/orders', shop.consumer, {
      body: {
        items: [
          { variantId: first.variantIds[0], quantity: 1 },
          { variantId: other.variantIds[0], quantity: 1 },
        ],
        shippingAddress: address(),
        payment: cardPayment,
      },
      headers: { 'idempotency-key': uuidv7() },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const order = placed.body;
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');

    const bothSellers = [shop.seller.id, second.id].sort();
    await eventually(async () => (await alertsOf(order.id, 'SELLER_NEW_ORDER')).length === 2 || undefined, {
      what: 'a new-order alert for each seller',
      timeoutMs: 30_000,
    });
    assert.deepEqual(await alertsOf(order.id, 'SELLER_NEW_ORDER'), bothSellers);

    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'CJ', invoiceNumber: '612345678906' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
    const secondShips = await shop.call(`/seller/orders/${order.id}/shipments`, second, {
      body: { courier: 'HANJIN', invoiceNumber: '123456789012' },
    });
    assert.equal(secondShips.status, 201, JSON.stringify(secondShips.body));

    const requested = await shop.call(`/orders/${order.id}/returns`, shop.consumer, {
      body: { reason: '사이즈가 맞지 않아요', reasonCode: 'CHANGE_OF_MIND', sellerId: second.id },
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    await eventually(
      async () => (await alertsOf(order.id, 'SELLER_RETURN_REQUESTED')).length === 1 || undefined,
      { what: 'the return alert', timeoutMs: 30_000 },
    );
    assert.deepEqual(await alertsOf(order.id, 'SELLER_RETURN_REQUESTED'), [second.id]);

    const list = await shop.call('/seller/returns?status=REQUESTED', second);
    const listed = list.body.items.find((r: Json) => r.returnId === requested.body.returnId);
    assert.equal(listed.orderNumber, order.orderNumber);
    assert.equal(listed.reason, '사이즈가 맞지 않아요');
    assert.deepEqual(
      listed.items.map((i: Json) => [i.optionText, i.quantity]),
      [['사이즈: S1', 1]],
    );
    const firstList = await shop.call('/seller/returns', shop.seller);
    assert.ok(!firstList.body.items.some((r: Json) => r.returnId === listed.returnId));

    const approved = await shop.call(`/seller/returns/${listed.returnId}/approve`, second, { body: {} });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const shown = await eventually(
      async () => {
        const read = await shop.call(`/orders/${order.id}`, shop.consumer);
        const done = read.body.returns?.[0]?.refund?.status === 'DONE';
        return done ? read.body : undefined;
      },
      { what: 'the refund on the buyer’s order', timeoutMs: 30_000 },
    );
    assert.equal(shown.returns[0].status, 'APPROVED');
    assert.deepEqual(shown.returns[0].refund.methods, ['CARD']);
    assert.equal(shown.parts.find((p: Json) => p.sellerId === second.id).status, 'RETURNED');
  });
});
