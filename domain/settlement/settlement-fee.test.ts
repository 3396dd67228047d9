import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRate, lineFee, PLATFORM_FEE_RATE_BPS, splitVatIncluded } from './settlement-fee';

describe('the platform fee', () => {
  test('5 % is 500 basis points; fractions of a won are cut in the seller’s favour', () => {
    assert.equal(PLATFORM_FEE_RATE_BPS, 500);
    assert.equal(lineFee(10_000, 500), 500);
    assert.equal(lineFee(10_526, 500), 526); // 526.3
    assert.equal(lineFee(10_999, 500), 549); // 549.95 is cut, not rounded up
    assert.equal(lineFee(19, 500), 0); // 0.95
    assert.equal(lineFee(100_000_000_000, 500), 5_000_000_000);
    assert.equal(lineFee(39_000, 250), 975);
    assert.equal(formatRate(500), '5%');
    assert.equal(formatRate(250), '2.5%');
  });

  test('amounts and rates outside whole numbers are refused', () => {
    assert.throws(() => lineFee(1.5, 500), RangeError);
    assert.throws(() => lineFee(-1, 500), RangeError);
    assert.throws(() => lineFee(100_000_000_001, 500), RangeError);
    assert.throws(() => lineFee(1000, 5.5), RangeError);
    assert.throws(() => lineFee(1000, 10_001), RangeError);
  });

  test('the VAT-inclusive fee splits into 공급가액 and 세액 that add up, 세액 within a won of 10 %', () => {
    assert.deepEqual(splitVatIncluded(1_100), { supplyCost: 1_000, tax: 100, total: 1_100 });
    assert.deepEqual(splitVatIncluded(526), { supplyCost: 478, tax: 48, total: 526 });
    assert.deepEqual(splitVatIncluded(0), { supplyCost: 0, tax: 0, total: 0 });
    for (let total = 0; total <= 20_000; total += 1) {
      const { supplyCost, tax } = splitVatIncluded(total);
      assert.equal(supplyCost + tax, total);
      assert.ok(Math.abs(tax - supplyCost / 10) <= 0.55, `total ${total}: ${supplyCost} + ${tax}`);
    }
  });
});
