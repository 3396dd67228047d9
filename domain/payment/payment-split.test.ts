import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computePaymentSplit, type PaymentSplitInput } from './payment-split';

const code = (input: PaymentSplitInput) => {
  try {
    computePaymentSplit(input);
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'NO_ERROR';
};

describe('payment split (points + PG)', () => {
  test('points pay part of the order and the PG the rest', () => {
    assert.deepEqual(
      computePaymentSplit({
        totalAmount: 38_000,
        pointsToUse: 5_000,
        availablePoints: 12_000,
        method: 'CARD',
      }),
      {
        totalAmount: 38_000,
        pointsAmount: 5_000,
        pgAmount: 33_000,
        needsPg: true,
        effectiveMethod: 'CARD',
      },
    );
  });

  test('no points: the PG takes the whole total', () => {
    const split = computePaymentSplit({ totalAmount: 38_000, availablePoints: 12_000, method: 'KAKAOPAY' });
    assert.deepEqual([split.pointsAmount, split.pgAmount, split.needsPg], [0, 38_000, true]);
  });

  test('an order fully covered by points needs no PG, whatever method was chosen', () => {
    const byPoints = computePaymentSplit({ totalAmount: 9_000, availablePoints: 9_000, method: 'POINTS' });
    assert.deepEqual(
      [byPoints.pointsAmount, byPoints.pgAmount, byPoints.needsPg, byPoints.effectiveMethod],
      [9_000, 0, false, 'POINTS'],
    );
    const cardButCovered = computePaymentSplit({
      totalAmount: 9_000,
      pointsToUse: 9_000,
      availablePoints: 20_000,
      method: 'CARD',
    });
    assert.deepEqual([cardButCovered.needsPg, cardButCovered.effectiveMethod], [false, 'POINTS']);
  });

  test('points above the balance, above the total, or not whole won are refused', () => {
    assert.equal(
      code({ totalAmount: 10_000, pointsToUse: 3_001, availablePoints: 3_000, method: 'CARD' }),
      'POINTS_INSUFFICIENT',
    );
    assert.equal(
      code({ totalAmount: 10_000, pointsToUse: 10_001, availablePoints: 50_000, method: 'CARD' }),
      'POINTS_EXCEED_TOTAL',
    );
    assert.equal(
      code({ totalAmount: 10_000, pointsToUse: 100.5, availablePoints: 50_000, method: 'CARD' }),
      'POINTS_INVALID_AMOUNT',
    );
    assert.equal(
      code({ totalAmount: 10_000, pointsToUse: -1, availablePoints: 50_000, method: 'CARD' }),
      'POINTS_INVALID_AMOUNT',
    );
    assert.equal(
      code({ totalAmount: 10_000.5, availablePoints: 0, method: 'CARD' }),
      'PAYMENT_INVALID_AMOUNT',
    );
    assert.equal(code({ totalAmount: 0, availablePoints: 0, method: 'CARD' }), 'PAYMENT_INVALID_AMOUNT');
  });

  test('POINTS as the method must cover the whole order', () => {
    assert.equal(
      code({ totalAmount: 10_000, availablePoints: 4_000, method: 'POINTS' }),
      'POINTS_INSUFFICIENT',
    );
    assert.equal(
      code({ totalAmount: 10_000, pointsToUse: 4_000, availablePoints: 4_000, method: 'POINTS' }),
      'POINTS_NOT_COVERING_TOTAL',
    );
  });

  test('a PG part below the PG minimum for the method is refused', () => {
    assert.equal(
      code({
        totalAmount: 10_000,
        pointsToUse: 9_950,
        availablePoints: 10_000,
        method: 'CARD',
        minimumPgAmount: 100,
      }),
      'PAYMENT_PG_AMOUNT_BELOW_MINIMUM',
    );
    assert.equal(
      computePaymentSplit({
        totalAmount: 10_000,
        pointsToUse: 9_900,
        availablePoints: 10_000,
        method: 'CARD',
        minimumPgAmount: 100,
      }).pgAmount,
      100,
    );
  });
});
