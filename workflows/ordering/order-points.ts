import { proxyActivities } from '@temporalio/workflow';
import type { PointsActivities } from '../../activities/payment/points.activities';
import { UNTIL_DONE_RETRY } from '../shared/activity-options';
import { PAYMENT_TASK_QUEUE } from '../shared/task-queues';
import type { OrderState, PartState } from './order-state';

const points = proxyActivities<Pick<PointsActivities, 'earnPoints'>>({
  startToCloseTimeout: '1 minute',
  retry: UNTIL_DONE_RETRY,
  taskQueue: PAYMENT_TASK_QUEUE,
});

/**
 * A confirmed part earns points on what the buyer kept of it (lines not returned, and its shipping
 * fee), at the PG's share of the order — never on points (docs/payments.md#points). The activity
 * computes the amount with POINTS_EARN_RATE_BPS and credits it once per part.
 */
export async function earnPointsForPart(order: OrderState, part: PartState): Promise<void> {
  const paid = order.paid;
  if (!paid || paid.pgAmount <= 0) return;
  const kept = part.def.lines
    .filter((line) => !part.returnedLineIds.includes(line.orderLineId))
    .reduce((sum, line) => sum + line.amount, part.def.shippingFee ?? 0);
  await points.earnPoints({
    userId: order.input.userId,
    orderId: order.orderId,
    orderNumber: order.input.orderNumber,
    sellerId: part.def.sellerId,
    partAmount: kept,
    orderTotal: order.input.totalAmount,
    orderPgAmount: paid.pgAmount,
    confirmedAt: new Date(part.confirmedAtMs ?? Date.now()).toISOString(),
  });
}
