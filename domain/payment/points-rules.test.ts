import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PointsAccount } from './points-account';
import { clawbackFor } from './points-clawback';
import { earnReference, pgShareOfPart, pointsToEarn } from './points-earning';
import { expiryAfter } from './points-lots';

let seq = 0;
const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
const metaAt = (day: number) => () => ({ entryId: `e-${String(++seq).padStart(4, '0')}`, at: at(day) });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'NO_ERROR';
};

describe('points earned at purchase confirmation (won)', () => {
  for (const [pgAmount, rateBps, expected] of [
    [42_000, 100, 420],
    [42_099, 100, 420], // rounded down to whole won
    [99, 100, 0],
    [50_000, 250, 1_250],
    [0, 100, 0], // paid entirely with points: nothing earned
    [10_000, 0, 0], // earning switched off
  ] as const)
    test(`${rateBps} bps of ${pgAmount}원 paid by PG earns ${expected}`, () => {
      assert.equal(pointsToEarn({ pgAmount, rateBps }), expected);
    });

  test("a part's PG share is the order's PG ratio of the part (points pay every part alike)", () => {
    assert.equal(pgShareOfPart({ partAmount: 30_000, orderTotal: 50_000, orderPgAmount: 40_000 }), 24_000);
    assert.equal(pgShareOfPart({ partAmount: 30_000, orderTotal: 50_000, orderPgAmount: 50_000 }), 30_000);
    assert.equal(pgShareOfPart({ partAmount: 30_000, orderTotal: 50_000, orderPgAmount: 0 }), 0);
    assert.equal(earnReference('o-1', 's-1'), 'earn:o-1:s-1');
  });
});

describe('points clawback for a refunded purchase', () => {
  for (const [input, expected] of [
    [{ earned: 420, refundedPgAmount: 42_000, paidPgAmount: 42_000, available: 1_000 }, [420, 0]],
    [{ earned: 420, refundedPgAmount: 21_000, paidPgAmount: 42_000, available: 1_000 }, [210, 0]],
    [{ earned: 425, refundedPgAmount: 10_000, paidPgAmount: 42_500, available: 1_000 }, [100, 0]], // floor
    [{ earned: 420, refundedPgAmount: 42_000, paidPgAmount: 42_000, available: 300 }, [300, 120]],
    [{ earned: 420, refundedPgAmount: 42_000, paidPgAmount: 42_000, available: 0 }, [0, 420]],
    [{ earned: 0, refundedPgAmount: 42_000, paidPgAmount: 42_000, available: 500 }, [0, 0]],
    [{ earned: 420, refundedPgAmount: 50_000, paidPgAmount: 42_000, available: 500 }, [420, 0]],
  ] as const)
    test(`${JSON.stringify(input)} → clawback ${expected[0]}, from the refund ${expected[1]}`, () => {
      const result = clawbackFor(input);
      assert.deepEqual([result.clawback, result.takenFromRefund], expected);
    });
});

describe('points lots: oldest expiry spent first, the rest expires', () => {
  const validity = 365;
  function account() {
    const a = PointsAccount.open('user-1');
    a.earn(1_000, 'earn:o-1:s', metaAt(0)(), expiryAfter(at(0), validity));
    a.grant(500, '배송 지연 보상', metaAt(10)(), expiryAfter(at(10), validity));
    a.pullEntries();
    return a;
  }

  test('spending takes the lot that expires first; expiry leaves only what is left of each lot', () => {
    const a = account();
    a.hold('order-2', 1_200, metaAt(20)());
    a.capture('order-2', metaAt(20)());
    assert.deepEqual(a.expire(at(364), metaAt(364)), [], 'nothing is due before its day');
    assert.deepEqual(
      a.expire(at(365), metaAt(365)).map((e) => [e.type, e.amount]),
      [],
      'the first lot was spent entirely',
    );
    const expired = a.expire(at(375), metaAt(375));
    assert.deepEqual(
      expired.map((e) => [e.type, e.amount, e.availableAfter]),
      [['EXPIRE', 300, 0]],
    );
    assert.equal(a.available, 0);
  });

  test('a released hold gives its points back with the expiry they had, so a hold cannot extend them', () => {
    const a = account();
    a.hold('order-3', 800, metaAt(30)());
    a.release('order-3', metaAt(370)());
    const expired = a.expire(at(370), metaAt(370));
    assert.deepEqual(
      expired.map((e) => e.amount).sort((x, y) => x - y),
      [200, 800],
      'the 800 released came from the lot due on day 365; the 200 left in it expire too',
    );
    assert.equal(a.available, 500);
  });

  test('CS deducts only what is available, naming the balance; a grant needs a positive whole amount', () => {
    const a = account();
    a.hold('order-4', 1_000, metaAt(40)());
    const refused = (() => {
      try {
        a.deduct(600, 'abuse', metaAt(41)());
      } catch (error) {
        return error as { code: string; details: { available: number } };
      }
    })();
    assert.equal(refused?.code, 'POINTS_INSUFFICIENT');
    assert.equal(refused?.details.available, 500);
    assert.equal(a.deduct(500, 'abuse', metaAt(41)()).type, 'ADMIN_DEDUCT');
    assert.equal(
      code(() => a.grant(0.5, 'x', metaAt(42)(), null)),
      'POINTS_INVALID_AMOUNT',
    );
  });

  test('a clawback takes at most what is available and records the reason', () => {
    const a = account();
    const entry = a.clawBack('o-1', 420, 'clawback:r-1', '반품 환불에 따른 적립금 회수', metaAt(50)());
    assert.deepEqual(
      [entry.type, entry.amount, entry.availableAfter, entry.reason],
      ['CLAWBACK', 420, 1_080, '반품 환불에 따른 적립금 회수'],
    );
    assert.equal(
      code(() => a.clawBack('o-1', 5_000, 'clawback:r-2', 'x', metaAt(51)())),
      'POINTS_INSUFFICIENT',
    );
  });
});
