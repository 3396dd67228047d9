import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import type { Order } from '../../domain/ordering/order';
import { itemSummary } from '../../domain/ordering/order-summary';
import { ORDERING_TASK_QUEUE } from '../shared/task-queues';
import { orderWorkflowId } from '../shared/workflow-ids';
import type { OrderLifecycleInput } from './order-lifecycle.messages';

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
      shippingFee: part.shippingFee,
      shippingPolicy: part.shippingPolicy,
      itemSummary: itemSummary(part.lines),
      lines: part.lines.map((line) => ({
        orderLineId: line.id,
        variantId: line.variantId,
        productName: line.productName,
        quantity: line.quantity,
        amount: line.lineAmount,
        productId: line.productId,
        shippingFee: line.shippingFee,
        bundleShipping: line.bundleShipping,
      })),
    })),
  };
}

/** Starts `order:<id>` once: a second start (a replayed request, the sweep) finds the running one. */
export class TemporalOrderLifecycleStarter {
  constructor(
    private readonly temporal: () => Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(order: Order): Promise<void> {
    await startOnce(this.temporal(), 'orderLifecycleWorkflow', {
      workflowId: orderWorkflowId(order.id),
      taskQueue: ORDERING_TASK_QUEUE,
      args: [lifecycleInputOf(order, this.now())],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }

  async exists(orderId: string): Promise<boolean> {
    try {
      await this.temporal().workflow.getHandle(orderWorkflowId(orderId)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
