import type { Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import {
  PAYMENT_TASK_QUEUE,
  paymentAttemptWorkflowId,
  type PaymentAttemptInput,
} from '../../workflows/payment/payment.messages';
import type { DeadLetterRetrier } from './dead-letters.routes';
import { ProblemError } from '../problem';

/**
 * A parked payment attempt n is retried as attempt n + 1 of its order: the workflow id is fixed by
 * it, so a repeated call (or a crash between starting and marking) finds the same workflow instead
 * of starting another. An order no longer awaiting payment is never charged again.
 */
export function paymentDeadLetterRetrier(deps: {
  temporal: () => Client;
  /** The stored order's status (null for an attempt without an order). */
  orderStatusOf?: (orderId: string) => Promise<string | null>;
}): DeadLetterRetrier {
  return async (letter) => {
    const input = letter.input as PaymentAttemptInput;
    const orderStatus = (await deps.orderStatusOf?.(input.orderId)) ?? null;
    if (orderStatus !== null && orderStatus !== 'PENDING_PAYMENT')
      throw new ProblemError(
        'DEAD_LETTER_NOT_RETRYABLE',
        `Order ${input.orderId} is ${orderStatus}: its stock was released and the buyer was told, so it must not be charged now. Resolve this letter instead.`,
        { orderStatus },
      );
    const next = { ...input, attempt: input.attempt + 1 };
    const workflowId = paymentAttemptWorkflowId(input.orderId, next.attempt);
    await startOnce(deps.temporal(), 'paymentAttemptWorkflow', {
      taskQueue: PAYMENT_TASK_QUEUE,
      workflowId,
      args: [next],
    });
    return { workflowId, attempt: next.attempt };
  };
}
