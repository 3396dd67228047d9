import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import { checkLowStockThreshold, lowStockChanges, type LowStockWatch } from './low-stock';

const level = (variantId: string, sellable: number) => ({ variantId, productId: 'p', sellable });
const watches = (...list: LowStockWatch[]) => new Map(list.map((w) => [w.variantId, w]));

describe('low stock', () => {
  test('alerts at or below the threshold once, re-arms above it; unwatched variants are left alone', () => {
    const changes = lowStockChanges(
      [level('unwatched', 0), level('low', 3), level('fine', 4), level('told', 1), level('rose', 8)],
      watches(
        { variantId: 'low', threshold: 3, alerted: false },
        { variantId: 'fine', threshold: 3, alerted: false },
        { variantId: 'told', threshold: 5, alerted: true },
        { variantId: 'rose', threshold: 5, alerted: true },
      ),
    );
    assert.deepEqual(
      changes.alert.map((a) => [a.variantId, a.threshold]),
      [['low', 3]],
    );
    assert.deepEqual(changes.rearm, ['rose']);
  });

  test('a threshold is a whole number from 0, else refused naming the field', () => {
    assert.equal(checkLowStockThreshold(0), 0);
    assert.throws(
      () => checkLowStockThreshold(-1),
      (e: unknown) => e instanceof DomainError && e.message.startsWith('body.threshold'),
    );
  });
});
