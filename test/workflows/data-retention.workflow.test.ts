import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createRetentionActivities } from '../../activities/retention/retention.activities';
import { DEFAULT_RETENTION, ORDER_TABLES } from '../../domain/retention/retention';
import { createDataSource } from '../../persistence/data-source';
import { TypeOrmRetentionStore } from '../../persistence/retention/typeorm-retention.store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import { dataRetentionWorkflow } from '../../workflows/retention/data-retention.workflow';
import { schedulesServedBy } from '../../workers/schedules';
import {
  DATA_RETENTION_SCHEDULE_ID,
  RETENTION_TASK_QUEUE,
  type DataRetentionInput,
} from '../../workflows/retention/retention.messages';
import { dropDatabase, recreateDatabase } from '../support/database';
import {
  BackDatedRows,
  daysAgo,
  insertNotificationWithLog,
  insertOrderWithEverything,
  yearsAgo,
} from '../support/retention-rows';
import { createAdmin, signUpConsumer } from '../support/identity';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp } from '../support/test-app';

describe('dataRetentionWorkflow: orders after 5 years, notification logs after 90 days', () => {
  const now = new Date();
  const metrics = createMetrics({ collectProcessMetrics: false });
  const logLines: Record<string, unknown>[] = [];
  let env: TestWorkflowEnvironment;
  let url: string;
  let dataSource: DataSource;
  let apiDataSource: DataSource;
  let rows: BackDatedRows;
  let worker: Worker;
  let running: Promise<void>;
  const ids: Record<string, string> = {};

  const run = (input: DataRetentionInput) =>
    env.client.workflow.execute(dataRetentionWorkflow, {
      taskQueue: RETENTION_TASK_QUEUE,
      workflowId: `data-retention:test:${uuidv7()}`,
      // Two rows a batch and two batches a run: every path, continue-as-new included, on a few rows.
      args: [{ batchesPerRun: 2, ...input }],
    });
  const exists = async (table: string, column: string, id: string) =>
    ((await dataSource.query(`SELECT 1 FROM \`${table}\` WHERE \`${column}\` = ?`, [id])) as unknown[])
      .length > 0;
  const metric = async (table: string, action: string) =>
    (await metrics.retentionRows.get()).values.find(
      (v) => v.labels.table === table && v.labels.action === action,
    )?.value ?? 0;

  before(async () => {
    env = await createTimeSkippingEnvironment();
    // Retention deletes whatever is old in its database, so it gets one of its own.
    url = await recreateDatabase(`jangteo_retention_${process.pid}`);
    dataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 5 }).initialize();
    // The API's own pool: the test app destroys it on close.
    apiDataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 2 }).initialize();
    await dataSource.runMigrations();
    rows = new BackDatedRows(dataSource);
    const logger = createLogger({
      level: 'info',
      destination: {
        write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>),
      },
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: RETENTION_TASK_QUEUE,
      workflowsPath: require.resolve('../../workflows'),
      activities: createRetentionActivities({
        store: new TypeOrmRetentionStore(dataSource),
        settings: { ...DEFAULT_RETENTION, batchSize: 2 },
        now: () => now,
        logger,
        metrics,
      }),
    });
    running = worker.run();

    for (const n of [1, 2, 3])
      ids[`old${n}`] = await insertOrderWithEverything(rows, { at: yearsAgo(now, 5, n) });
    ids.recent = await insertOrderWithEverything(rows, { at: yearsAgo(now, 5, -1) });
    ids.oldOpen = await insertOrderWithEverything(rows, { at: yearsAgo(now, 5, 30), status: 'DELIVERED' });
    ids.oldUnsettled = await insertOrderWithEverything(rows, { at: yearsAgo(now, 5, 30), settled: false });
    ids.oldNotification = await insertNotificationWithLog(rows, daysAgo(now, 91));
    ids.recentNotification = await insertNotificationWithLog(rows, daysAgo(now, 89));
    for (const days of [91, 89])
      await rows.insert(
        'notification_events',
        { id: uuidv7(), event_id: uuidv7(), attempt_id: null },
        daysAgo(now, days),
      );
  });

  after(async () => {
    worker?.shutdown();
    await running;
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
    await env?.teardown();
  });

  test('a dry run counts the old rows, table by table, and deletes nothing', async () => {
    const before = await rows.count('orders');
    const report = await run({ dryRun: true });
    assert.equal(report.plan.dryRun, true);
    const perOrder = Object.fromEntries(ORDER_TABLES.map((table) => [table, 3]));
    assert.deepEqual(report.counts, {
      ...perOrder,
      notification_events: 2,
      notification_attempts: 1,
      notifications: 1,
    });
    assert.equal(await rows.count('orders'), before);
    assert.ok(await exists('orders', 'id', ids.old1!));
    assert.ok(await exists('notifications', 'id', ids.oldNotification!));
    assert.equal(await metric('orders', 'would_delete'), 3);
    assert.equal(await metric('orders', 'deleted'), 0);
    const line = logLines.find((l) => l.msg === 'data retention dry run: rows that would be deleted');
    assert.deepEqual((line?.counts as Record<string, number>).payments, 3);
  });

  test('an admin asks for a dry run over the API and reads the counts; others are refused', async () => {
    const app = await createTestApp({ temporal: env, database: { dataSource: apiDataSource } });
    try {
      const admin = await createAdmin(app);
      const consumer = await signUpConsumer(app);
      const path = '/api/v1/admin/retention/runs';
      const answer = await app.request(path, { body: { dryRun: true }, headers: admin.auth });
      assert.equal(answer.status, 200);
      const body = (await answer.json()) as {
        dryRun: boolean;
        finished: boolean;
        counts: Record<string, number>;
      };
      assert.equal(body.dryRun, true);
      assert.equal(body.finished, true);
      assert.equal(body.counts.orders, 3);
      assert.equal(body.counts.notifications, 1);
      assert.ok(await exists('orders', 'id', ids.old1!), 'nothing deleted');
      assert.equal((await app.request(path, { body: {}, headers: consumer.auth })).status, 403);
      const invalid = await app.request(path, { body: { dryRun: 'yes' }, headers: admin.auth });
      assert.equal(invalid.status, 400);
      assert.equal(((await invalid.json()) as { code: string }).code, 'VALIDATION_FAILED');
    } finally {
      await app.close();
    }
  });

  test('a batch that dies half-way (its last delete fails) leaves every row of its orders', async () => {
    // The orders row goes last in a batch: failing it stands for a crash after every child was deleted.
    await dataSource.query(
      "CREATE TRIGGER retention_crash BEFORE DELETE ON orders FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'crash'",
    );
    try {
      const store = new TypeOrmRetentionStore(dataSource);
      const cutoff = yearsAgo(now, 5).toISOString();
      await assert.rejects(store.orderBatch({ cutoff, after: null, limit: 500, dryRun: false }), /crash/);
    } finally {
      await dataSource.query('DROP TRIGGER retention_crash');
    }
    for (const table of ['order_lines', 'payments', 'shipments', 'payable_lines'])
      assert.ok(await exists(table, 'order_id', ids.old1!), `${table} rolled back`);
  });

  test('a real run deletes old finished orders with every row of theirs and old logs; keeps the rest', async () => {
    const report = await run({ dryRun: false });
    assert.equal(report.counts.orders, 3);
    assert.equal(report.counts.notifications, 1);
    for (const n of [1, 2, 3]) {
      const orderId = ids[`old${n}`]!;
      for (const table of ORDER_TABLES.filter((t) => t !== 'orders' && t !== 'shipment_events'))
        assert.ok(
          !(await exists(table, 'order_id', orderId)),
          `${table} of an order 5 years + ${n} days old`,
        );
      assert.ok(!(await exists('orders', 'id', orderId)));
    }
    assert.ok(await exists('orders', 'id', ids.recent!), 'an order 5 years − 1 day old stays');
    assert.ok(await exists('payments', 'order_id', ids.recent!));
    assert.ok(await exists('orders', 'id', ids.oldOpen!), 'an order not finished stays, however old');
    assert.ok(await exists('orders', 'id', ids.oldUnsettled!), 'an order with unsettled money stays');
    assert.ok(
      !(await exists('notifications', 'id', ids.oldNotification!)),
      'a notification 91 days old goes',
    );
    assert.ok(!(await exists('notification_attempts', 'notification_id', ids.oldNotification!)));
    assert.ok(await exists('notifications', 'id', ids.recentNotification!), 'one 89 days old stays');
    assert.ok(await exists('notification_attempts', 'notification_id', ids.recentNotification!));
    assert.equal(await rows.count('shipment_events'), 3, 'the shipments kept keep their tracking events');
    assert.equal(
      await rows.count('notification_events'),
      2,
      'the recent report and the recent unmatched one',
    );
    assert.equal(await metric('orders', 'deleted'), 3);
    assert.equal(await metric('shipment_events', 'deleted'), 3);
    assert.ok(logLines.some((l) => l.msg === 'data retention run: rows deleted' && l.total !== undefined));
  });

  test('the retention workers ensure a daily 04:00 Asia/Seoul schedule of this workflow', () => {
    // The same workers also run the KPI rollup (docs/kpis.md).
    const schedule = schedulesServedBy([RETENTION_TASK_QUEUE]).find(
      (s) => s.scheduleId === DATA_RETENTION_SCHEDULE_ID,
    );
    assert.ok(schedule, 'the retention schedule is among the retention workers’ schedules');
    assert.deepEqual(schedule?.spec, { calendars: [{ hour: 4, minute: 0 }], timezone: 'Asia/Seoul' });
    assert.equal(
      schedule?.action.type === 'startWorkflow' && schedule.action.workflowType,
      'dataRetentionWorkflow',
    );
  });

  test('a second run finds nothing to delete', async () => {
    const report = await run({ dryRun: false });
    assert.deepEqual(report.counts, {});
    assert.equal(await rows.count('orders'), 3);
  });
});
