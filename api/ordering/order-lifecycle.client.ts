import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Order } from '../../domain/ordering/order';
import { itemSummary } from '../../domain/ordering/order-summary';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import type { PaymentAttemptResult } from '../../workflows/payment/payment.messages';
import {
  ORDERING_TASK_QUEUE,
  type OrderLifecycleInput,
} from '../../workflows/ordering/order-lifecycle.messages';
import { ProblemError } from '../problem';

export type PaymentOutcome =
  | PaymentAttemptResult
  | { status: 'FAILED'; orderId: string; attempt: number; code: string; message: string }
  | { status: 'PROCESSING'; orderId: string; attempt: number };

/** What OrderLifecycle is started with: ids, amounts and product names, never the address. */
export function lifecycleInputOf(order: Order, now: Date): OrderLifecycleInput {
  const lines = order.parts.flatMap((part) => part.lines);
  return {
    orderId: order.id,
    orderNumber: order.orderNumber,
    userId: order.userId,
    totalAmount: order.totalAmount,
    pointsAmount: order.payment.pointsAmount,
    payableAmount: order.payment.payableAmount,
    method: order.payment.method,
    provider: order.payment.provider,
    paymentDueAt: order.paymentDueAt.toISOString(),
    paymentWindowMs: Math.max(0, order.paymentDueAt.getTime() - now.getTime()),
    orderName: itemSummary(lines),
    parts: order.parts.map((part) => ({
      sellerId: part.sellerId,
      subtotal: part.subtotal,
      itemSummary: itemSummary(part.lines),
      lines: part.lines.map((line) => ({
        orderLineId: line.id,
        variantId: line.variantId,
        productName: line.productName,
        quantity: line.quantity,
        amount: line.lineAmount,
      })),
    })),
  };
}

/**
 * The API's side of OrderLifecycle: start it (once per order), send it people's commands as
 * updates, and read payment attempts' results. Refusals from the workflow come back as the
 * problem codes it raised; a closed order answers ORDER_TRANSITION_NOT_ALLOWED.
 */
export class OrderLifecycleClient {
  constructor(private readonly temporal: () => Client) {}

  /** Starts `order:<id>`, or finds it running (a replayed POST /orders, the placement sweep). */
  async start(order: Order): Promise<void> {
    try {
      await this.temporal().workflow.start('orderLifecycleWorkflow', {
        workflowId: orderWorkflowId(order.id),
        taskQueue: ORDERING_TASK_QUEUE,
        args: [lifecycleInputOf(order, new Date())],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
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
