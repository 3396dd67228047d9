import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { uuidv7 } from '../../platform/ids';
import { createDataSource } from '../data-source';
import { TypeOrmPointsLedger } from './typeorm-points.ledger';

const DAY = 86_400_000;

/** The embedded mode: points lots, the new entry types and expiry on SQLite. */
describe('points ledger on SQLite (embedded mode)', () => {
  let dataSource: DataSource;
  let clock = Date.UTC(2026, 0, 1);
  let ledger: TypeOrmPointsLedger;

  before(async () => {
    dataSource = await createDataSource({ kind: 'sqlite', path: ':memory:' }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    ledger = new TypeOrmPointsLedger({
      dataSource,
      newId: uuidv7,
      now: () => new Date(clock),
      validityDays: 10,
    });
  });
  after(async () => {
    await dataSource?.destroy();
  });

  test('earn, grant, deduct, clawback and expiry are stored and add up', async () => {
    const userId = uuidv7();
    await ledger.earn(userId, 1_000, 'earn:o-1:s-1');
    await ledger.adjust(userId, 300, 'CS');
    await ledger.adjust(userId, -100, 'CS');
    const taken = await ledger.clawBack(userId, {
      orderId: 'o-1',
      earnReference: 'earn:o-1:s-1',
      reference: 'clawback:r-1',
      reason: '반품',
      refundedPgAmount: 50,
      paidPgAmount: 100,
    });
    assert.deepEqual([taken.clawback, taken.takenFromRefund], [500, 0]);
    clock += 11 * DAY;
    assert.deepEqual(await ledger.expire(userId, new Date(clock)), { userId, available: 0, held: 0 });
    const { items } = await ledger.entries(userId, { limit: 10 });
    // Both lots expire in one change (same millisecond): their order between them is not fixed.
    assert.deepEqual(
      items
        .slice(0, 2)
        .map((e) => [e.type, e.amount])
        .sort(),
      [
        ['EXPIRE', 300],
        ['EXPIRE', 400],
      ],
    );
    assert.deepEqual(
      items.slice(2).map((e) => [e.type, e.amount]),
      [
        ['CLAWBACK', 500],
        ['ADMIN_DEDUCT', 100],
        ['ADMIN_GRANT', 300],
        ['EARN', 1_000],
      ],
    );
  });
});
