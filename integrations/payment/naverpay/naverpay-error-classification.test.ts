import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyNaverPayCode } from './naverpay-error-classification';

describe('NaverPay code classification', () => {
  const approve = (code: string, status = 200) => classifyNaverPayCode(code, status, 'approve');
  const cancel = (code: string, status = 200) => classifyNaverPayCode(code, status, 'cancel').errorClass;

  test('buyer and card refusals are final; merchant or header problems alert an operator', () => {
    for (const code of ['Fail', 'TimeExpired', 'OwnerAuthFail', 'InvalidPaymentId'])
      assert.deepEqual(approve(code), { errorClass: 'final', alert: false }, code);
    assert.deepEqual(approve('InvalidMerchant'), { errorClass: 'final', alert: true });
    assert.deepEqual(approve('Unauthorized', 401), { errorClass: 'final', alert: true });
  });

  test('maintenance is retried; AlreadyComplete / AlreadyOnGoing on approve and 5xx are ambiguous', () => {
    assert.equal(approve('MaintenanceOngoing').errorClass, 'retryable');
    assert.equal(approve('FaultCheckOngoing').errorClass, 'retryable');
    assert.equal(approve('AlreadyComplete').errorClass, 'ambiguous');
    assert.equal(approve('AlreadyOnGoing').errorClass, 'ambiguous');
    assert.equal(approve('HTTP_502', 502).errorClass, 'ambiguous');
    assert.equal(approve('HTTP_429', 429).errorClass, 'retryable');
  });

  test('cancel: AlreadyCanceled is done already, unfinished cancels are ambiguous, amount errors are final', () => {
    assert.equal(cancel('AlreadyCanceled'), 'already_done');
    assert.equal(cancel('PreCancelNotComplete'), 'ambiguous');
    assert.equal(cancel('CancelNotComplete'), 'ambiguous');
    assert.equal(cancel('AlreadyOnGoing'), 'retryable');
    for (const code of ['OverRemainAmount', 'RestAmountDiff', 'TaxScopeAmountError', 'CancelDeadlineExpired'])
      assert.equal(cancel(code), 'final', code);
  });

  test('history and reserve change nothing: 5xx is simply asked again', () => {
    assert.equal(classifyNaverPayCode('HTTP_500', 500, 'history').errorClass, 'retryable');
    assert.equal(classifyNaverPayCode('HTTP_503', 503, 'reserve').errorClass, 'retryable');
    assert.equal(classifyNaverPayCode('InvalidParameter', 200, 'history').errorClass, 'final');
  });
});
