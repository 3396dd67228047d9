import { TemporalOrderLifecycleStarter } from '../../workflows/ordering/order-lifecycle.starter';
import {
  WorkflowFailedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Order } from '../../domain/ordering/order';
import { orderWorkflowId } from '../../workflows/shared/workflow-ids';
import {
  paymentOutcomeUpdate,
  submitPaymentUpdate,
  type OrderLifecycleState,
  type PaymentOutcomeAnswer,
  type SubmitPaymentRequest,
} from '../../workflows/ordering/order-lifecycle.messages';
import type { PaymentAttemptResult } from '../../workflows/payment/payment.messages';
import { ProblemError } from '../problem';

export type PaymentOutcome = PaymentOutcomeAnswer;

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
   * Hands the PG's result to the order and answers the attempt's outcome from the same update
   * (`submitPayment` with `waitMs`; docs/ordering.md, "What an order costs Temporal"). A worker from
   * before `waitMs` answers no outcome, and a repeated update id answers its first answer again,
   * which may be an old PROCESSING: then the outcome is asked for with the time that is left.
   */
  async pay(
    orderId: string,
    request: SubmitPaymentRequest,
    updateId: string,
    waitMs: number,
  ): Promise<PaymentOutcome> {
    const deadline = Date.now() + waitMs;
    const answer = await this.command(orderId, submitPaymentUpdate, { ...request, waitMs }, updateId);
    const left = deadline - Date.now();
    if (answer.outcome && (answer.outcome.status !== 'PROCESSING' || left < 1000)) return answer.outcome;
    return this.paymentOutcome(orderId, answer.attempt, answer.workflowId, Math.max(0, left));
  }

  /**
   * The attempt's answer from the order workflow (`paymentOutcome` update): its result if it ends
   * within `waitMs` of workflow time, else PROCESSING (the client polls the order). An order that
   * already closed (its payment failed) answers from the attempt's own result.
   */
  private async paymentOutcome(
    orderId: string,
    attempt: number,
    workflowId: string,
    waitMs: number,
  ): Promise<PaymentOutcome> {
    const handle = this.temporal().workflow.getHandle(orderWorkflowId(orderId));
    try {
      return await handle.executeUpdate(paymentOutcomeUpdate, { args: [{ attempt, waitMs }] });
    } catch (error) {
      if (!isCompleted(error)) throw asProblem(error, orderId);
      return this.closedAttemptOutcome(orderId, attempt, workflowId);
    }
  }

  /**
   * An attempt the order settled itself (generation 3), asked for after the order closed: it closed
   * unpaid, so its last attempt failed or was declined; anything else the order's own page tells.
   */
  private async inlineAttemptOutcome(orderId: string, attempt: number): Promise<PaymentOutcome> {
    let state: OrderLifecycleState;
    try {
      state = (await this.temporal()
        .workflow.getHandle(orderWorkflowId(orderId))
        .result()) as OrderLifecycleState;
    } catch (error) {
      // Cancelled or terminated by an operator: the order's own page tells what became of it.
      if (error instanceof WorkflowFailedError) return { status: 'PROCESSING', orderId, attempt };
      throw error;
    }
    const { failure, lastDecline, attempts } = state.payment;
    if (attempt === attempts && failure) return { status: 'FAILED', orderId, attempt, ...failure };
    if (attempt === attempts && lastDecline) return { status: 'DECLINED', orderId, attempt, ...lastDecline };
    return { status: 'PROCESSING', orderId, attempt };
  }

  private async closedAttemptOutcome(
    orderId: string,
    attempt: number,
    workflowId: string,
  ): Promise<PaymentOutcome> {
    if (workflowId === orderWorkflowId(orderId)) return this.inlineAttemptOutcome(orderId, attempt);
    const payment = this.temporal().workflow.getHandle(workflowId);
    if ((await payment.describe()).status.name === 'RUNNING')
      return { status: 'PROCESSING', orderId, attempt };
    try {
      return (await payment.result()) as PaymentAttemptResult;
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
