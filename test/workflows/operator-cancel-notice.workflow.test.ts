import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { cancelOrderUpdate, submitPaymentUpdate } from '../../workflows/ordering/order-lifecycle.messages';
import { eventually } from '../support/eventually';
import type { OrderSandbox, PlacedOrder } from '../support/order-sandbox';
import { useJourney } from '../support/order-part-workers';

const cancelledWorkflow = (error: unknown) =>
  error instanceof WorkflowFailedError && error.cause instanceof CancelledFailure;

/**
 * The refund notice names the notice it follows, so the notification context delivers it after
 * that one (issue #19); and the operator's cancel from the Temporal UI tells the buyer of the
 * cancel before the refund, like every other cancel.
 */
describe('cancel notice before refund notice: the operator’s cancel and the ordering key', () => {
  let box: OrderSandbox;
  useJourney((opened) => ({ box } = opened), { partWorkers: false });

  const noticesOf = (orderId: string) => box.sent.filter((n) => n.orderId === orderId);
  const codesOf = (orderId: string) => noticesOf(orderId).map((n) => n.templateCode);
  const noticeOf = (orderId: string, code: string) => noticesOf(orderId).find((n) => n.templateCode === code);

  async function paidOrder(): Promise<PlacedOrder> {
    const product = await box.product([4], 20_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    return order;
  }

  test('an operator cancelling a paid order in the Temporal UI: the buyer reads "cancelled", then "refunded"', async () => {
    const order = await paidOrder();
    await box.workflow(order.id).cancel();
    await assert.rejects(box.workflow(order.id).result(), cancelledWorkflow);

    const codes = codesOf(order.id).filter((c) => c === 'ORDER_CANCELLED' || c === 'REFUND_COMPLETED');
    assert.deepEqual(codes, ['ORDER_CANCELLED', 'REFUND_COMPLETED']);
    const cancelled = noticeOf(order.id, 'ORDER_CANCELLED')!;
    assert.equal(cancelled.variables['취소사유'], '운영자에 의한 주문 취소');
    assert.equal(noticeOf(order.id, 'REFUND_COMPLETED')!.after, cancelled.dedupeKey);
    assert.equal((await box.orderStatus(order.id)).status, 'CANCELLED');
  });

  test('a buyer’s cancel: the refund notice names the cancel notice as the one it follows', async () => {
    const order = await paidOrder();
    await box.workflow(order.id).executeUpdate(cancelOrderUpdate, {
      args: [{ actorId: box.consumer.id, reason: '단순 변심' }],
    });
    await eventually(async () => codesOf(order.id).includes('REFUND_COMPLETED'), { what: 'refund notice' });
    const cancelled = noticeOf(order.id, 'ORDER_CANCELLED')!;
    assert.equal(noticeOf(order.id, 'REFUND_COMPLETED')!.after, cancelled.dedupeKey);
  });
});
