import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import {
  paymentOutcomeUpdate,
  type OrderLifecycleState,
  type PaymentOutcomeAnswer,
} from '../../workflows/ordering/order-lifecycle.messages';

/**
 * Attempt n's outcome as the order knows it (`paymentOutcome`, waiting up to 15 minutes of workflow
 * time, with the time-skipping server's clock free to jump meanwhile, as a workflow result's wait
 * frees it); after the order closed, what its result says of its last attempt.
 */
export async function attemptOutcome(
  env: TestWorkflowEnvironment,
  orderId: string,
  attempt: number,
): Promise<PaymentOutcomeAnswer> {
  const order = env.client.workflow.getHandle(orderWorkflowId(orderId));
  const clock = env.supportsTimeSkipping ? env.connection.testService : undefined;
  await clock?.unlockTimeSkipping({});
  try {
    return await order.executeUpdate(paymentOutcomeUpdate, { args: [{ attempt, waitMs: 15 * 60_000 }] });
  } catch (error) {
    const closed = (await order.describe()).status.name !== 'RUNNING';
    if (!closed && !(error instanceof WorkflowNotFoundError)) throw error;
    const { payment } = (await order.result()) as OrderLifecycleState;
    if (payment.failure) return { status: 'FAILED', orderId, attempt, ...payment.failure };
    if (payment.lastDecline) return { status: 'DECLINED', orderId, attempt, ...payment.lastDecline };
    throw error;
  } finally {
    await clock?.lockTimeSkipping({});
  }
}
