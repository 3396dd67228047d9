import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import { uuidv7 } from '../../platform/ids';
import { ORDERING_TASK_QUEUE } from '../../workflows/ordering/order-lifecycle.messages';
import { testContexts } from './contexts';
import { signUpConsumer, signUpSeller, type TestAccount } from './identity';
import { address, cardPayment, createProduct } from './ordering';
import { openPaymentSandbox, type PaymentSandbox } from './payment-sandbox';

type Activities = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * The order journey on one machine: the payment sandbox (app on a port, PG simulator, payment
 * worker, notification recorder) plus an ordering worker with the real activities. Every ordering
 * activity call is logged by name, and a named step can be made to fail its first N calls, so a
 * test can assert the order in which steps and compensations ran.
 */
export interface OrderSandbox extends PaymentSandbox {
  consumer: TestAccount;
  seller: TestAccount;
  /** Ordering activity names in the order they completed. */
  calls: string[];
  /** The next `times` calls of `step` fail (retryably) before reaching the real activity. */
  failNext(step: string, times: number): void;
  product(
    stocks: number[],
    price?: number,
    seller?: TestAccount,
  ): Promise<{ id: string; variantIds: string[] }>;
  /** POST /orders as the consumer; returns the 201 body. */
  placeOrder(
    items: Array<{ variantId: string; quantity: number }>,
    payment?: Record<string, unknown>,
    buyer?: TestAccount,
  ): Promise<PlacedOrder>;
  sellable(variantId: string): Promise<{ onHand: number; reserved: number }>;
  orderStatus(orderId: string): Promise<{ status: string; parts: string[]; history: string[] }>;
  workflow(orderId: string): ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>;
}

export interface PlacedOrder {
  id: string;
  orderNumber: string;
  totalAmount: number;
  payableAmount: number;
  pointsAmount: number;
  paymentDueAt: string;
  payment: { checkoutUrl: string | null; confirmUrl: string };
}

export async function openOrderSandbox(
  env: TestWorkflowEnvironment,
  options: {
    /** More workers (shipping, settlement …) over the sandbox's app; `close` releases what they opened. */
    extraWorkers?: (sandbox: PaymentSandbox) => Promise<{ workers: Worker[]; close(): Promise<void> }>;
  } = {},
): Promise<OrderSandbox> {
  const sandbox = await openPaymentSandbox(env);
  const { app } = sandbox;
  const calls: string[] = [];
  const failures = new Map<string, number>();
  const real = testContexts(app).ordering.activities() as unknown as Activities;
  const logged: Activities = {};
  for (const [name, fn] of Object.entries(real)) {
    logged[name] = async (...args: never[]) => {
      const left = failures.get(name) ?? 0;
      if (left > 0) {
        failures.set(name, left - 1);
        throw new Error(`injected failure of ${name}`);
      }
      const result = await fn(...args);
      calls.push(name);
      return result;
    };
  }
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: ORDERING_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    // An order settles its payment attempt and opens its shipment rows itself: those steps run here.
    activities: { ...sandbox.activities, ...testContexts(app).shipping.rowActivities(), ...logged },
  });
  const extra = options.extraWorkers
    ? await options.extraWorkers(sandbox)
    : { workers: [], close: async () => undefined };
  const runs = [worker.run(), ...extra.workers.map((w) => w.run())];
  const consumer = await signUpConsumer(app);
  const seller = await signUpSeller(app);

  return {
    ...sandbox,
    consumer,
    seller,
    calls,
    failNext: (step, times) => void failures.set(step, times),
    product: (stocks, price = 10_000, owner = seller) => createProduct(app, owner, { price, stocks }),
    async placeOrder(items, payment = cardPayment, buyer = consumer) {
      const response = await app.request('/api/v1/orders', {
        headers: { ...buyer.auth, 'idempotency-key': uuidv7() },
        body: { items, shippingAddress: address(), payment },
      });
      const body = (await response.json()) as PlacedOrder;
      if (response.status !== 201)
        throw new Error(`POST /orders: ${response.status} ${JSON.stringify(body)}`);
      return body;
    },
    async sellable(variantId) {
      const [row] = (await app.dataSource.query(
        'SELECT on_hand, reserved FROM stock_levels WHERE variant_id = ?',
        [variantId],
      )) as Array<{ on_hand: number; reserved: number }>;
      return { onHand: Number(row!.on_hand), reserved: Number(row!.reserved) };
    },
    async orderStatus(orderId) {
      const [order] = (await app.dataSource.query('SELECT status FROM orders WHERE id = ?', [
        orderId,
      ])) as Array<{
        status: string;
      }>;
      const parts = (await app.dataSource.query(
        'SELECT status FROM order_parts WHERE order_id = ? ORDER BY seller_id',
        [orderId],
      )) as Array<{ status: string }>;
      const history = (await app.dataSource.query(
        'SELECT command FROM order_history WHERE order_id = ? ORDER BY seq',
        [orderId],
      )) as Array<{ command: string }>;
      return {
        status: order!.status,
        parts: parts.map((p) => p.status),
        history: history.map((h) => h.command),
      };
    },
    workflow: (orderId) => env.client.workflow.getHandle(orderWorkflowId(orderId)),
    async close() {
      worker.shutdown();
      for (const w of extra.workers) w.shutdown();
      await Promise.all(runs);
      await extra.close();
      await sandbox.close();
    },
  };
}
