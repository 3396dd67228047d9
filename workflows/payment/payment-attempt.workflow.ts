import { setHandler } from '@temporalio/workflow';
import { settlePaymentAttempt, PgWake } from './payment-attempt';
import {
  pgStatusChangedSignal,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from './payment.messages';

/**
 * PaymentAttempt as a workflow of its own (docs/payments.md): how orders before generation 3 paid,
 * and how an operator retries a dead-lettered attempt. Orders of generation 3 settle the same
 * attempt inside OrderLifecycle (payment-attempt.ts). A verified PG webhook signals it.
 */
export async function paymentAttemptWorkflow(input: PaymentAttemptInput): Promise<PaymentAttemptResult> {
  const wake = new PgWake();
  setHandler(pgStatusChangedSignal, () => wake.mark());
  return settlePaymentAttempt(input, wake);
}
