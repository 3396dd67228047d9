import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { DeadLetterRetrier } from '../../domain/dead-letter/dead-letter';
import { startOnce } from '../../platform/temporal/start-once';
import { PAYMENT_TASK_QUEUE } from '../../workflows/payment/payment.messages';
import { refundRetryWorkflowId } from '../../workflows/shared/workflow-ids';

/**
 * A refund the PG refused is asked again with the same refund id: the PG sees the same idempotency
 * key and the points ledger the same reference, so a retry never gives the money back twice. The
 * run is named after the letter and never reused: retrying the same letter twice starts one run.
 */
export function refundDeadLetterRetrier(deps: { temporal: () => Client }): DeadLetterRetrier {
  return async (letter) => {
    const workflowId = refundRetryWorkflowId(letter.id);
    await startOnce(deps.temporal(), 'refundRetryWorkflow', {
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId,
      args: [{ ...(letter.input as Record<string, unknown>), retryOf: letter.id }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { workflowId };
  };
}
