/**
 * `npm run bench:crash [-- <rounds> <buyers>]` (default 3 rounds, 6 buyers): the kill tests of
 * issue 17 in the production shape — a Temporal dev server, the PG simulator (in this process, so
 * it outlives the worker), an API process and a worker process (TypeScript sources with a prebuilt
 * workflow bundle, as production loads it), MariaDB (CRASH_DATABASE_URL, default
 * mysql://root@127.0.0.1:3306/jangteo_bench_crash, recreated) and a redis-server of its own on a
 * free port (never the shared one).
 *
 * Each round: every buyer places an order and pays in the sandbox window while the PG answers
 * slowly (4 s); once confirm calls are in flight the worker is killed with SIGKILL and started
 * again at once. Then the Redis outage: its redis-server is stopped and every buyer orders again
 * (plus a repeat of one Idempotency-Key). It reports:
 *   - orders lost (placed but never PAID) and duplicated (more than one PG payment, approved
 *     attempt or MARK_PAID for an order), and whether the stock agrees: all must be 0 / yes;
 *   - time from the restart to PAID for the orders whose payment was in flight (p50 / max;
 *     issue 17's target: within 15 s);
 *   - with Redis stopped: orders accepted, answers by status, /readyz's answer.
 * Bounded: every wait has a deadline; the whole run takes about a minute.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { temporal as proto } from '@temporalio/proto';
import { createPool } from 'mysql2/promise';
import { uuidv7 } from '../platform/ids';
import { createPgSimulator } from '../simulators/pg/pg.simulator';
import { useTossWindow } from '../simulators/pg/toss/toss-sandbox-buyer';
import { eventually } from '../test/support/eventually';
import { freePort } from '../test/support/free-port';
import { signUpConsumer, signUpSeller, type TestAccount } from '../test/support/identity';
import { address, cardPayment, createProduct } from '../test/support/ordering';
import { startOwnRedis } from '../test/support/own-redis';
import { createDevServerEnvironment } from '../test/support/temporal';
import { overHttp } from './over-http';
import { recreateDatabase } from '../test/support/database';

const DATABASE = process.env.CRASH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jangteo_bench_crash';
const [ROUNDS = 3, BUYERS = 6] = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const PG_LATENCY_MS = 4_000;
const ROOT = resolve(__dirname, '..');
const STARTED = proto.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const databaseUrl = await recreateDatabase(new URL(DATABASE).pathname.slice(1));
  const redis = await startOwnRedis();
  const temporal = await createDevServerEnvironment();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const pg = createPgSimulator({ toss: { webhookUrl: `${baseUrl}/api/v1/webhooks/payments/toss` } });
  const pgServer = await pg.start();
  const work = mkdtempSync(join(tmpdir(), 'jangteo-crash-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    PORT: String(port),
    WORKER_HTTP_PORT: String(await freePort()),
    PUBLIC_BASE_URL: baseUrl,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    TEMPORAL_ADDRESS: temporal.address,
    PG_SIMULATOR_URL: pgServer.url,
    WORKFLOW_BUNDLE_PATH: join(work, 'workflow-bundle.js'),
    IMAGE_STORAGE_DIR: join(work, 'images'),
  };
  const run = (script: string, args: string[] = []) =>
    spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const finished = (child: ChildProcess) =>
    new Promise<void>((done, fail) =>
      child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`exit code ${code}`)))),
    );
  await finished(run('workers/build-bundle.ts', [env.WORKFLOW_BUNDLE_PATH]));
  await finished(run('persistence/migrate.ts', ['up']));
  const api = run('api/server.ts');
  let worker = run('workers/main.ts', ['all']);
  const up = async (url: string) => (await fetch(url).catch(() => undefined))?.ok === true;
  const workerReady = () =>
    eventually(() => up(`http://127.0.0.1:${env.WORKER_HTTP_PORT}/healthz`), {
      what: 'the worker',
      timeoutMs: 60_000,
      everyMs: 100,
    });
  const pool = createPool({ uri: databaseUrl, connectionLimit: 4 });
  try {
    await eventually(() => up(`${baseUrl}/readyz`), { what: 'the API', timeoutMs: 60_000, everyMs: 100 });
    await workerReady();
    const http = overHttp(baseUrl);
    const seller = await signUpSeller(http);
    const stockStart = (ROUNDS + 2) * BUYERS + 10;
    const product = await createProduct(http, seller, { price: 13_500, stocks: [stockStart] });
    const variantId = product.variantIds[0]!;
    const buyers: TestAccount[] = [];
    for (let i = 0; i < BUYERS; i++) buyers.push(await signUpConsumer(http));

    const post = (path: string, buyer: TestAccount, body: unknown, key = uuidv7()) =>
      fetch(`${baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { ...buyer.auth, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const orderBody = {
      items: [{ variantId, quantity: 1 }],
      shippingAddress: address(),
      payment: cardPayment,
    };
    const faults = (knobs: Record<string, unknown>) =>
      fetch(`${pgServer.url}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pg: 'toss', ...knobs }),
      });
    const isPaid = async (ids: string[]) => {
      const [rows] = await pool.query(`SELECT id FROM orders WHERE status = 'PAID' AND id IN (?)`, [ids]);
      return new Set((rows as Array<{ id: string }>).map((row) => row.id));
    };

    const placed: string[] = [];
    const recovery: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await faults({ latencyMs: PG_LATENCY_MS });
      const ids = await Promise.all(
        buyers.map(async (buyer) => {
          const response = await post('/orders', buyer, orderBody);
          const order = (await response.json()) as { id: string; payment: { checkoutUrl: string } };
          if (response.status !== 201) throw new Error(`POST /orders answered ${response.status}`);
          const window = await useTossWindow(order.payment.checkoutUrl, 'approve');
          // Not awaited: the answer waits on the slowed PG, and the worker dies meanwhile.
          void post(`/orders/${order.id}/payments/confirm`, buyer, {
            paymentKey: window.params.paymentKey,
            amount: Number(window.params.amount),
          }).catch(() => undefined);
          return order.id;
        }),
      );
      placed.push(...ids);
      await eventually(
        async () => {
          const pending = await Promise.all(
            ids.map((id) =>
              temporal.client.workflow
                .getHandle(`order:${id}`)
                .describe()
                .then((d) => d.raw.pendingActivities ?? [])
                .catch(() => []),
            ),
          );
          const inFlight = pending.filter((list) =>
            list.some((a) => a.activityType?.name === 'confirmPgPayment' && a.state === STARTED),
          ).length;
          return inFlight >= Math.ceil(ids.length / 2);
        },
        { what: 'confirm calls in flight', timeoutMs: 15_000, everyMs: 50 },
      );
      const alreadyPaid = await isPaid(ids);
      worker.kill('SIGKILL');
      await new Promise((done) => worker.once('exit', done));
      worker = run('workers/main.ts', ['all']);
      const restartedAt = Date.now();
      await faults({ latencyMs: 0 });
      const waiting = new Set(ids.filter((id) => !alreadyPaid.has(id)));
      const deadline = restartedAt + 90_000;
      while (waiting.size > 0 && Date.now() < deadline) {
        for (const id of await isPaid([...waiting])) {
          recovery.push(Date.now() - restartedAt);
          waiting.delete(id);
        }
        await new Promise((done) => setTimeout(done, 50));
      }
      console.log(
        `round ${round}: ${ids.length} orders, ${ids.length - alreadyPaid.size} in flight at the kill, ${waiting.size} not PAID within 90 s`,
      );
      await workerReady();
    }

    // Redis stopped: orders must still be taken (the database's unique key guards), never a 500.
    await redis.stop();
    const statuses = new Map<number, number>();
    const repeatKey = uuidv7();
    let readiness = '';
    const outageIds = new Set<string>();
    const answers = await Promise.all([
      ...buyers.map((buyer) => post('/orders', buyer, orderBody)),
      post('/orders', buyers[0]!, orderBody, repeatKey),
      post('/orders', buyers[0]!, orderBody, repeatKey),
    ]);
    for (const answer of answers) {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 201) outageIds.add(((await answer.json()) as { id: string }).id);
    }
    const ready = await fetch(`${baseUrl}/readyz`);
    readiness = `${ready.status} ${((await ready.json()) as { status: string }).status}`;
    await redis.start();

    // Integrity over every order the crash rounds placed.
    await eventually(async () => (await isPaid(placed)).size === placed.length, {
      what: 'every crash-round order PAID',
      timeoutMs: 60_000,
    }).catch(() => undefined);
    const paid = await isPaid(placed);
    const [dupes] = await pool.query(
      `SELECT o.id,
         (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'APPROVED') AS approved,
         (SELECT COUNT(*) FROM order_history h WHERE h.order_id = o.id AND h.command = 'MARK_PAID') AS marked
       FROM orders o WHERE o.id IN (?)`,
      [placed],
    );
    const pgPayments = new Map<string, number>();
    for (const payment of pg.state.toss.payments.values())
      pgPayments.set(payment.orderId, (pgPayments.get(payment.orderId) ?? 0) + 1);
    const duplicated = (dupes as Array<{ id: string; approved: number; marked: number }>).filter(
      (row) => Number(row.approved) > 1 || Number(row.marked) > 1 || (pgPayments.get(row.id) ?? 0) > 1,
    ).length;
    const [[level]] = (await pool.query('SELECT on_hand, reserved FROM stock_levels WHERE variant_id = ?', [
      variantId,
    ])) as unknown as [Array<{ on_hand: number; reserved: number }>];
    const stockAgrees =
      Number(level!.on_hand) === stockStart - paid.size && Number(level!.reserved) === outageIds.size;

    console.log(`\ncrash recovery: ${ROUNDS} SIGKILLs of the worker mid-payment, ${BUYERS} buyers`);
    console.log(
      `  orders: ${placed.length} placed, ${placed.length - paid.size} lost, ${duplicated} duplicated`,
    );
    console.log(`  stock agrees with the paid and pending orders: ${stockAgrees ? 'yes' : 'NO'}`);
    console.log(
      `  restart → PAID for ${recovery.length} orders in flight: p50 ${seconds(percentile(recovery, 50))}, max ${seconds(Math.max(...recovery))} (target ≤ 15 s)`,
    );
    console.log(
      `redis stopped: ${outageIds.size} orders accepted of ${answers.length} requests (${answers.length - 1} distinct keys); answers ${[
        ...statuses,
      ]
        .map(([status, n]) => `${status}×${n}`)
        .join(', ')}; /readyz ${readiness}`,
    );
  } finally {
    await pool.end();
    for (const child of [api, worker]) {
      if (child.exitCode !== null) continue;
      child.kill('SIGINT');
      await new Promise((done) => child.once('exit', done));
    }
    await pgServer.close();
    await temporal.teardown();
    await redis.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
