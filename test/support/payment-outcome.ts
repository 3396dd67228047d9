import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import { eventually } from './eventually';
import {
  orderStateQuery,
  paymentOutcomeUpdate,
  type OrderLifecycleState,
  type PaymentOutcomeAnswer,
} from '../../workflows/ordering/order-lifecycle.messages';

/**
 * Attempt n's outcome as the order knows it (`paymentOutcome`), once the attempt has ended: within
 * two seconds with the time-skipping server's clock held, else with it free to jump (as a workflow
 * result's wait frees it); after the order closed, what its result says of its last attempt.
 */
export async function attemptOutcome(
  env: TestWorkflowEnvironment,
  orderId: string,
  attempt: number,
): Promise<PaymentOutcomeAnswer> {
  const order = env.client.workflow.getHandle(orderWorkflowId(orderId));
  const ask = (waitMs: number) => order.executeUpdate(paymentOutcomeUpdate, { args: [{ attempt, waitMs }] });
  const ended = async () => {
    const { payment } = await order.query(orderStateQuery);
    return !payment.inFlight || payment.attempts > attempt;
  };
  try {
    // The clock stays held while the attempt's activities run (in real time): freed once the
    // outcome is known, it could jump past the order's 30-minute window at once (a declined attempt).
    const settled = await eventually(ended, { what: `attempt ${attempt} ended`, timeoutMs: 2_000 }).then(
      () => true,
      () => false,
    );
    if (settled) return await ask(15 * 60_000);
    // Still running after that: it waits on a timer (a retry's pause), which only a freed clock fires.
    const clock = env.supportsTimeSkipping ? env.connection.testService : undefined;
    await clock?.unlockTimeSkipping({});
    try {
      return await ask(15 * 60_000);
    } finally {
      await clock?.lockTimeSkipping({});
    }
  } catch (error) {
    const closed = (await order.describe()).status.name !== 'RUNNING';
    if (!closed && !(error instanceof WorkflowNotFoundError)) throw error;
    const { payment } = (await order.result()) as OrderLifecycleState;
    if (payment.failure) return { status: 'FAILED', orderId, attempt, ...payment.failure };
    if (payment.lastDecline) return { status: 'DECLINED', orderId, attempt, ...payment.lastDecline };
    throw error;
  }
}
