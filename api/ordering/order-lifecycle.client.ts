import { TemporalOrderLifecycleStarter } from '../../activities/ordering/temporal-order-lifecycle-starter';
import {
  WorkflowFailedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Order } from '../../domain/ordering/order';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import type { PaymentAttemptResult } from '../../workflows/payment/payment.messages';
import { ProblemError } from '../problem';

export type PaymentOutcome =
  | PaymentAttemptResult
  | { status: 'FAILED'; orderId: string; attempt: number; code: string; message: string }
  | { status: 'PROCESSING'; orderId: string; attempt: number };

/**
 * The API's side of OrderLifecycle: start it (once per order), send it people's commands as
 * updates, and read payment attempts' results. Refusals from the workflow come back as the
 * problem codes it raised; a closed order answers ORDER_TRANSITION_NOT_ALLOWED.
 */
export class OrderLifecycleClient {
  constructor(private readonly temporal: () => Client) {
    this.starter = new TemporalOrderLifecycleStarter(temporal);
  }

  private readonly starter: TemporalOrderLifecycleStarter;

  /** Starts `order:<id>`, or finds it running (a replayed POST /orders). */
  start(order: Order): Promise<void> {
    return this.starter.start(order);
  }

  async command<Ret, Arg>(
    orderId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    arg: Arg,
    updateId?: string,
  ): Promise<Ret> {
    const handle = this.temporal().workflow.getHandle(orderWorkflowId(orderId));
    try {
      return await handle.executeUpdate(update, { args: [arg], updateId });
    } catch (error) {
      throw asProblem(error, orderId);
    }
  }

  /** The attempt's result if it ends within `waitMs`, else PROCESSING (the client polls the order). */
  async paymentOutcome(
    orderId: string,
    attempt: number,
    workflowId: string,
    waitMs: number,
  ): Promise<PaymentOutcome> {
    const result = this.temporal().workflow.getHandle(workflowId).result() as Promise<PaymentAttemptResult>;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<PaymentOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'PROCESSING', orderId, attempt }), waitMs);
    });
    try {
      return await Promise.race([result, timeout]);
    } catch (error) {
      if (error instanceof WorkflowFailedError) {
        const failure = applicationFailureIn(error.cause);
        return {
          status: 'FAILED',
          orderId,
          attempt,
          code: failure?.type ?? 'PAYMENT_FAILED',
          message: failure?.message ?? 'the payment could not be completed',
        };
      }
      throw error;
    } finally {
      clearTimeout(timer);
      result.catch(() => undefined);
    }
  }
}

function applicationFailureIn(error: unknown): ApplicationFailure | undefined {
  let current: unknown = error;
  while (current instanceof TemporalFailure) {
    if (current instanceof ApplicationFailure && current.type) return current;
    current = current.cause;
  }
  return undefined;
}

function asProblem(error: unknown, orderId: string): unknown {
  if (error instanceof WorkflowUpdateFailedError) {
    const failure = applicationFailureIn(error.cause);
    if (failure?.type)
      return new ProblemError(
        failure.type,
        failure.message,
        (failure.details?.[0] as Record<string, unknown>) ?? {},
      );
    return new ProblemError('CONFLICT', error.message);
  }
  if (error instanceof WorkflowNotFoundError || isCompleted(error))
    return new ProblemError(
      'ORDER_TRANSITION_NOT_ALLOWED',
      `Order ${orderId} is closed: nothing more can change it.`,
    );
  return error;
}

const isCompleted = (error: unknown) =>
  error instanceof Error && /already completed|workflow execution already/i.test(error.message);
