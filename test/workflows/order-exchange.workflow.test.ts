import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CourierSimulator } from '../../simulators/courier/courier.simulator';
import {
  shipPartUpdate,
  submitPaymentUpdate,
  type OrderLifecycleState,
} from '../../workflows/ordering/order-lifecycle.messages';
import { AUTO_CONFIRM_AFTER_MS } from '../../workflows/ordering/order-lifecycle.workflow';
import { eventually } from '../support/eventually';
import { callApi, historyTimes, useJourney } from '../support/order-part-workers';
import type { OrderSandbox, PlacedOrder } from '../support/order-sandbox';

const DAY_MS = 24 * 3600_000;

/**
 * Exchanges (docs/ordering.md#exchanges) on the time-skipping server with real activities: the
 * replacement's own Shipment, the 7-day purchase-confirmation clock restarting at its delivery, and
 * stopping while a request is pending (a rejection lets it go on where it stopped).
 */
describe('exchanges on the time-skipping server (real activities, MariaDB, simulators)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let courier: CourierSimulator;
  useJourney((opened) => ({ env, box, courier } = opened));

  const api = (path: string, auth: Record<string, string>, body?: unknown) => callApi(box, path, auth, body);
  const historyAt = (orderId: string) => historyTimes(box, orderId);
  const parcelArrives = async (invoice: string) => {
    await eventually(() => [...courier.state.parcels.values()].some((p) => p.invoice === invoice), {
      what: `parcel ${invoice} registered at the courier`,
    });
    courier.advance('04', invoice, 6);
  };

  /** Paid, shipped and delivered: the buyer may ask for an exchange. */
  async function deliveredOrder(variantId: string, invoice: string): Promise<PlacedOrder> {
    const order = await box.placeOrder([{ variantId, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    await box.workflow(order.id).executeUpdate(shipPartUpdate, {
      args: [{ actorId: box.seller.id, sellerId: box.seller.id, courier: 'CJ', invoiceNumber: invoice }],
    });
    await parcelArrives(invoice);
    await eventually(async () => (await box.orderStatus(order.id)).status === 'DELIVERED', {
      what: 'DELIVERED',
    });
    return order;
  }

  const lineOf = async (orderId: string) =>
    (await api(`/orders/${orderId}`, box.consumer.auth)).body.lines[0].id as string;

  test('request → approve → re-ship → delivered → confirmed 7 days after the replacement arrived', async () => {
    const product = await box.product([5, 5], 20_000);
    const [first, second] = product.variantIds as [string, string];
    const order = await deliveredOrder(first, '601234567890');
    const requested = await api(`/orders/${order.id}/exchanges`, box.consumer.auth, {
      items: [{ orderLineId: await lineOf(order.id), variantId: second }],
      reasonCode: 'DEFECTIVE',
      reason: '봉제가 뜯어져 왔어요',
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const exchangeId = requested.body.exchangeId as string;
    const approved = await api(`/seller/exchanges/${exchangeId}/approve`, box.seller.auth, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.deepEqual(await box.sellable(first), { onHand: 5, reserved: 0 }, 'the returned unit is back');
    assert.deepEqual(await box.sellable(second), { onHand: 4, reserved: 0 }, 'the replacement is gone');
    const adjustments = (await box.app.dataSource.query(
      'SELECT kind, amount FROM settlement_adjustments WHERE order_id = ?',
      [order.id],
    )) as Array<{ kind: string; amount: number }>;
    assert.deepEqual(
      adjustments.map((a) => [a.kind, Number(a.amount)]),
      [['SELLER_COST', 6_000]],
      'a defect: the round trip (3,000 + 3,000) is the seller’s',
    );

    const shipped = await api(`/seller/exchanges/${exchangeId}/shipment`, box.seller.auth, {
      courierCode: 'CJ',
      invoiceNumber: '601234567912',
    });
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    await parcelArrives('601234567912');
    await eventually(
      async () => (await box.orderStatus(order.id)).history.includes('DELIVER_EXCHANGE') || undefined,
      { what: 'the replacement delivered' },
    );
    assert.ok(
      (await env.client.workflow.getHandle(`shipment:${exchangeId}:${box.seller.id}`).describe()).status
        .name === 'COMPLETED',
      'the replacement had a Shipment of its own',
    );
    // A parcel of the order: its messages name the order and say it is the exchanged item, once.
    const sent = box.sent.filter((n) => n.orderId === order.id);
    const invoicesOf = (code: string) =>
      sent.filter((n) => n.templateCode === code).map((n) => n.variables.송장번호);
    assert.deepEqual(invoicesOf('ORDER_SHIPPED'), ['601234567890']);
    assert.deepEqual(invoicesOf('EXCHANGE_RESHIPPED'), ['601234567912']);
    assert.deepEqual(
      sent.filter((n) => n.templateCode === 'ORDER_DELIVERED').map((n) => n.dedupeKey),
      [
        `order-delivered:${order.id}:${box.seller.id}`,
        `order-delivered:${order.id}:${box.seller.id}:exchange:${exchangeId}`,
      ],
    );
    assert.match(
      String(
        sent.find((n) => n.templateCode === 'ORDER_DELIVERED' && n.dedupeKey.endsWith(exchangeId))?.variables
          .상품명,
      ),
      /^교환 상품 /,
    );
    assert.equal(box.sent.filter((n) => n.orderId === exchangeId).length, 0);

    const final = (await box.workflow(order.id).result()) as OrderLifecycleState;
    assert.equal(final.status, 'PURCHASE_CONFIRMED');
    const history = await historyAt(order.id);
    assert.deepEqual(
      history.map(([command]) => command),
      [
        'SHIP',
        'DELIVER',
        'REQUEST_EXCHANGE',
        'APPROVE_EXCHANGE',
        'SHIP_EXCHANGE',
        'DELIVER_EXCHANGE',
        'CONFIRM_PURCHASE',
      ],
    );
    const at = new Map(history);
    const clock = at.get('CONFIRM_PURCHASE')! - at.get('DELIVER_EXCHANGE')!;
    assert.ok(
      clock >= AUTO_CONFIRM_AFTER_MS && clock < AUTO_CONFIRM_AFTER_MS + 60_000,
      `confirmed ${clock} ms after`,
    );
    assert.ok(box.sent.some((n) => n.orderId === order.id && n.templateCode === 'EXCHANGE_APPROVED'));
  });

  test('a rejected exchange: the clock stood still while it was pending, then goes on', async () => {
    const product = await box.product([5, 5], 20_000);
    const [first, second] = product.variantIds as [string, string];
    const order = await deliveredOrder(first, '601234567901');
    await env.sleep(3 * DAY_MS);
    const requested = await api(`/orders/${order.id}/exchanges`, box.consumer.auth, {
      items: [{ orderLineId: await lineOf(order.id), variantId: second }],
      reason: '다른 사이즈로 바꾸고 싶어요',
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    assert.equal(requested.body.status, 'EXCHANGE_REQUESTED');
    await env.sleep(5 * DAY_MS);
    const rejected = await api(`/seller/exchanges/${requested.body.exchangeId}/reject`, box.seller.auth, {
      reason: '착용 흔적이 있어 교환이 어렵습니다',
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.status, 'DELIVERED');
    assert.deepEqual(await box.sellable(second), { onHand: 5, reserved: 0 }, 'nothing taken');

    const final = (await box.workflow(order.id).result()) as OrderLifecycleState;
    assert.equal(final.status, 'PURCHASE_CONFIRMED');
    const at = new Map(await historyAt(order.id));
    const paused = at.get('REJECT_EXCHANGE')! - at.get('REQUEST_EXCHANGE')!;
    assert.ok(paused >= 5 * DAY_MS);
    const counted = at.get('CONFIRM_PURCHASE')! - at.get('DELIVER')! - paused;
    assert.ok(
      counted >= AUTO_CONFIRM_AFTER_MS && counted < AUTO_CONFIRM_AFTER_MS + 60_000,
      `7 days counted outside the exchange, got ${counted / DAY_MS} days`,
    );
    assert.ok(box.sent.some((n) => n.orderId === order.id && n.templateCode === 'EXCHANGE_REJECTED'));
  });
});
