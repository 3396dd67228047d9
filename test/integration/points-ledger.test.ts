import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { openTestDataSource } from '../support/database';

describe('points ledger on MariaDB (optimistic locking by version)', () => {
  let dataSource: DataSource;
  let ledger: TypeOrmPointsLedger;
  const userId = uuidv7();

  before(async () => {
    dataSource = await openTestDataSource();
    ledger = new TypeOrmPointsLedger({ dataSource, newId: uuidv7, now: () => new Date(), maxAttempts: 20 });
  });

  after(async () => {
    for (const table of ['points_ledger', 'points_holds', 'points_accounts'])
      await dataSource.query(`DELETE FROM ${table} WHERE user_id = ?`, [userId]);
    await dataSource.destroy();
  });

  test('concurrent holds never spend more than the balance, and the ledger adds up', async () => {
    await ledger.earn(userId, 10_000, 'event:concurrency');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => ledger.hold(userId, uuidv7(), 3_000)),
    );
    const held = outcomes.filter((o) => o.status === 'fulfilled').length;
    assert.equal(held, 3, '3 × 3,000 fit in 10,000; the others are refused');
    for (const o of outcomes)
      if (o.status === 'rejected') assert.equal((o.reason as { code?: string }).code, 'POINTS_INSUFFICIENT');
    assert.deepEqual(await ledger.balance(userId), { userId, available: 1_000, held: 9_000 });
    const [sum] = (await dataSource.query(
      "SELECT SUM(CASE WHEN type = 'EARN' THEN amount WHEN type = 'HOLD' THEN -amount ELSE 0 END) AS net FROM points_ledger WHERE user_id = ?",
      [userId],
    )) as Array<{ net: number | string }>;
    assert.equal(Number(sum!.net), 1_000);
  });
});
