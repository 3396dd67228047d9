import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { uuidv7 } from '../../platform/ids';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import {
  cancelOrderUpdate,
  shipPartUpdate,
  submitPaymentUpdate,
} from '../../workflows/ordering/order-lifecycle.messages';
import { eventually } from '../support/eventually';
import { useJourney } from '../support/order-part-workers';
import type { OrderSandbox, PlacedOrder } from '../support/order-sandbox';

/**
 * The buyer reads "cancelled" (or "return approved") before "refunded", and the refund message says
 * where the money goes for the method the order was paid with (issue #19, point 9).
 */
describe('cancel and refund notices: order and wording (time-skipping server, real activities)', () => {
  let box: OrderSandbox;
  let points: TypeOrmPointsLedger;

  useJourney((opened) => ({ box } = opened), { courier: {} });
  before(() => {
    points = new TypeOrmPointsLedger({
      dataSource: box.app.dataSource,
      newId: uuidv7,
      now: () => new Date(),
    });
  });

  const noticesOf = (orderId: string) => box.sent.filter((n) => n.orderId === orderId);
  const codesOf = (orderId: string) => noticesOf(orderId).map((n) => n.templateCode);
  const refundText = (orderId: string) =>
    String(noticesOf(orderId).find((n) => n.templateCode === 'REFUND_COMPLETED')?.variables['환불수단']);
  const pgPaymentOf = (orderId: string) =>
    [...box.simulator.state.toss.payments.values()].find((p) => p.orderId === orderId);

  async function paidOrder(
    items: Array<{ variantId: string; quantity: number }>,
    payment?: Record<string, unknown>,
    method: 'CARD' | 'KAKAOPAY' = 'CARD',
  ): Promise<PlacedOrder> {
    const order = await box.placeOrder(items, payment);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount, { method });
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    return order;
  }

  test('a card order cancelled after payment: the refund notice waits for the cancel notice, and names the card wording', async () => {
    const product = await box.product([4], 20_000);
    const order = await paidOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);

    // The cancel notice's send is stalled (a slow notification worker): the money still goes back,
    // but the refund notice is not sent before the cancel notice.
    const release = box.holdNotices('ORDER_CANCELLED');
    const cancelled = box.workflow(order.id).executeUpdate(cancelOrderUpdate, {
      args: [{ actorId: box.consumer.id, reason: '단순 변심' }],
    });
    await eventually(async () => pgPaymentOf(order.id)?.status === 'CANCELED', { what: 'PG refund' });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'CANCELLED', {
      what: 'CANCELLED',
    });
    assert.ok(!codesOf(order.id).includes('REFUND_COMPLETED'), 'no refund notice before the cancel notice');
    release();
    assert.equal((await cancelled).status, 'CANCELLED');

    const codes = codesOf(order.id);
    assert.ok(codes.includes('ORDER_CANCELLED'));
    assert.ok(codes.indexOf('ORDER_CANCELLED') < codes.indexOf('REFUND_COMPLETED'), codes.join(' → '));
    assert.equal(refundText(order.id), '카드 23,000원 승인 취소 (카드사에 따라 영업일 3~7일 내 반영)');
  });

  test('a KakaoPay order paid partly with points: both parts of the refund are named', async () => {
    await points.earn(box.consumer.id, 5_000, `welcome:${uuidv7()}`);
    const product = await box.product([4], 20_000);
    const order = await paidOrder(
      [{ variantId: product.variantIds[0]!, quantity: 1 }],
      { method: 'KAKAOPAY', provider: 'TOSS', points: 5_000 },
      'KAKAOPAY',
    );
    await box.workflow(order.id).executeUpdate(cancelOrderUpdate, {
      args: [{ actorId: box.consumer.id, reason: '다른 상품으로 재주문' }],
    });
    await eventually(async () => codesOf(order.id).includes('REFUND_COMPLETED'), { what: 'refund notice' });
    const codes = codesOf(order.id);
    assert.ok(codes.indexOf('ORDER_CANCELLED') < codes.indexOf('REFUND_COMPLETED'), codes.join(' → '));
    assert.equal(refundText(order.id), '카카오페이 18,000원 결제 취소, 즉시 환불 + 포인트 5,000원 즉시 복원');
  });

  test('a partial return approved by the seller: "return approved" with the returned item, then the refund', async () => {
    const product = await box.product([5, 5], 30_000);
    const [kept, returned] = product.variantIds as [string, string];
    const order = await paidOrder([
      { variantId: kept, quantity: 1 },
      { variantId: returned, quantity: 1 },
    ]);
    await box.workflow(order.id).executeUpdate(shipPartUpdate, {
      args: [
        { actorId: box.seller.id, sellerId: box.seller.id, courier: 'CJ', invoiceNumber: '601234567803' },
      ],
    });
    const api = async <T>(path: string, auth: Record<string, string>, body?: unknown) =>
      (await (await box.app.request(`/api/v1${path}`, { headers: auth, body })).json()) as T;
    const detail = await api<{
      parts: Array<{ lines: Array<{ id: string; variantId: string; productName: string }> }>;
    }>(`/orders/${order.id}`, box.consumer.auth);
    const line = detail.parts[0]!.lines.find((l) => l.variantId === returned)!;
    const requested = await api<{ returnId: string }>(`/orders/${order.id}/returns`, box.consumer.auth, {
      reason: '색상이 달라요',
      reasonCode: 'DEFECTIVE',
      lineIds: [line.id],
    });
    await api(`/seller/returns/${requested.returnId}/approve`, box.seller.auth, {});

    await eventually(async () => codesOf(order.id).includes('REFUND_COMPLETED'), { what: 'refund notice' });
    const codes = codesOf(order.id);
    assert.ok(
      codes.indexOf('RETURN_APPROVED') >= 0 &&
        codes.indexOf('RETURN_APPROVED') < codes.indexOf('REFUND_COMPLETED'),
      codes.join(' → '),
    );
    const approved = noticesOf(order.id).find((n) => n.templateCode === 'RETURN_APPROVED')!;
    assert.equal(approved.variables['상품명'], line.productName);
    const refund = noticesOf(order.id).find((n) => n.templateCode === 'REFUND_COMPLETED')!;
    assert.equal(approved.variables['환불예정금액'], refund.variables['환불금액']);
    assert.match(refundText(order.id), /^카드 [\d,]+원 승인 취소 \(카드사에 따라 영업일 3~7일 내 반영\)$/);
  });
});
