import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { createDataSource } from '../data-source';
import { sqlTime } from '../inventory/sql';
import { BatchedViewSessions } from './batched-view-sessions';
import { TypeOrmKpiStore } from './typeorm-kpi.store';

/** The embedded mode: the KPI migration, rollup and view sessions on SQLite. */
describe('KPI store on SQLite (embedded mode)', () => {
  let dataSource: DataSource;
  let store: TypeOrmKpiStore;

  before(async () => {
    dataSource = await createDataSource({ kind: 'sqlite', path: ':memory:' }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    store = new TypeOrmKpiStore(dataSource);
  });
  after(async () => {
    await dataSource?.destroy();
  });

  test('view sessions are written once per day and hash; a day rolls up and reads back', async () => {
    const views = new BatchedViewSessions(dataSource, createLogger({ level: 'silent' }), 60_000);
    for (const hash of ['a', 'b', 'a']) views.record('2024-05-01', hash.repeat(64));
    await views.flush();
    views.record('2024-05-01', 'b'.repeat(64));
    views.record('2024-05-01', 'c'.repeat(64));
    await views.close();

    const [buyer, orderId, paidAt] = [uuidv7(), uuidv7(), new Date('2024-04-30T23:30:00Z')];
    await dataSource.query(
      `INSERT INTO orders (id, order_number, user_id, status, total_amount, points_amount, payable_amount,
         payment_method, placed_at, payment_due_at, updated_at) VALUES (?, ?, ?, 'PAID', 64000, 0, 64000, 'CARD', ?, ?, ?)`,
      [orderId, 'JT1', buyer, sqlTime(paidAt), sqlTime(paidAt), sqlTime(paidAt)],
    );
    await dataSource.query(
      `INSERT INTO order_history (id, order_id, seq, from_status, to_status, command, at)
       VALUES (?, ?, 1000, 'PENDING_PAYMENT', 'PAID', 'PAY', ?)`,
      [uuidv7(), orderId, sqlTime(paidAt)],
    );
    const { kpis, buyers } = await store.computeDay('2024-05-01');
    assert.deepEqual(
      [kpis.visitors, kpis.ordersPaid, kpis.buyers, kpis.revenue],
      [3, 1, 1, 64_000],
      '23:30 UTC is the next day in Seoul',
    );
    await store.saveDay(kpis, buyers, new Date());
    await store.saveDay(kpis, buyers, new Date());
    const [day] = await store.days('2024-04-30', '2024-05-02');
    assert.equal(day?.revenue, 64_000);
    assert.deepEqual(await store.buyers('2024-05-01', '2024-05-01'), { buyers: 1, repeatBuyers: 0 });
    assert.equal(await store.pruneViewSessionsBefore('2024-05-02'), 3);
  });
});
