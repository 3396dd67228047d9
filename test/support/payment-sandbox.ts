import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { PaymentActivities } from '../../activities/payment/payment.activities';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { SellerAlert } from '../../domain/notification/seller-alert';
import type { PaymentMethod } from '../../domain/payment';
import {
  openPaymentGateways,
  TOSS_WEBHOOK_PATH,
  type PaymentGateways,
} from '../../integrations/payment/payment-vendors';
import { listen, type RunningServer } from '../../platform/http-server';
import { paymentSandbox } from '../../sandbox/payment';
import { uuidv7 } from '../../platform/ids';
import { createMetrics, type Metrics } from '../../platform/observability/metrics';
import {
  createPgSimulator,
  type PgSimulator,
  type RunningPgSimulator,
} from '../../simulators/pg/pg.simulator';
import { useTossWindow } from '../../simulators/pg/toss/toss-sandbox-buyer';
import {
  PAYMENT_TASK_QUEUE,
  paymentAttemptWorkflowId,
  type PaymentAttemptResult,
} from '../../workflows/payment/payment.messages';
import { testContexts } from './contexts';
import { freePort } from './free-port';
import { runContextWorker, type HoldNotices } from './notification-recorder';
import { createTestApp, type TestApp } from './test-app';

/**
 * The payment context on one machine: the PG simulator (Toss), the real app over the test database
 * listening on a port (so the simulator's webhooks and the buyer's window reach it), a payment
 * worker with the real activities, and a notification stand-in that records what would be sent.
 */
export interface PaymentSandbox {
  simulator: PgSimulator;
  simulatorUrl: string;
  gateways: PaymentGateways;
  app: TestApp;
  baseUrl: string;
  metrics: Metrics;
  sent: NotificationRequest[];
  /** Seller alerts the workflows sent (one per event and seller; the fan-out to managers is the activity's). */
  sellerAlerts: SellerAlert[];
  /** Holds every send of a template until released (notification-recorder.ts). */
  holdNotices: HoldNotices;
  activities: PaymentActivities;
  /** Arms Toss fault knobs (see simulators/pg/toss/toss-faults.ts). */
  faults(knobs: Record<string, unknown>): Promise<void>;
  /** The buyer opens the checkout URL and pays in the sandbox window; returns the PG return (paymentKey, amount). */
  buyerPays(
    orderId: string,
    amount: number,
    options?: { method?: Exclude<PaymentMethod, 'POINTS'>; choices?: Record<string, string> },
  ): Promise<{ token: string; amount: number }>;
  /** The buyer pays by card, then attempt 1 of the order's payment runs to its result. */
  payFirstAttempt(
    orderId: string,
    amount: number,
    choices?: Record<string, string>,
  ): Promise<{ result: PaymentAttemptResult; pgReturn: { token: string; amount: number } }>;
  close(): Promise<void>;
}

export async function openPaymentSandbox(
  env: TestWorkflowEnvironment,
  options: { tossTimeoutMs?: number } = {},
): Promise<PaymentSandbox> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const simulator = createPgSimulator({
    toss: { webhookUrl: `${baseUrl}${TOSS_WEBHOOK_PATH}`, webhookRetryDelaysMs: [200, 400] },
  });
  const running: RunningPgSimulator = await simulator.start();
  const gateways = await openPaymentGateways(
    { toss: { kind: 'sandbox', simulatorUrl: running.url, timeoutMs: options.tossTimeoutMs ?? 2_000 } },
    { publicBaseUrl: baseUrl, sandbox: paymentSandbox },
  );
  const app = await createTestApp({ temporal: env, payments: gateways, publicBaseUrl: baseUrl });
  const server: RunningServer = await listen(app.app.fetch, port, '127.0.0.1');
  const metrics = createMetrics({ collectProcessMetrics: false });
  const activities = testContexts(app, {
    vendors: { paymentGateways: gateways },
    metrics,
  }).payment.activities();
  const workers = await runContextWorker(env, PAYMENT_TASK_QUEUE, activities);

  const sandbox: PaymentSandbox = {
    simulator,
    simulatorUrl: running.url,
    gateways,
    app,
    baseUrl,
    metrics,
    sent: workers.sent,
    sellerAlerts: workers.alerts,
    holdNotices: workers.hold,
    activities,
    async faults(knobs) {
      const response = await fetch(`${running.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pg: 'toss', ...knobs }),
      });
      if (!response.ok) throw new Error(`faults refused: ${await response.text()}`);
    },
    async payFirstAttempt(orderId, amount, choices = {}) {
      const pgReturn = await this.buyerPays(orderId, amount, { choices });
      const input = {
        orderId,
        attempt: 1,
        userId: uuidv7(),
        method: 'CARD' as const,
        provider: 'TOSS' as const,
        totalAmount: amount,
        pointsAmount: 0,
        pgReturn,
      };
      const result: PaymentAttemptResult = await env.client.workflow.execute('paymentAttemptWorkflow', {
        taskQueue: PAYMENT_TASK_QUEUE,
        workflowId: paymentAttemptWorkflowId(orderId, 1),
        args: [input],
      });
      return { result, pgReturn };
    },
    async buyerPays(orderId, amount, { method = 'CARD', choices = {} } = {}) {
      const checkout = await gateways.gateway('TOSS').prepareCheckout({
        orderId,
        orderName: '무선 키보드 외 1건',
        amount,
        method,
        successUrl: `${baseUrl}/pay/success`,
        failUrl: `${baseUrl}/pay/fail`,
        customerKey: uuidv7(),
      });
      if (checkout.kind !== 'ready' || !checkout.checkoutUrl)
        throw new Error(`no checkout window: ${JSON.stringify(checkout)}`);
      const window = await useTossWindow(checkout.checkoutUrl, 'approve', choices);
      return { token: window.params.paymentKey!, amount: Number(window.params.amount) };
    },
    async close() {
      await workers.stop();
      await server.close();
      await gateways.close();
      await running.close();
      await app.close();
    },
  };
  return sandbox;
}
