import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CourierSimulator } from '../../simulators/courier/courier.simulator';
import {
  orderStateQuery,
  shipPartUpdate,
  submitPaymentUpdate,
  type OrderLifecycleState,
} from '../../workflows/ordering/order-lifecycle.messages';
import { eventually } from '../support/eventually';
import { useJourney } from '../support/order-part-workers';
import type { OrderSandbox, PlacedOrder } from '../support/order-sandbox';

interface OrderDetail {
  status: string;
  totalAmount: number;
  parts: Array<{ sellerId: string; status: string; lines: Array<{ id: string; variantId: string }> }>;
  refunds: Array<{ amount: number; status: string }>;
  returns: Array<{
    returnId: string;
    status: string;
    reasonCode: string;
    refundAmount: number | null;
    deductionAmount: number | null;
    breakdown: {
      goodsAmount: number;
      shippingAmount: number;
      deductions: Array<{ kind: string; amount: number; reason: string }>;
    } | null;
  }>;
}

/**
 * Returns under the refund rules with shipping (docs/ordering.md#refunds-with-shipping), through the
 * API, OrderLifecycle on the time-skipping server, the PG simulator and settlement's intake. The
 * seller keeps the platform default policy: 3,000 won, free from 50,000 won, return shipping = base fee.
 */
