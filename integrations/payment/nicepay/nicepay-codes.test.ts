import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OVERSEAS_CARD_PROVIDER } from '../../../domain/payment';
import { isNicepayOverseasCard } from './nicepay-card-codes';
import { classifyNicepayResult } from './nicepay-result-codes';

describe('NicePay result codes', () => {
  const cls = (code: string, operation: Parameters<typeof classifyNicepayResult>[1]) =>
    classifyNicepayResult(code, operation).resultClass;

  test('a code is read with the operation that returned it', () => {
    assert.equal(cls('0000', 'approve'), 'ok');
    assert.equal(cls('3001', 'approve'), 'ok');
    assert.equal(cls('2001', 'approve'), 'final');
    assert.equal(cls('2001', 'cancel'), 'ok');
    assert.equal(cls('2211', 'cancel'), 'ok');
    assert.equal(cls('2012', 'cancel'), 'not_found');
    assert.equal(cls('2012', 'netCancel'), 'not_found');
    assert.equal(cls('2012', 'approve'), 'final');
    assert.equal(cls('A127', 'approve'), 'final');
    assert.equal(cls('A127', 'cancel'), 'already_done');
  });

  test('retryable, already approved, declines and configuration problems', () => {
    for (const code of ['2000', '2159', '4008', '4116', 'A110'])
      assert.deepEqual(classifyNicepayResult(code, 'approve'), { resultClass: 'retryable', alert: false });
    assert.equal(cls('2201', 'approve'), 'already_approved');
    assert.deepEqual(classifyNicepayResult('3021', 'approve'), { resultClass: 'final', alert: false });
    assert.deepEqual(classifyNicepayResult('3051', 'approve'), { resultClass: 'final', alert: true });
    assert.deepEqual(classifyNicepayResult('A114', 'lookup'), { resultClass: 'final', alert: true });
    assert.equal(cls('A118', 'lookup'), 'not_found');
    assert.equal(cls('2020', 'netCancel'), 'final');
  });

  test('overseas cards are recognised by NicePay card code, and NicePay is the PG for them', () => {
    assert.deepEqual(['25', '26', '27', '28', '29', '34'].map(isNicepayOverseasCard), Array(6).fill(true));
    assert.deepEqual(['01', '04', '06', undefined].map(isNicepayOverseasCard), Array(4).fill(false));
    assert.equal(OVERSEAS_CARD_PROVIDER, 'NICEPAY');
  });
});
