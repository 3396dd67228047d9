/**
 * `npm run bench:orders [-- <orders> <buyers>]` (default 600 orders, 16 buyers): the shop as
 * production runs it — the compiled build (`npm run build`; BENCH_RUNTIME=tsx for the sources), an
 * API process and a worker process serving every queue (BENCH_MODE=embedded: `npm start`'s single
 * process) — over MariaDB (BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306/jangteo_bench_orders,
 * recreated), Redis and a Temporal dev server, with the sandbox PG. This process plays the buyers:
 * POST /orders → the sandbox payment window → POST /orders/{id}/payments/confirm → wait until the
 * database holds the order PAID. Closed loop by default (each buyer orders again once paid: the
 * most the machine sustains); BENCH_RATE=<orders/s> makes orders arrive at a fixed rate instead.
 * It reports:
 *   - completed orders per second and per minute over the whole run;
 *   - POST /orders latency (p50 / p95 / max);
 *   - order processing: from the confirm call to the order recorded PAID (the buyer's own time in
 *     the PG window excluded), p50 / p95;
 *   - CPU per order of each process (Temporal, API, worker, MariaDB, Redis, this process);
 *   - SQL statements per order sent by the API and the worker (MariaDB's Questions, less the bench's own);
 *   - Temporal's work per order by workflow type (workflow tasks, activities, history events, billable
 *     actions) and on the way to PAID; BENCH_TRACE=1 adds the last order's timeline.
 * Targets: issue 7, ≥ 25 orders/s sustained, POST /orders p95 < 300 ms, processing p95 < 1 s; issue 21,
 * on this machine ≥ 10 orders/s (16 buyers), ≤ 0.15 CPU-seconds an order (all processes), on the way
 * to PAID ≤ 2 workflows and ≤ 40 history events, processing p95 < 1 s at a steady 8.3 orders/s.
 * Everything shares this machine unless BENCH_TEMPORAL_ADDRESS names a Temporal elsewhere;
 * `npm run bench:temporal-floor` measures what Temporal alone allows here.
 */
import os from 'node:os';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { createPool } from 'mysql2/promise';
import { uuidv7 } from '../platform/ids';
import { createPaidWatcher } from './paid-watcher';
import { actionsOf, eventsUntilPaid } from './temporal-actions';
import { cpuPerUnit, cpuSecondsOf, type ProcessMatchers } from './process-cpu';
import { createPgSimulator } from '../simulators/pg/pg.simulator';
import { useTossWindow } from '../simulators/pg/toss/toss-sandbox-buyer';
import { signUpConsumer, signUpSeller, type TestAccount } from '../test/support/identity';
import { address, cardPayment, createProduct } from '../test/support/ordering';
import { overHttp } from './over-http';
import { exited, ms, percentile, prepareShop, shopRunner, stop, untilReady } from './shop-processes';

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jangteo_bench_orders';
/** A Redis database of the bench's own, emptied first (sessions and sign-in throttles of earlier runs gone). */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const [ORDERS = 600, CONCURRENCY = 16] = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
/** BENCH_RATE=<orders per second>: an open loop at that arrival rate instead of buyers waiting their turn. */
const RATE = Number(process.env.BENCH_RATE) || undefined;

