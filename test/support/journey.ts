import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  openPaymentGateways,
  TOSS_WEBHOOK_PATH,
  type PaymentGateways,
} from '../../integrations/payment/payment-vendors';
import { listen, type RunningServer } from '../../platform/http-server';
import { paymentSandbox } from '../../sandbox/payment';
import { uuidv7 } from '../../platform/ids';
import { createCourierSimulator, type CourierSimulator } from '../../simulators/courier/courier.simulator';
import { createPgSimulator, type PgSimulator } from '../../simulators/pg/pg.simulator';
import { useSandboxWindow, type WindowAction } from '../../simulators/pg/shared/sandbox-buyer';
import { freePort } from './free-port';
import { signUpConsumer, signUpSeller, type TestAccount } from './identity';
import { address, cardPayment, createProduct } from './ordering';
import { createDevServerEnvironment } from './temporal';
import { createTestApp, type TestApp } from './test-app';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The whole shop on one machine for end-to-end journeys: a Temporal dev server, the API listening
 * on a port, the workers as a separate process (`workers/main.ts all`, killable), and the PG and
 * courier simulators in this process (so they outlive a killed worker). Everything a test does
 * goes through HTTP, as a phone or a seller's browser would.
 */
export interface Journey {
  env: TestWorkflowEnvironment;
  app: TestApp;
  baseUrl: string;
  pg: PgSimulator;
  /** Arms PG fault knobs (simulators/pg/toss/toss-faults.ts). */
  pgFaults(knobs: Json): Promise<void>;
  courier: CourierSimulator;
  worker: WorkerProcess;
  consumer: TestAccount;
  seller: TestAccount;
  /** Kills the worker process with SIGKILL and starts a new one. */
  restartWorker(options?: { kill?: boolean }): Promise<void>;
  call(
    path: string,
    account: TestAccount | null,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  product(stocks: number[], price?: number): Promise<{ id: string; variantIds: string[] }>;
  placeOrder(variantId: string, quantity?: number, payment?: Json): Promise<Json>;
  /** The buyer uses the sandbox window; the browser then follows the redirect to the shop's return URL. */
  payInWindow(order: Json, action?: WindowAction): Promise<{ landedOn: URL }>;
  /** Polls GET /orders/{id} until its status is `status`. */
  until(orderId: string, status: string, timeoutMs?: number): Promise<Json>;
  close(): Promise<void>;
}

export async function openJourney(
  options: { courierStepMs?: number; workerEnv?: Record<string, string> } = {},
): Promise<Journey> {
  const env = await createDevServerEnvironment();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const pg = createPgSimulator({
    toss: { webhookUrl: `${baseUrl}${TOSS_WEBHOOK_PATH}`, webhookRetryDelaysMs: [300, 600] },
  });
  const pgServer = await pg.start();
  const courier = createCourierSimulator({
    stepIntervalMs: options.courierStepMs ?? 500,
    callbackRetryDelaysMs: [300, 600],
  });
  const courierServer = await courier.start();
  const gateways: PaymentGateways = await openPaymentGateways(
    { toss: { kind: 'sandbox', simulatorUrl: pgServer.url, timeoutMs: 5_000 } },
    { publicBaseUrl: baseUrl, sandbox: paymentSandbox },
  );
  const app = await createTestApp({ temporal: env, payments: gateways, publicBaseUrl: baseUrl });
  const server: RunningServer = await listen(app.app.fetch, port, '127.0.0.1');
  // WebSocket upgrades (GET /chats/{id}/live), as api/server.ts attaches them.
  const dropLiveConnections = app.app.attachLiveSockets(server.server);
  const workerEnv = {
    TEMPORAL_ADDRESS: env.address,
    PUBLIC_BASE_URL: baseUrl,
    PG_SIMULATOR_URL: pgServer.url,
    TOSS_TIMEOUT_MS: '5000',
    COURIER_SIMULATOR_URL: courierServer.url,
    COURIER_SANDBOX_STEP_SECONDS: String((options.courierStepMs ?? 500) / 1000),
    ...options.workerEnv,
  };
  const closeAllButWorker = async () => {
    dropLiveConnections();
    await server.close();
    await gateways.close();
    await pgServer.close();
    await courierServer.close();
    await app.close();
    await env.teardown();
  };
  let worker = await startWorkerProcess(workerEnv);
  // A worker that cannot start must not leave the dev server and the app holding the test file open.
  await worker.ready().catch(async (error: unknown) => {
    await worker.stop().catch(() => undefined);
    await closeAllButWorker();
    throw error;
  });
  const consumer = await signUpConsumer(app);
  const seller = await signUpSeller(app);

  const call: Journey['call'] = async (path, account, init = {}) => {
    const headers: Record<string, string> = { ...(account?.auth ?? {}), ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Json) : {},
      headers: response.headers,
    };
  };

  const journey: Journey = {
    env,
    app,
    baseUrl,
    pg,
    async pgFaults(knobs) {
      const response = await fetch(`${pgServer.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pg: 'toss', ...knobs }),
      });
      if (!response.ok) throw new Error(`faults refused: ${await response.text()}`);
    },
    courier,
    get worker() {
      return worker;
    },
    consumer,
    seller,
    async restartWorker({ kill = true } = {}) {
      if (kill) await worker.kill();
      else await worker.stop();
      worker = await startWorkerProcess(workerEnv);
      await worker.ready();
    },
    call,
    product: (stocks, price = 25_000) => createProduct(app, seller, { price, stocks }),
    async placeOrder(variantId, quantity = 1, payment = cardPayment) {
      const placed = await call('/orders', consumer, {
        body: { items: [{ variantId, quantity }], shippingAddress: address(), payment },
        headers: { 'idempotency-key': uuidv7() },
      });
      if (placed.status !== 201)
        throw new Error(`POST /orders: ${placed.status} ${JSON.stringify(placed.body)}`);
      return placed.body;
    },
    async payInWindow(order, action = 'approve') {
      // Each PG's window sends the browser back its own way: a redirect (Toss, KakaoPay, NaverPay)
      // or a self-submitting form POST (NicePay, KG Inicis); the browser follows it to the shop.
      const outcome = await useSandboxWindow(order.payment.checkoutUrl as string, action);
      if (outcome.kind === 'page') throw new Error(`the window answered ${outcome.status}: ${outcome.html}`);
      const back =
        outcome.kind === 'redirect'
          ? await fetch(outcome.location, { redirect: 'manual' })
          : await fetch(outcome.action, {
              method: 'POST',
              body: new URLSearchParams(outcome.fields),
              redirect: 'manual',
            });
      const landing = back.headers.get('location');
      if (!landing) throw new Error(`the return URL answered ${back.status}: ${await back.text()}`);
      return { landedOn: new URL(landing) };
    },
    async until(orderId, status, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Json = {};
      while (Date.now() < deadline) {
        const read = await call(`/orders/${orderId}`, consumer);
        last = read.body;
        if (read.body.status === status) return read.body;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(
        `order ${orderId} did not reach ${status}; last seen ${JSON.stringify(last.status)}\n${worker.output.join('').slice(-3000)}`,
      );
    },
    async close() {
      await worker.stop();
      await closeAllButWorker();
    },
  };
  return journey;
}
