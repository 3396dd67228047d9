import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summariseLines } from './reservation';
import { availabilityTransition, checkOnHandChange } from './stock-level';

describe('inventory rules', () => {
  test('lines are summed per SKU and ordered by variant id (one lock order for every order)', () => {
    assert.deepEqual(
      summariseLines([
        { variantId: 'b', quantity: 1 },
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 3 },
      ]),
      [
        { variantId: 'a', quantity: 2 },
        { variantId: 'b', quantity: 4 },
      ],
    );
    assert.throws(() => summariseLines([{ variantId: 'a', quantity: 0 }]), /lines\.0\.quantity/);
    assert.throws(() => summariseLines([]), /at least one line/);
  });

  test('sellable crossing zero is what the catalog and the waiting queue hear about', () => {
    assert.equal(availabilityTransition(1, 0), 'SOLD_OUT');
    assert.equal(availabilityTransition(0, 2), 'BACK_IN_STOCK');
    assert.equal(availabilityTransition(3, 2), null);
  });

  test('the count on hand never drops below what is reserved, nor below zero', () => {
    const level = { variantId: 'v', productId: 'p', onHand: 5, reserved: 3, version: 1 };
    assert.throws(() => checkOnHandChange(level, 2), /STOCK_BELOW_RESERVED|below the 3 units/);
    assert.throws(() => checkOnHandChange(level, -1), /≥ 0/);
    checkOnHandChange(level, 3);
  });
});