async function main(): Promise<void> {
  const { temporal, baseUrl, env } = await prepareShop(BENCH_URL, REDIS_URL);
  const pg = await createPgSimulator({
    toss: { webhookUrl: `${baseUrl}/api/v1/webhooks/payments/toss` },
  }).start();
  const { run } = await shopRunner({ ...env, PG_SIMULATOR_URL: pg.url });
  // The production shape by default (an API process and a worker process); BENCH_MODE=embedded runs `npm start`'s one process.
  const embedded = process.env.BENCH_MODE === 'embedded';
  if (!embedded) await exited(run('persistence/migrate.ts', ['up']));
  const processes = embedded
    ? [run('launcher/embedded.ts')]
    : [run('api/server.ts'), run('workers/main.ts', ['all'])];
  try {
    await untilReady(processes, [
      `${baseUrl}/readyz`,
      ...(embedded ? [] : [`http://127.0.0.1:${env.WORKER_HTTP_PORT}/healthz`]),
    ]);
    const http = overHttp(baseUrl);
    const pool = createPool({ uri: BENCH_URL, connectionLimit: 4 });
    const seller = await signUpSeller(http);
    const product = await createProduct(http, seller, { price: 12_900, stocks: [ORDERS + 100] });
    const buyers: TestAccount[] = [];
    for (let i = 0; i < CONCURRENCY; i++) buyers.push(await signUpConsumer(http));
    const variantId = product.variantIds[0]!;

    const placeLatencies: number[] = [];
    const processing: number[] = [];
    let failed = 0;
    let lastOrderId: string | undefined;
    const watcher = createPaidWatcher(pool);
    const call = async (path: string, buyer: TestAccount, body: unknown, key: string) =>
      fetch(`${baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { ...buyer.auth, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });

    /** One buyer's order: place it, pay in the sandbox window, confirm, wait until it is PAID. */
    async function order(account: TestAccount): Promise<void> {
      const placedAt = performance.now();
      const placed = await call(
        '/orders',
        account,
        { items: [{ variantId, quantity: 1 }], shippingAddress: address(), payment: cardPayment },
        uuidv7(),
      );
      placeLatencies.push(performance.now() - placedAt);
      const body = (await placed.json()) as { id: string; payment: { checkoutUrl: string } };
      if (placed.status !== 201) return void failed++;
      const window = await useTossWindow(body.payment.checkoutUrl, 'approve');
      const confirmAt = performance.now();
      const confirmed = await call(
        `/orders/${body.id}/payments/confirm`,
        account,
        { paymentKey: window.params.paymentKey, amount: Number(window.params.amount) },
        uuidv7(),
      );
      if (confirmed.status !== 200 && confirmed.status !== 202) return void failed++;
      await watcher.paid(body.id);
      processing.push(performance.now() - confirmAt);
      lastOrderId = body.id;
    }

    /** Closed loop: each buyer places its next order when the last one is paid. */
    async function closedLoop(): Promise<void> {
      let next = 0;
      await Promise.all(
        buyers.map(async (account) => {
          while (next++ < ORDERS) await order(account);
        }),
      );
    }

    /** Open loop: orders arrive at RATE per second whatever the shop's answers, buyers taking turns. */
    async function openLoop(rate: number): Promise<void> {
      const journeys: Promise<void>[] = [];
      const start = performance.now();
      for (let i = 0; i < ORDERS; i++) {
        const due = start + (i * 1000) / rate;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        journeys.push(order(buyers[i % buyers.length]!));
      }
      await Promise.all(journeys);
    }

    const temporalPort = `--port ${temporal.address.split(':').pop()}`;
    const watched: ProcessMatchers = {
      temporal: (_, line) => line.includes('start-dev') && line.includes(temporalPort),
      ...Object.fromEntries(
        processes.map((child, i) => [
          embedded ? 'shop' : ['api', 'worker'][i]!,
          (pid: number) => pid === child.pid,
        ]),
      ),
      mariadb: (_, line) => /\b(mariadbd|mysqld)\b/.test(line),
      redis: (_, line) => line.startsWith('redis-server'),
      'load generator and PG simulator': (pid) => pid === process.pid,
    };
    const statements = async () => {
      const [rows] = await pool.query(`SHOW GLOBAL STATUS LIKE 'Questions'`);
      return Number((rows as Array<{ Value: string }>)[0]!.Value);
    };
    const statementsBefore = await statements();
    const cpuBefore = cpuSecondsOf(watched);
    const started = performance.now();
    await (RATE ? openLoop(RATE) : closedLoop());
    // The two SHOW statements and the watcher's polls are the bench's own.
    const shopStatements = (await statements()) - statementsBefore - watcher.queries - 1;
    await pool.end();
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuSecondsOf(watched);
    const done = processing.length;
    console.log(
      `\norders: ${done} paid of ${ORDERS} (${failed} failed), ${
        RATE ? `arriving at ${RATE}/s from ${CONCURRENCY} buyers` : `${CONCURRENCY} buyers at once`
      }, ${seconds.toFixed(1)} s`,
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
    console.log(
      `CPU per order: ${cpuPerUnit(cpuBefore, cpuAfter, done)} (${os.cpus().length} cores on this machine)`,
    );
    console.log(`SQL statements per order (API and worker): ${(shopStatements / done).toFixed(1)}`);
    await temporalWork(temporal.client, done, lastOrderId);
  } finally {
    for (const child of processes) await stop(child);
    await pg.close();
    await temporal.close();
  }
}

const EventType = temporal.api.enums.v1.EventType;
type Work = Record<'workflows' | 'tasks' | 'activities' | 'markers' | 'events' | 'actions', number>;

/**
 * What the run cost Temporal per order, by workflow type (workflows, workflow tasks, activities,
 * markers, history events, billable actions as temporal-actions.ts counts them), and what an order
 * cost on its way to PAID (its OrderLifecycle up to the PAID task and its PaymentAttempt runs).
 * BENCH_TRACE=1 adds the timeline of the last order.
 */
async function temporalWork(client: Client, orders: number, lastOrderId?: string): Promise<void> {
  const byType = new Map<string, Work>();
  const toPaid = { workflows: 0, events: 0, actions: 0 };
  for await (const execution of client.workflow.list()) {
    const events =
      (await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory()).events ?? [];
    const entry = byType.get(execution.type) ?? {
      workflows: 0,
      tasks: 0,
      activities: 0,
      markers: 0,
      events: 0,
      actions: 0,
    };
    entry.workflows += 1;
    entry.events += events.length;
    entry.actions += actionsOf(events);
    for (const { eventType } of events) {
      if (eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) entry.tasks += 1;
      if (eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) entry.activities += 1;
      if (eventType === EventType.EVENT_TYPE_MARKER_RECORDED) entry.markers += 1;
    }
    byType.set(execution.type, entry);
    if (execution.type === 'paymentAttemptWorkflow') {
      toPaid.workflows += 1;
      toPaid.events += events.length;
      toPaid.actions += actionsOf(events);
    }
    if (execution.type === 'orderLifecycleWorkflow') {
      const untilPaid = eventsUntilPaid(events);
      toPaid.workflows += 1;
      toPaid.events += untilPaid.length;
      toPaid.actions += actionsOf(untilPaid);
    }
  }
  const perOrder = (n: number) => (n / orders).toFixed(1);
  console.log('\nTemporal work per order (workflows, workflow tasks, activities, markers, events, actions):');
  const total: Work = { workflows: 0, tasks: 0, activities: 0, markers: 0, events: 0, actions: 0 };
  for (const [type, entry] of byType) {
    for (const key of Object.keys(total) as (keyof Work)[]) total[key] += entry[key];
    console.log(
      `  ${type.padEnd(28)} ${Object.values(entry)
        .map((n) => perOrder(n).padStart(6))
        .join(' ')}`,
    );
  }
  console.log(
    `  ${'all'.padEnd(28)} ${Object.values(total)
      .map((n) => perOrder(n).padStart(6))
      .join(' ')}`,
  );
  console.log(
    `on the way to PAID: ${perOrder(toPaid.workflows)} workflows, ${perOrder(toPaid.events)} history events, ${perOrder(toPaid.actions)} Temporal actions an order`,
  );
  if (!process.env.BENCH_TRACE || !lastOrderId) return;
  for (const workflowId of [`order:${lastOrderId}`, `payment:${lastOrderId}:1`]) {
    // Orders of generation 3 settle their payment without a PaymentAttempt workflow.
    const history = await client.workflow
      .getHandle(workflowId)
      .fetchHistory()
      .catch(() => undefined);
    const events = history?.events ?? [];
    if (events.length === 0) continue;
    const at = (e: (typeof events)[number]) =>
      Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
    console.log(`\n${workflowId}`);
    for (const event of events)
      console.log(
        `  +${(at(event) - at(events[0]!)).toFixed(0).padStart(6)} ms  ${String(EventType[event.eventType ?? 0]).replace('EVENT_TYPE_', '')} ${
          event.activityTaskScheduledEventAttributes?.activityType?.name ?? ''
        }`,
      );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
