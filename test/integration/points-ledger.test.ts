import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { AVAILABLE_SIGN, PaymentError, type PointsEntryType } from '../../domain/payment';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { openTestDataSource } from '../support/database';

const DAY = 86_400_000;

describe('points ledger on MariaDB (optimistic locking by version)', () => {
  let dataSource: DataSource;
  let ledger: TypeOrmPointsLedger;
  let clock = Date.UTC(2026, 0, 1);
  const users: string[] = [];
  const newUser = () => {
    const id = uuidv7();
    users.push(id);
    return id;
  };

  before(async () => {
    dataSource = await openTestDataSource();
    ledger = new TypeOrmPointsLedger({
      dataSource,
      newId: uuidv7,
      now: () => new Date(clock),
      validityDays: 30,
      maxAttempts: 20,
    });
  });

  after(async () => {
    for (const table of ['points_ledger', 'points_holds', 'points_lots', 'points_accounts'])
      await dataSource.query(`DELETE FROM ${table} WHERE user_id IN (?)`, [users]);
    await dataSource.destroy();
  });

  /** The stored balance, and what the ledger, the lots and the holds say it must be. */
  async function audit(userId: string) {
    const balance = await ledger.balance(userId);
    const rows = (await dataSource.query('SELECT type, amount FROM points_ledger WHERE user_id = ?', [
      userId,
    ])) as Array<{ type: PointsEntryType; amount: number | string }>;
    let available = 0;
    let held = 0;
    for (const row of rows) {
      available += AVAILABLE_SIGN[row.type] * Number(row.amount);
      if (row.type === 'HOLD') held += Number(row.amount);
      if (row.type === 'CAPTURE' || row.type === 'RELEASE') held -= Number(row.amount);
    }
    const [lots] = (await dataSource.query(
      'SELECT COALESCE(SUM(remaining), 0) AS remaining FROM points_lots WHERE user_id = ?',
      [userId],
    )) as Array<{ remaining: number | string }>;
    return { balance, ledger: { available, held }, lots: Number(lots!.remaining) };
  }

  test('concurrent holds never spend more than the balance, and the ledger adds up', async () => {
    const userId = newUser();
    await ledger.earn(userId, 10_000, 'event:concurrency');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => ledger.hold(userId, uuidv7(), 3_000)),
    );
    const held = outcomes.filter((o) => o.status === 'fulfilled').length;
    assert.equal(held, 3, '3 × 3,000 fit in 10,000; the others are refused');
    for (const o of outcomes)
      if (o.status === 'rejected') assert.equal((o.reason as { code?: string }).code, 'POINTS_INSUFFICIENT');
    assert.deepEqual(await ledger.balance(userId), { userId, available: 1_000, held: 9_000 });
    const { ledger: sums, lots } = await audit(userId);
    assert.deepEqual(sums, { available: 1_000, held: 9_000 });
    assert.equal(lots, 1_000);
  });

  const operation = fc.oneof(
    fc.record({ op: fc.constant('earn' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({ op: fc.constant('grant' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({ op: fc.constant('deduct' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({ op: fc.constant('hold' as const), amount: fc.integer({ min: 1, max: 5_000 }) }),
    fc.record({ op: fc.constant('capture' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('release' as const), pick: fc.nat() }),
    fc.record({
      op: fc.constant('refund' as const),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 3_000 }),
    }),
    fc.record({
      op: fc.constant('clawback' as const),
      pick: fc.nat(),
      share: fc.integer({ min: 1, max: 100 }),
    }),
    fc.record({ op: fc.constant('days' as const), days: fc.integer({ min: 1, max: 40 }) }),
  );

  test('random sequences of every movement: balance = sum of the ledger = what the lots hold, never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 25 }), async (ops) => {
        const userId = newUser();
        const orders: string[] = [];
        const earns: string[] = [];
        for (const [i, step] of ops.entries()) {
          const order = 'pick' in step ? orders[step.pick % Math.max(1, orders.length)] : undefined;
          try {
            if (step.op === 'earn') {
              earns.push(`earn:${uuidv7()}:s`);
              await ledger.earn(userId, step.amount, earns[earns.length - 1]!);
            } else if (step.op === 'grant') await ledger.adjust(userId, step.amount, 'CS');
            else if (step.op === 'deduct') await ledger.adjust(userId, -step.amount, 'CS');
            else if (step.op === 'hold') {
              orders.push(uuidv7());
              await ledger.hold(userId, orders[orders.length - 1]!, step.amount);
            } else if (step.op === 'capture' && order) await ledger.capture(userId, order);
            else if (step.op === 'release' && order) await ledger.release(userId, order);
            else if (step.op === 'refund' && order) await ledger.refund(userId, order, step.amount, `r-${i}`);
            else if (step.op === 'clawback' && earns.length > 0)
              await ledger.clawBack(userId, {
                orderId: uuidv7(),
                earnReference: earns[step.pick % earns.length]!,
                reference: `clawback:${userId}:${i}`,
                reason: '반품',
                refundedPgAmount: step.share,
                paidPgAmount: 100,
              });
            else if (step.op === 'days') {
              clock += step.days * DAY;
              await ledger.expire(userId, new Date(clock));
            }
          } catch (error) {
            // Refusals (short balance, a captured hold released…) change nothing; anything else fails.
            if (!(error instanceof PaymentError)) throw error;
          }
          const { balance, ledger: sums, lots } = await audit(userId);
          assert.deepEqual(sums, { available: balance.available, held: balance.held }, `after ${step.op}`);
          assert.equal(lots, balance.available, `lots after ${step.op}`);
          assert.ok(balance.available >= 0 && balance.held >= 0);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('expiry writes an EXPIRE row for what is left of the oldest lot, and a deduction names the balance', async () => {
    const userId = newUser();
    const earnedAt = clock;
    await ledger.earn(userId, 1_000, 'earn:a:s');
    clock += 10 * DAY;
    await ledger.adjust(userId, 500, '이벤트 적립');
    await ledger.hold(userId, uuidv7(), 700);
    clock += 21 * DAY; // the first lot (30 days) is due, the grant is not
    const iso = (ms: number) => new Date(ms).toISOString();
    assert.deepEqual(await ledger.expiring(userId, new Date(clock + 30 * DAY)), [
      { amount: 300, expiresAt: iso(earnedAt + 30 * DAY) },
      { amount: 500, expiresAt: iso(earnedAt + 40 * DAY) },
    ]);
    await ledger.expire(userId, new Date(clock));
    const { items } = await ledger.entries(userId, { limit: 10 });
    assert.deepEqual(
      items.map((e) => [e.type, e.amount]),
      [
        ['EXPIRE', 300],
        ['HOLD', 700],
        ['ADMIN_GRANT', 500],
        ['EARN', 1_000],
      ],
    );
    await assert.rejects(ledger.adjust(userId, -600, 'abuse'), (error: PaymentError) => {
      assert.equal(error.code, 'POINTS_INSUFFICIENT');
      assert.equal(error.details.available, 500);
      return true;
    });
  });
});