describe('returns with shipping rules (time-skipping server, real activities, MariaDB)', () => {
  let box: OrderSandbox;
  let courier: CourierSimulator;

  useJourney((opened) => ({ box, courier } = opened), { courier: {} });

  const api = async <T>(path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await box.app.request(`/api/v1${path}`, { headers: auth, body });
    return { status: response.status, body: (await response.json()) as T };
  };
  const detail = async (orderId: string) =>
    (await api<OrderDetail>(`/orders/${orderId}`, box.consumer.auth)).body;
  const adjustments = async (orderId: string) =>
    (
      (await box.app.dataSource.query(
        'SELECT kind, amount, reason FROM settlement_adjustments WHERE order_id = ? ORDER BY kind',
        [orderId],
      )) as Array<{ kind: string; amount: number; reason: string }>
    ).map((a) => [a.kind, Number(a.amount)]);

  /** Placed, paid and shipped: the buyer may ask for a return. */
  async function shippedOrder(
    items: Array<{ variantId: string; quantity: number }>,
    invoiceNumber: string,
  ): Promise<PlacedOrder> {
    const order = await box.placeOrder(items);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    await box.workflow(order.id).executeUpdate(shipPartUpdate, {
      args: [{ actorId: box.seller.id, sellerId: box.seller.id, courier: 'CJ', invoiceNumber }],
    });
    return order;
  }

  test('a partial return for change of mind keeps return shipping and the shipping now due, less the seller’s waiver', async () => {
    const product = await box.product([5, 5], 30_000);
    const [first, second] = product.variantIds as [string, string];
    const order = await shippedOrder(
      [
        { variantId: first, quantity: 1 },
        { variantId: second, quantity: 1 },
      ],
      '601234567890',
    );
    assert.equal(order.totalAmount, 60_000, 'over the threshold: shipped free');
    const returnedLine = (await detail(order.id)).parts[0]!.lines.find((l) => l.variantId === second)!;

    const requested = await api<{ returnId: string }>(`/orders/${order.id}/returns`, box.consumer.auth, {
      reason: '생각보다 커요',
      reasonCode: 'CHANGE_OF_MIND',
      lineIds: [returnedLine.id],
    });
    assert.equal(requested.status, 201);
    const approvePath = `/seller/returns/${requested.body.returnId}/approve`;
    const tooMuch = await api<{ code: string }>(approvePath, box.seller.auth, {
      deductionAdjustment: { amount: 25_000, reason: '과다 차감' },
    });
    assert.deepEqual([tooMuch.status, tooMuch.body.code], [400, 'VALIDATION_FAILED']);

    const approved = await api<{ status: string }>(approvePath, box.seller.auth, {
      deductionAdjustment: { amount: -1_000, reason: '첫 구매 고객 배려' },
    });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'DELIVERED', 'the kept line goes on to confirmation');

    const shown = await detail(order.id);
    const ret = shown.returns[0]!;
    assert.deepEqual(
      [ret.status, ret.reasonCode, ret.refundAmount, ret.deductionAmount],
      ['APPROVED', 'CHANGE_OF_MIND', 25_000, 5_000],
    );
    assert.deepEqual(
      ret.breakdown?.deductions.map((d) => [d.kind, d.amount]),
      [
        ['RETURN_SHIPPING', 3_000],
        ['SHIPPING_NOW_DUE', 3_000],
        ['ADJUSTMENT', -1_000],
      ],
    );
    assert.equal(ret.breakdown?.deductions[2]!.reason, '첫 구매 고객 배려');
    const state: OrderLifecycleState = await box.workflow(order.id).query(orderStateQuery);
    assert.deepEqual(state.refunds, [{ refundId: `${order.id}:return:${ret.returnId}`, amount: 25_000 }]);
    const pgPayment = [...box.simulator.state.toss.payments.values()].find((p) => p.orderId === order.id);
    assert.equal(pgPayment?.balanceAmount, 35_000, 'a partial PG cancel of 25,000');
    assert.deepEqual(await box.sellable(second), { onHand: 5, reserved: 0 }, 'the returned unit is back');
    assert.deepEqual(await box.sellable(first), { onHand: 4, reserved: 0 }, 'the kept one is not');
    assert.deepEqual(await adjustments(order.id), [['RETURN_SHIPPING', 5_000]]);

    // The kept line arrives and the buyer keeps it: after the 7-day hold only it is payable.
    await eventually(() => [...courier.state.parcels.values()].some((p) => p.invoice === '601234567890'), {
      what: 'the parcel registered at the courier',
    });
    courier.advance('04', '601234567890', 6);
    await eventually(
      async () => (await box.workflow(order.id).query(orderStateQuery)).parts[0]!.deliveredAt,
      { what: 'delivery seen by the order' },
    );
    const confirmed = await api(`/orders/${order.id}/confirm-purchase`, box.consumer.auth, {});
    assert.equal(confirmed.status, 200);
    await box.workflow(order.id).result();
    const payable = (await box.app.dataSource.query(
      'SELECT kind, order_line_id, amount FROM payable_lines WHERE order_id = ?',
      [order.id],
    )) as Array<{ kind: string; order_line_id: string; amount: number }>;
    const keptLine = shown.parts[0]!.lines.find((l) => l.variantId === first)!;
    assert.deepEqual(
      payable.map((l) => [l.kind, l.order_line_id, Number(l.amount)]),
      [['SALE', keptLine.id, 30_000]],
    );
  });

  test('a cancel before shipping gives back goods and shipping', async () => {
    const product = await box.product([5], 20_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    assert.equal(order.totalAmount, 23_000);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    const cancelled = await api<{ status: string }>(`/orders/${order.id}/cancel`, box.consumer.auth, {
      reason: '주소를 잘못 적었어요',
    });
    assert.deepEqual([cancelled.status, cancelled.body.status], [200, 'CANCELLED']);
    const state: OrderLifecycleState = await box.workflow(order.id).query(orderStateQuery);
    assert.deepEqual(state.refunds, [{ refundId: `${order.id}:cancel:all`, amount: 23_000 }]);
  });

  test('a defect return gives everything back, shipping included; the return shipping is the seller’s cost', async () => {
    const product = await box.product([5], 20_000);
    const order = await shippedOrder([{ variantId: product.variantIds[0]!, quantity: 1 }], '601234567901');
    assert.equal(order.totalAmount, 23_000, 'under the threshold: 3,000 shipping');
    const requested = await api<{ returnId: string }>(`/orders/${order.id}/returns`, box.consumer.auth, {
      reason: '화면이 깨져서 왔어요',
      reasonCode: 'DEFECTIVE',
    });
    const approved = await api<{ status: string }>(
      `/seller/returns/${requested.body.returnId}/approve`,
      box.seller.auth,
      {},
    );
    assert.deepEqual([approved.status, approved.body.status], [200, 'RETURNED']);
    const ret = (await detail(order.id)).returns[0]!;
    assert.deepEqual(
      [
        ret.refundAmount,
        ret.breakdown?.goodsAmount,
        ret.breakdown?.shippingAmount,
        ret.breakdown?.deductions,
      ],
      [23_000, 20_000, 3_000, []],
    );
    assert.deepEqual(await adjustments(order.id), [['SELLER_COST', 3_000]]);
  });
});
