import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { OrderingActivities } from '../../activities/ordering/ordering.activities';
import type { PaymentActivities } from '../../activities/payment/payment.activities';
import type { PayableLinesIntake } from '../../domain/settlement/payable-lines';

/**
 * OrderLifecycle's activities. Its own steps and every compensation retry until they succeed
 * (a database or PG outage must delay an order, never leave it half done); a refusal of the state
 * machine is non-retryable and surfaces at once.
 */
const untilDone = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 minutes' },
} as const;

/** Database steps run as local activities: in this worker, without a server round trip each. */
export const steps = proxyLocalActivities<OrderingActivities>(untilDone);

/** Refunds run on the payment context's queue (PG cancel + points). */
export const payments = proxyActivities<Pick<PaymentActivities, 'refundPayment'>>({
  ...untilDone,
  startToCloseTimeout: '2 minutes',
  taskQueue: 'payment',
});

export const settlement = proxyActivities<PayableLinesIntake>({ ...untilDone, taskQueue: 'settlement' });

export { notifications } from '../notification/send-notification';
