import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';
import { createProduct } from '../support/ordering';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Exchanges (교환, docs/ordering.md#exchanges) through the API with the dev server, the worker
 * process and the courier simulator: the buyer asks for another option, the seller lists and
 * approves it, stock moves, the replacement is shipped and delivered, the buyer sees it all.
 */
describe('exchanges for another option (dev server, worker process, simulators)', () => {
  let shop: Journey;

  before(async () => {
    shop = await openJourney({ courierStepMs: 300 });
  });

  after(async () => {
    await shop?.close();
  });

  const onHand = async (variantId: string) =>
    Number(
      (
        (await shop.app.dataSource.query('SELECT on_hand FROM stock_levels WHERE variant_id = ?', [
          variantId,
        ])) as Array<{ on_hand: number | string }>
      )[0]!.on_hand,
    );
  const messagesOf = async (orderId: string, templateCode: string) =>
    (await shop.app.dataSource.query(
      'SELECT recipient_user_id FROM notifications WHERE order_id = ? AND template_code = ?',
      [orderId, templateCode],
    )) as unknown[];
  const isProblem = (response: { headers: Headers }) =>
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);

  test('request, refusals, out of stock, approve, re-ship, delivered: the buyer sees it on the order', async () => {
    // S1 ordered; S2 the same price; S3 sold out; S4 dearer.
    const shirt = await createProduct(shop.app, shop.seller, {
      name: '교환 티셔츠',
      price: 19_000,
      stocks: [5, 5, 0, 5],
      priceDeltas: [0, 0, 0, 2_000],
    });
    const [s1, s2, s3, s4] = shirt.variantIds as [string, string, string, string];
    const mug = await shop.product([5], 19_000);
    const order = await shop.placeOrder(s1);
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');
    const lineId = (await shop.call(`/orders/${order.id}`, shop.consumer)).body.lines[0].id as string;

    const early = await shop.call(`/orders/${order.id}/exchanges`, shop.consumer, {
      body: { items: [{ orderLineId: lineId, variantId: s2 }], reason: '색이 달라요' },
    });
    assert.equal(early.status, 409, 'not before delivery');
    isProblem(early);

    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'CJ', invoiceNumber: '612345678906' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
    await shop.until(order.id, 'DELIVERED');

    const ask = (variantId: string, headers?: Record<string, string>) =>
      shop.call(`/orders/${order.id}/exchanges`, shop.consumer, {
        body: {
          items: [{ orderLineId: lineId, variantId }],
          reasonCode: 'CHANGE_OF_MIND',
          reason: '사이즈 교환',
        },
        headers,
      });
    const otherProduct = await ask(mug.variantIds[0]!);
    assert.equal(otherProduct.status, 400);
    isProblem(otherProduct);
    assert.deepEqual(
      otherProduct.body.errors.map((e: Json) => e.field),
      ['body.items.0.variantId'],
    );
    const same = await ask(s1);
    assert.equal(same.status, 400);
    assert.equal(same.body.errors[0].field, 'body.items.0.variantId');
    const dearer = await ask(s4);
    assert.equal(dearer.status, 409);
    isProblem(dearer);
    assert.equal(dearer.body.code, 'EXCHANGE_PRICE_DIFFERS');
    assert.match(dearer.body.detail, /교환 티셔츠/);

    // Sold out: the request is taken, the approval is refused naming the product and option; the seller rejects.
    const soldOut = await ask(s3);
    assert.equal(soldOut.status, 201, JSON.stringify(soldOut.body));
    assert.equal(soldOut.body.status, 'EXCHANGE_REQUESTED');
    const refused = await shop.call(`/seller/exchanges/${soldOut.body.exchangeId}/approve`, shop.seller, {
      body: {},
    });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    isProblem(refused);
    assert.equal(refused.body.code, 'OUT_OF_STOCK');
    assert.match(refused.body.detail, /교환 티셔츠 \(사이즈: S3\)/);
    const rejected = await shop.call(`/seller/exchanges/${soldOut.body.exchangeId}/reject`, shop.seller, {
      body: { reason: '해당 옵션 품절' },
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.status, 'DELIVERED');

    // The exchange that goes through; a repeat with the same Idempotency-Key answers the same exchange.
    const key = { 'idempotency-key': `exchange-${order.id}` };
    const requested = await ask(s2, key);
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const repeated = await ask(s2, key);
    assert.equal(repeated.status, 201, JSON.stringify(repeated.body));
    assert.equal(repeated.body.exchangeId, requested.body.exchangeId);
    const second = await ask(s2);
    assert.equal(second.status, 409, 'one pending exchange per part');
    await eventually(
      async () => (await messagesOf(order.id, 'SELLER_EXCHANGE_REQUESTED')).length >= 2 || undefined,
      {
        what: 'the seller alerted of the exchange requests',
        timeoutMs: 30_000,
      },
    );

    const list = await shop.call('/seller/exchanges?status=REQUESTED', shop.seller);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const listed = list.body.items.find((e: Json) => e.exchangeId === requested.body.exchangeId);
    assert.equal(listed.orderNumber, order.orderNumber);
    assert.equal(listed.reason, '사이즈 교환');
    assert.deepEqual(
      listed.items.map((i: Json) => [i.productName, i.from.optionText, i.to.optionText, i.quantity]),
      [['교환 티셔츠', '사이즈: S1', '사이즈: S2', 1]],
    );
    assert.equal(listed.payer, 'BUYER');
    assert.equal(listed.shippingFee, 6_000, 'the default policy: 3,000 back + 3,000 out');
    assert.deepEqual(listed.allowedActions, ['APPROVE', 'REJECT']);

    const [s1Before, s2Before] = [await onHand(s1), await onHand(s2)];
    const approved = await shop.call(`/seller/exchanges/${listed.exchangeId}/approve`, shop.seller, {
      body: {},
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'EXCHANGE_APPROVED');
    assert.equal(await onHand(s1), s1Before + 1, 'the returned unit is back on sale');
    assert.equal(await onHand(s2), s2Before - 1, 'the replacement left the shelf');

    const badInvoice = await shop.call(`/seller/exchanges/${listed.exchangeId}/shipment`, shop.seller, {
      body: { courierCode: 'NOPE', invoiceNumber: '612345678913' },
    });
    assert.equal(badInvoice.status, 400);
    assert.equal(badInvoice.body.errors[0].field, 'body.courierCode');
    const reshipped = await shop.call(`/seller/exchanges/${listed.exchangeId}/shipment`, shop.seller, {
      body: { courierCode: 'CJ', invoiceNumber: '6123-4567-8913' },
    });
    assert.equal(reshipped.status, 200, JSON.stringify(reshipped.body));
    assert.equal(reshipped.body.status, 'EXCHANGE_IN_TRANSIT');

    const seen = await eventually(
      async () => {
        const read = await shop.call(`/orders/${order.id}`, shop.consumer);
        const exchange = read.body.exchanges?.find((e: Json) => e.exchangeId === listed.exchangeId);
        return exchange?.status === 'DELIVERED' && read.body.status === 'DELIVERED' ? read.body : undefined;
      },
      { what: 'the replacement delivered on the buyer’s order', timeoutMs: 60_000 },
    );
    const shown = seen.exchanges.find((e: Json) => e.exchangeId === listed.exchangeId);
    assert.deepEqual(shown.items[0].to.options, { 사이즈: 'S2' });
    assert.equal(shown.payer, 'BUYER');
    assert.equal(shown.shippingFee, 6_000);
    assert.equal(shown.reshipment.courier, 'CJ');
    assert.equal(shown.reshipment.invoiceNumber, '612345678913');
    assert.equal(shown.reshipment.trackingStatus, 'DELIVERED');
    assert.deepEqual(shown.allowedActions, []);
    assert.equal(
      seen.exchanges.find((e: Json) => e.exchangeId === soldOut.body.exchangeId).status,
      'REJECTED',
    );
    for (const code of ['EXCHANGE_APPROVED', 'EXCHANGE_REJECTED', 'EXCHANGE_RESHIPPED'])
      await eventually(async () => (await messagesOf(order.id, code)).length > 0 || undefined, {
        what: `the buyer's ${code} message`,
        timeoutMs: 30_000,
      });

    // The replacement is a parcel of the order (docs/shipping.md#parcels).
    const tracking = await shop.call(`/orders/${order.id}/tracking`, shop.consumer);
    assert.equal(tracking.status, 200, JSON.stringify(tracking.body));
    assert.deepEqual(
      tracking.body.shipments.map((s: Json) => [s.exchangeId, s.invoiceNumber, s.status]),
      [
        [null, '612345678906', 'DELIVERED'],
        [listed.exchangeId, '612345678913', 'DELIVERED'],
      ],
    );
    assert.ok(tracking.body.shipments[1].events.length > 0, 'the replacement’s courier steps');
    const sellerList = await shop.call('/seller/shipments?status=DELIVERED&size=100', shop.seller);
    assert.deepEqual(
      sellerList.body.items
        .filter((s: Json) => s.orderId === order.id)
        .map((s: Json) => [s.kind, s.exchangeId]),
      [
        ['ORDER', null],
        ['EXCHANGE', listed.exchangeId],
      ],
    );
    const delivered = await eventually(
      async () => {
        const rows = (await shop.app.dataSource.query(
          "SELECT dedupe_key FROM notifications WHERE order_id = ? AND template_code = 'ORDER_DELIVERED' ORDER BY dedupe_key",
          [order.id],
        )) as Array<{ dedupe_key: string }>;
        return rows.length === 2 ? rows.map((r) => r.dedupe_key) : undefined;
      },
      { what: 'both delivery messages on the order', timeoutMs: 30_000 },
    );
    assert.ok(delivered.some((key) => key.endsWith(`:exchange:${listed.exchangeId}`)));
    assert.equal(
      (await messagesOf(order.id, 'ORDER_SHIPPED')).length,
      1,
      'the re-shipment is EXCHANGE_RESHIPPED only',
    );
    assert.equal((await messagesOf(order.id, 'EXCHANGE_RESHIPPED')).length, 1);
    const onExchangeId = (await shop.app.dataSource.query('SELECT id FROM notifications WHERE order_id = ?', [
      listed.exchangeId,
    ])) as unknown[];
    assert.equal(onExchangeId.length, 0, 'nothing logged against the exchange id');
  });
});
