import { CURRENT_ORDER_GENERATION } from './order-generation';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { startOnce } from '../../platform/temporal/start-once';
import type { Order } from '../../domain/ordering/order';
import { itemSummary } from '../../domain/ordering/order-summary';
import { ORDERING_TASK_QUEUE } from '../shared/task-queues';
import { orderWorkflowId } from '../shared/workflow-ids';
import type { OrderLifecycleInput } from './order-lifecycle.messages';
import { ORDER_NUMBER_SEARCH_ATTRIBUTE } from './order-search-attributes';

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
    generation: CURRENT_ORDER_GENERATION,
  };
}

const GRPC_UNIMPLEMENTED = 12;

/** Starts `order:<id>` once: a second start (a replayed request, the sweep) finds the running one. */
export class TemporalOrderLifecycleStarter {
  constructor(
    private readonly temporal: () => Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(order: Order): Promise<void> {
    const client = this.temporal();
    await startOnce(client, 'orderLifecycleWorkflow', {
      workflowId: orderWorkflowId(order.id),
      taskQueue: ORDERING_TASK_QUEUE,
      args: [lifecycleInputOf(order, this.now())],
      workflowIdConflictPolicy: 'USE_EXISTING',
      ...((await this.indexesOrderNumber(client))
        ? { typedSearchAttributes: [{ key: ORDER_NUMBER_SEARCH_ATTRIBUTE, value: order.orderNumber }] }
        : {}),
    });
  }

  /**
   * Whether the namespace has the `OrderNumber` attribute: a start naming an unregistered one is
   * refused, and the time-skipping test server supports none (it does not implement the look-up).
   * A definite answer is kept; a failed look-up is asked again at the next start.
   */
  private indexed?: boolean;
  private async indexesOrderNumber(client: Client): Promise<boolean> {
    if (this.indexed !== undefined) return this.indexed;
    try {
      const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
        namespace: client.options.namespace,
      });
      this.indexed = ORDER_NUMBER_SEARCH_ATTRIBUTE.name in (customAttributes ?? {});
    } catch (error) {
      if ((error as { code?: number }).code === GRPC_UNIMPLEMENTED) this.indexed = false;
      else return false;
    }
    return this.indexed;
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
