/**
 * `npm run bench:orders [-- <orders> <concurrency>]` (default 600 orders, 16 buyers at once): the
 * shop as production runs it — an API process and a worker process serving every queue
 * (BENCH_MODE=embedded: `npm start`'s single process) — over MariaDB
 * (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/jangteo_bench_orders, recreated), Redis
 * and a Temporal dev server, with the sandbox PG. A load generator in this process plays buyers:
 * POST /orders → the sandbox payment window → POST /orders/{id}/payments/confirm → poll until the
 * order is PAID. It reports:
 *   - POST /orders latency (p50 / p95 / max);
 *   - order processing: from the confirm call to the order recorded PAID (the buyer's own time in
 *     the PG window excluded), p50 / p95;
 *   - completed orders per second and per minute over the whole run.
 * Targets (issue 7): ≥ 25 orders/s sustained, POST /orders p95 < 300 ms, processing p95 < 1 s.
 * Load generator, API, workers, MariaDB, Redis and Temporal all share this machine.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createConnection, createPool } from 'mysql2/promise';
import { uuidv7 } from '../platform/ids';
import { createPgSimulator } from '../simulators/pg/pg.simulator';
import { useTossWindow } from '../simulators/pg/toss/toss-sandbox-buyer';
import { resolveBinary, TEMPORAL_CLI } from '../scripts/temporal-binaries';
import { freePort } from '../test/support/free-port';
import { signUpConsumer, signUpSeller, type TestAccount } from '../test/support/identity';
import { address, cardPayment, createProduct } from '../test/support/ordering';
import type { TestApp } from '../test/support/test-app';

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jangteo_bench_orders';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const [ORDERS = 600, CONCURRENCY = 16] = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The account helpers of the tests, over HTTP instead of an in-process app. */
function overHttp(baseUrl: string): TestApp {
  return {
    request: (
      path: string,
      init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
    ) =>
      fetch(`${baseUrl}${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      }),
  } as unknown as TestApp;
}

async function recreateDatabase(): Promise<void> {
  const server = new URL(BENCH_URL);
  const name = server.pathname.slice(1);
  server.pathname = '/';
  const connection = await createConnection(server.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

async function main(): Promise<void> {
  await recreateDatabase();
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_CLI, { install: false }) },
      ip: '127.0.0.1',
      log: { format: 'json', level: 'error' },
    },
  });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_PROFILE=<dir>: V8 CPU profiles of the shop's processes are written there when they stop.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const pg = await createPgSimulator({
    toss: { webhookUrl: `${baseUrl}/api/v1/webhooks/payments/toss` },
  }).start();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    WORKER_HTTP_PORT: String(await freePort()),
    PUBLIC_BASE_URL: baseUrl,
    DATABASE_URL: BENCH_URL,
    REDIS_URL,
    TEMPORAL_ADDRESS: temporal.address,
    PG_SIMULATOR_URL: pg.url,
  };
  const run = (args: string[]) =>
    spawn(process.execPath, [...profile, '--import', 'tsx', ...args], {
      cwd: resolve(__dirname, '..'),
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  // The production shape by default (an API process and a worker process); BENCH_MODE=embedded runs `npm start`'s one process.
  const embedded = process.env.BENCH_MODE === 'embedded';
  if (!embedded) {
    const migrate = run(['persistence/migrate.ts', 'up']);
    await new Promise((r) => migrate.once('exit', r));
  }
  const processes = embedded
    ? [run(['launcher/embedded.ts'])]
    : [run(['api/server.ts']), run(['workers/main.ts', 'all'])];
  try {
    for (let i = 0; ; i++) {
      if (processes.some((p) => p.exitCode !== null)) throw new Error('the shop exited before it was ready');
      try {
        if (
          (await fetch(`${baseUrl}/readyz`)).ok &&
          (embedded || (await fetch(`http://127.0.0.1:${env.WORKER_HTTP_PORT}/healthz`)).ok)
        )
          break;
      } catch {
        // starting
      }
      if (i > 600) throw new Error('the shop was not ready within 2 minutes');
      await new Promise((r) => setTimeout(r, 200));
    }
    const http = overHttp(baseUrl);
    const watcher = createPool({ uri: BENCH_URL, connectionLimit: 4 });
    const seller = await signUpSeller(http);
    const product = await createProduct(http, seller, { price: 12_900, stocks: [ORDERS + 100] });
    const buyers: TestAccount[] = [];
    for (let i = 0; i < CONCURRENCY; i++) buyers.push(await signUpConsumer(http));
    const variantId = product.variantIds[0]!;

    const placeLatencies: number[] = [];
    const processing: number[] = [];
    let next = 0;
    let failed = 0;
    let lastOrderId: string | undefined;
    const call = async (path: string, buyer: TestAccount, body: unknown, key: string) =>
      fetch(`${baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { ...buyer.auth, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });

    async function buyer(account: TestAccount): Promise<void> {
      while (next < ORDERS) {
        next++;
        const placedAt = performance.now();
        const placed = await call(
          '/orders',
          account,
          { items: [{ variantId, quantity: 1 }], shippingAddress: address(), payment: cardPayment },
          uuidv7(),
        );
        placeLatencies.push(performance.now() - placedAt);
        const order = (await placed.json()) as { id: string; payment: { checkoutUrl: string } };
        if (placed.status !== 201) {
          failed++;
          continue;
        }
        const window = await useTossWindow(order.payment.checkoutUrl, 'approve');
        const confirmAt = performance.now();
        const confirmed = await call(
          `/orders/${order.id}/payments/confirm`,
          account,
          { paymentKey: window.params.paymentKey, amount: Number(window.params.amount) },
          uuidv7(),
        );
        if (confirmed.status !== 200 && confirmed.status !== 202) {
          failed++;
          continue;
        }
        // Watched in the database, not through the API, so the measuring does not load the shop.
        for (;;) {
          const [rows] = await watcher.query('SELECT status FROM orders WHERE id = ?', [order.id]);
          if ((rows as Array<{ status: string }>)[0]?.status === 'PAID') break;
          await new Promise((r) => setTimeout(r, 10));
        }
        processing.push(performance.now() - confirmAt);
        lastOrderId = order.id;
      }
    }

    const started = performance.now();
    await Promise.all(buyers.map(buyer));
    await watcher.end();
    const seconds = (performance.now() - started) / 1000;
    const done = processing.length;
    console.log(
      `\norders: ${done} paid of ${ORDERS} (${failed} failed), ${CONCURRENCY} buyers at once, ${seconds.toFixed(1)} s`,
    );
    console.log(
      `throughput: ${(done / seconds).toFixed(1)} orders/s = ${Math.round((done / seconds) * 60)} orders/min (end to end, incl. the buyer's window)`,
    );
    console.log(
      `POST /orders: p50 ${ms(percentile(placeLatencies, 50))}, p95 ${ms(percentile(placeLatencies, 95))}, max ${ms(Math.max(...placeLatencies))}`,
    );
    console.log(
      `processing (confirm → PAID recorded): p50 ${ms(percentile(processing, 50))}, p95 ${ms(percentile(processing, 95))}`,
    );
    // BENCH_TRACE=1: what the run cost Temporal (workflows and history events by type), and where
    // the last order's time went, from its workflows' histories.
    if (process.env.BENCH_TRACE) {
      const byType = new Map<string, { workflows: number; events: number }>();
      for await (const execution of temporal.client.workflow.list()) {
        const entry = byType.get(execution.type) ?? { workflows: 0, events: 0 };
        entry.workflows += 1;
        entry.events += execution.historyLength;
        byType.set(execution.type, entry);
      }
      for (const [type, { workflows, events }] of byType)
        console.log(
          `  ${type}: ${workflows} workflows, ${(events / done).toFixed(1)} history events per order`,
        );
    }
    if (process.env.BENCH_TRACE && lastOrderId) {
      for (const workflowId of [`payment:${lastOrderId}:1`, `order:${lastOrderId}`]) {
        const events = (await temporal.client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
        const at = (e: (typeof events)[number]) =>
          Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
        console.log(`\n${workflowId}`);
        for (const event of events)
          console.log(
            `  +${(at(event) - at(events[0]!)).toFixed(0).padStart(6)} ms  ${String(event.eventType)} ${
              event.activityTaskScheduledEventAttributes?.activityType?.name ?? ''
            }`,
          );
      }
    }
  } finally {
    for (const child of processes) {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
    await pg.close();
    await temporal.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
