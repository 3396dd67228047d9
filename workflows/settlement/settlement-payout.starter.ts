import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import {
  SETTLEMENT_TASK_QUEUE,
  settlementPayoutWorkflowId,
  type SettlementPayoutInput,
} from './settlement.messages';
import type { DeadLetterRetrier } from '../../domain/dead-letter/dead-letter';

/**
 * A parked payout runs again from its first unfinished step (each step skips what is done). The
 * run is named after the letter and never reused, so retrying the same letter twice starts one run.
 */
export function settlementDeadLetterRetrier(deps: { temporal: () => Client }): DeadLetterRetrier {
  return async (letter) => {
    const input = letter.input as SettlementPayoutInput;
    const workflowId = `${settlementPayoutWorkflowId(input.settlementId)}:retry:${letter.id}`;
    await startOnce(deps.temporal(), 'settlementPayoutWorkflow', {
      taskQueue: SETTLEMENT_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { workflowId };
  };
}
