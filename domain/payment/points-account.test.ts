import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PointsAccount } from './points-account';

let seq = 0;
const meta = () => ({ entryId: `entry-${++seq}`, at: '2025-03-01T01:00:00.000Z' });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'NO_ERROR';
};

function accountWith(points: number): PointsAccount {
  const account = PointsAccount.open('user-1');
  account.earn(points, 'event:welcome', meta());
  account.pullEntries();
  return account;
}

describe('points ledger', () => {
  test('earn adds whole points; fractions, zero and negatives are refused', () => {
    const account = PointsAccount.open('user-1');
    const entry = account.earn(3_000, 'purchase:order-1', meta());
    assert.equal(account.available, 3_000);
    assert.deepEqual([entry.type, entry.amount, entry.availableAfter], ['EARN', 3_000, 3_000]);
    assert.equal(
      code(() => account.earn(0.5, 'x', meta())),
      'POINTS_INVALID_AMOUNT',
    );
    assert.equal(
      code(() => account.earn(0, 'x', meta())),
      'POINTS_INVALID_AMOUNT',
    );
    assert.equal(
      code(() => account.earn(-100, 'x', meta())),
      'POINTS_INVALID_AMOUNT',
    );
  });

  test('a hold reserves points for an order and never drives the balance below zero', () => {
    const account = accountWith(5_000);
    account.hold('order-1', 4_000, meta());
    assert.equal(account.available, 1_000);
    assert.equal(account.held, 4_000);
    assert.equal(
      code(() => account.hold('order-2', 1_001, meta())),
      'POINTS_INSUFFICIENT',
    );
    assert.equal(account.available, 1_000);
  });

  test('holding the same order again is a no-op; a different amount for it is a conflict', () => {
    const account = accountWith(5_000);
    assert.ok(account.hold('order-1', 2_000, meta()));
    assert.equal(account.hold('order-1', 2_000, meta()), undefined);
    assert.equal(account.available, 3_000);
    assert.equal(
      code(() => account.hold('order-1', 2_500, meta())),
      'POINTS_HOLD_CONFLICT',
    );
  });

  test('capture spends the hold; capturing again changes nothing; a released hold cannot be captured', () => {
    const account = accountWith(5_000);
    account.hold('order-1', 2_000, meta());
    const captured = account.capture('order-1', meta());
    assert.equal(captured?.type, 'CAPTURE');
    assert.equal(account.available, 3_000);
    assert.equal(account.held, 0);
    assert.equal(account.capture('order-1', meta()), undefined);
    assert.equal(
      code(() => account.capture('order-unknown', meta())),
      'POINTS_HOLD_NOT_FOUND',
    );
    account.hold('order-2', 1_000, meta());
    account.release('order-2', meta());
    assert.equal(
      code(() => account.capture('order-2', meta())),
      'POINTS_HOLD_NOT_ACTIVE',
    );
  });

  test('release gives held points back; releasing twice or without a hold does nothing (safe compensation)', () => {
    const account = accountWith(5_000);
    account.hold('order-1', 2_000, meta());
    assert.equal(account.release('order-1', meta())?.type, 'RELEASE');
    assert.equal(account.available, 5_000);
    assert.equal(account.release('order-1', meta()), undefined);
    assert.equal(account.release('never-held', meta()), undefined);
    assert.equal(account.available, 5_000);
  });

  test('after a release the same order may hold again (a later payment attempt), and that hold is captured', () => {
    const account = accountWith(5_000);
    account.hold('order-1', 2_000, meta());
    account.release('order-1', meta());
    assert.equal(account.hold('order-1', 2_000, meta())?.type, 'HOLD');
    assert.equal(account.available, 3_000);
    assert.equal(account.hold('order-1', 2_000, meta()), undefined, 'repeating the new hold changes nothing');
    assert.equal(account.capture('order-1', meta())?.type, 'CAPTURE');
    assert.equal(account.available, 3_000);
  });

  test('a captured order is refunded, partly or wholly, never beyond what was captured, each refund id once', () => {
    const account = accountWith(5_000);
    account.hold('order-1', 3_000, meta());
    account.capture('order-1', meta());
    assert.equal(
      code(() => account.release('order-1', meta())),
      'POINTS_HOLD_NOT_ACTIVE',
    );
    account.refund('order-1', 1_000, 'refund-a', meta());
    assert.equal(account.available, 3_000);
    assert.equal(
      account.refund('order-1', 1_000, 'refund-a', meta()),
      undefined,
      'same refund id twice is applied once',
    );
    assert.equal(account.available, 3_000);
    assert.equal(
      code(() => account.refund('order-1', 2_001, 'refund-b', meta())),
      'POINTS_REFUND_EXCEEDS_CAPTURE',
    );
    account.refund('order-1', 2_000, 'refund-b', meta());
    assert.equal(account.available, 5_000);
    assert.equal(account.refundable('order-1'), 0);
    assert.equal(
      code(() => account.refund('order-2', 100, 'refund-c', meta())),
      'POINTS_HOLD_NOT_ACTIVE',
    );
  });

  test('every change is recorded as a ledger entry with the balances after it, and the snapshot restores the same account', () => {
    const account = accountWith(10_000);
    account.hold('order-1', 4_000, meta());
    account.capture('order-1', meta());
    account.refund('order-1', 1_500, 'refund-1', meta());
    const entries = account.pullEntries();
    assert.deepEqual(
      entries.map((e) => [e.type, e.amount, e.availableAfter, e.heldAfter]),
      [
        ['HOLD', 4_000, 6_000, 4_000],
        ['CAPTURE', 4_000, 6_000, 0],
        ['REFUND', 1_500, 7_500, 0],
      ],
    );
    assert.deepEqual(account.pullEntries(), []);
    const restored = PointsAccount.restore(account.snapshot());
    assert.equal(restored.available, 7_500);
    assert.equal(restored.refundable('order-1'), 2_500);
    assert.equal(restored.refund('order-1', 1_500, 'refund-1', meta()), undefined);
  });
});
