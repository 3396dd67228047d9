import { proxyActivities } from '@temporalio/workflow';
import type {
  PaymentActivities,
  RefundInput,
  RefundOutcome,
} from '../../activities/payment/payment.activities';
import { UNTIL_DONE_RETRY, VENDOR_CALL_HEARTBEAT } from '../shared/activity-options';

const { refundPayment } = proxyActivities<Pick<PaymentActivities, 'refundPayment'>>({
  startToCloseTimeout: '2 minutes',
  ...VENDOR_CALL_HEARTBEAT,
  retry: UNTIL_DONE_RETRY,
});

/**
 * An operator's retry of a refund the PG refused (a `refund` dead letter): the same refund id, so
 * the same PG idempotency key and points reference, and nothing is asked again once the refund is
 * DONE. A PG that refuses again parks a new letter (docs/payments.md#refunds-the-pg-refuses).
 */
export async function refundRetryWorkflow(input: RefundInput & { retryOf: string }): Promise<RefundOutcome> {
  return refundPayment(input);
}
