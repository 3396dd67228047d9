import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { OrderingActivities } from '../../activities/ordering/ordering.activities';
import type { PaymentActivities } from '../../activities/payment/payment.activities';
import type { ShipmentRowActivities } from '../../activities/shipping/shipping.activities';
import type { PayableLinesIntake, RefundAdjustmentIntake } from '../../domain/settlement/payable-lines';
import { UNTIL_DONE_RETRY, VENDOR_CALL_HEARTBEAT, withTimeout } from '../shared/activity-options';
import { PAYMENT_TASK_QUEUE, SETTLEMENT_TASK_QUEUE } from '../shared/task-queues';

/**
 * OrderLifecycle's activities. Its own steps and every compensation retry until they succeed
 * (a database or PG outage must delay an order, never leave it half done); a refusal of the state
 * machine is non-retryable and surfaces at once.
 */
const untilDone = withTimeout('1 minute', UNTIL_DONE_RETRY);

/** Database steps run as local activities: in this worker, without a server round trip each. */
export const steps = proxyLocalActivities<OrderingActivities>(untilDone);

/** Refunds run on the payment context's queue (PG cancel + points). */
export const payments = proxyActivities<Pick<PaymentActivities, 'refundPayment'>>({
  ...untilDone,
  startToCloseTimeout: '2 minutes',
  ...VENDOR_CALL_HEARTBEAT,
  taskQueue: PAYMENT_TASK_QUEUE,
});

export const settlement = proxyActivities<PayableLinesIntake & RefundAdjustmentIntake>({
  ...untilDone,
  taskQueue: SETTLEMENT_TASK_QUEUE,
});

/**
 * A part's shipment row, opened at payment by the order itself and closed by it when the part is
 * cancelled before any invoice (generation 3): local activities, so the ordering worker registers the
 * shipping activities too (workers/compose-activities.ts).
 */
export const shipments = proxyLocalActivities<ShipmentRowActivities>(untilDone);
