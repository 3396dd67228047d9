import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createKpiActivities } from '../../activities/kpi/kpi.activities';
import { VIEW_SESSION_DAYS } from '../../application/kpi/rollup-kpis';
import { addDays, seoulDayOf } from '../../domain/kpi/seoul-day';
import { TypeOrmKpiStore } from '../../persistence/kpi/typeorm-kpi.store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { kpiRollupWorkflow } from '../../workflows/kpi/kpi-rollup.workflow';
import { KPI_TASK_QUEUE, type KpiRollupInput } from '../../workflows/kpi/kpi.messages';
import { openTestDataSource } from '../support/database';
import { insertPaidOrder } from '../support/kpi-rows';
import { BackDatedRows } from '../support/retention-rows';
import { createTimeSkippingEnvironment } from '../support/temporal';

describe('kpiRollupWorkflow: today and yesterday on schedule, a range on demand', () => {
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let worker: Worker;
  let running: Promise<void>;
  const now = new Date();
  const today = seoulDayOf(now);
  const day = addDays('2016-01-01', Math.floor(Math.random() * 3000));

  const run = (input: KpiRollupInput) =>
    env.client.workflow.execute(kpiRollupWorkflow, {
      taskQueue: KPI_TASK_QUEUE,
      workflowId: `kpi-rollup:test:${uuidv7()}`,
      args: [input],
    });
  const dailyRow = async (d: string) =>
    (
      (await dataSource.query('SELECT orders_paid AS paid, revenue FROM kpi_daily WHERE day = ?', [d])) as {
        paid: unknown;
        revenue: unknown;
      }[]
    )[0];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    dataSource = await openTestDataSource();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: KPI_TASK_QUEUE,
      workflowsPath: require.resolve('../../workflows'),
      activities: createKpiActivities({
        store: new TypeOrmKpiStore(dataSource),
        now: () => now,
        logger: createLogger({ level: 'silent' }),
      }),
    });
    running = worker.run();
    const rows = new BackDatedRows(dataSource);
    const paidAt = new Date(`${day}T03:00:00Z`);
    await insertPaidOrder(rows, { total: 77_000, paidAt });
  });

  after(async () => {
    worker?.shutdown();
    await running;
    await dataSource?.destroy();
    await env?.teardown();
  });

  test('a backfill recomputes every day of its range', async () => {
    const report = await run({ from: addDays(day, -1), to: addDays(day, 1) });
    assert.deepEqual(report.days, [addDays(day, -1), day, addDays(day, 1)]);
    const row = await dailyRow(day);
    assert.deepEqual([Number(row?.paid), Number(row?.revenue)], [1, 77_000]);
    assert.equal(Number((await dailyRow(addDays(day, 1)))?.paid), 0);
  });

  test('the scheduled run refreshes yesterday and today and drops view sessions past their days', async () => {
    const old = addDays(today, -VIEW_SESSION_DAYS - 1);
    const hash = uuidv7().replace(/-/g, '').padEnd(64, '0');
    await dataSource.query('INSERT INTO product_view_sessions (day, session_hash) VALUES (?, ?)', [
      old,
      hash,
    ]);
    const report = await run({});
    assert.deepEqual(report.days, [addDays(today, -1), today]);
    assert.ok(await dailyRow(today), "today's row is written");
    const left = (await dataSource.query(
      'SELECT COUNT(*) AS n FROM product_view_sessions WHERE session_hash = ?',
      [hash],
    )) as { n: unknown }[];
    assert.equal(Number(left[0]?.n), 0);
  });
});
