import { TemporalOrderLifecycleStarter } from '../../workflows/ordering/order-lifecycle.starter';
import {
  WorkflowFailedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { UpdateDefinition } from '@temporalio/common';
import type { Order } from '../../domain/ordering/order';
import { orderWorkflowId } from '../../workflows/shared/workflow-ids';
import {
  submitPaymentUpdate,
  type PaymentOutcomeAnswer,
  type SubmitPaymentRequest,
} from '../../workflows/ordering/order-lifecycle.messages';
import type { PaymentAttemptResult } from '../../workflows/payment/payment.messages';
import { ProblemError } from '../problem';

export type PaymentOutcome = PaymentOutcomeAnswer;

const CLOSE_EVENT = temporal.api.enums.v1.HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT;

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

  /**
   * Hands the PG's result to the order (`submitPayment`) and waits up to `waitMs` for the attempt's
   * answer on the PaymentAttempt run itself: a long poll of the server that sends the order no second
   * message and puts no timer into its history (docs/ordering.md, "What an order costs Temporal").
   * A PG slower than the wait answers PROCESSING; the buyer polls the order.
   */
  async pay(
    orderId: string,
    request: SubmitPaymentRequest,
    updateId: string,
    waitMs: number,
  ): Promise<PaymentOutcome> {
    const deadline = Date.now() + waitMs;
    const { attempt, workflowId } = await this.command(orderId, submitPaymentUpdate, request, updateId);
    if (!(await this.closedBy(workflowId, deadline))) return { status: 'PROCESSING', orderId, attempt };
    return this.attemptResult(orderId, attempt, workflowId);
  }

  /**
   * Waits until the run has closed or the deadline has passed: long polls of the history's close
   * event, the raw call rather than `handle.result()`. A poll is never cut off (a cancelled long poll
   * upsets the time-skipping test server's clock); one still open at the deadline is left to end on
   * its own, within the server's long-poll interval.
   */
  private async closedBy(workflowId: string, deadline: number): Promise<boolean> {
    const client = this.temporal();
    let waiting = true;
    const closed = (async () => {
      while (waiting) {
        const page = await client.workflowService.getWorkflowExecutionHistory({
          namespace: client.options.namespace,
          execution: { workflowId },
          waitNewEvent: true,
          historyEventFilterType: CLOSE_EVENT,
          skipArchival: true,
        });
        if (page.history?.events?.length) return true;
      }
      return false;
    })();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    try {
      return await Promise.race([closed, late]);
    } finally {
      waiting = false;
      clearTimeout(timer);
      closed.catch(() => undefined);
    }
  }

  /** The attempt's result; a dead-lettered (failed) attempt answers FAILED with its reason. */
  private async attemptResult(orderId: string, attempt: number, workflowId: string): Promise<PaymentOutcome> {
    try {
      return (await this.temporal().workflow.getHandle(workflowId).result()) as PaymentAttemptResult;
    } catch (error) {
      if (!(error instanceof WorkflowFailedError)) throw error;
      const failure = applicationFailureIn(error.cause);
      return {
        status: 'FAILED',
        orderId,
        attempt,
        code: failure?.type ?? 'PAYMENT_FAILED',
        message: failure?.message ?? 'the payment could not be completed',
      };
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
