import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyKakaoPayError, classifyKakaoPayStatus } from './kakaopay-error-classification';

describe('KakaoPay error classification', () => {
  const approve = (errorCode: number | undefined, httpStatus: number, methodResultCode?: string) =>
    classifyKakaoPayError({ errorCode, httpStatus, methodResultCode, operation: 'approve' }).errorClass;

  test('-780 with USER_LOCKED is retried; -780 with a card result is a final decline', () => {
    assert.equal(approve(-780, 400, 'USER_LOCKED'), 'retryable');
    assert.equal(approve(-780, 400, 'CARD_LIMIT_EXCEEDED'), 'final');
    assert.equal(
      classifyKakaoPayError({
        errorCode: -781,
        httpStatus: 400,
        methodResultCode: 'USER_LOCKED',
        operation: 'cancel',
      }).errorClass,
      'retryable',
    );
  });

  test('a wrong key or CID alerts an operator and is never retried', () => {
    for (const status of [401, 403]) {
      const result = classifyKakaoPayError({ errorCode: -401, httpStatus: status, operation: 'approve' });
      assert.deepEqual(result, { errorClass: 'final', alert: true });
    }
  });

  test('5xx and "already paid" on approve are ambiguous (look the order up); on /order and ready they are retried', () => {
    assert.equal(approve(-1, 500), 'ambiguous');
    assert.equal(approve(-702, 400), 'ambiguous');
    assert.equal(classifyKakaoPayError({ httpStatus: 502, operation: 'cancel' }).errorClass, 'ambiguous');
    assert.equal(classifyKakaoPayError({ httpStatus: 503, operation: 'order' }).errorClass, 'retryable');
    assert.equal(classifyKakaoPayError({ httpStatus: 500, operation: 'ready' }).errorClass, 'retryable');
    assert.equal(classifyKakaoPayError({ httpStatus: 429, operation: 'approve' }).errorClass, 'retryable');
  });

  test('other 4xx answers are final', () => {
    assert.equal(approve(-706, 400), 'final');
    assert.equal(approve(-708, 400), 'final');
  });

  test('statuses: paid, cancelled, failed and in progress; an unknown status is never read as paid', () => {
    assert.equal(classifyKakaoPayStatus('SUCCESS_PAYMENT'), 'paid');
    assert.equal(classifyKakaoPayStatus('PART_CANCEL_PAYMENT'), 'partially_canceled');
    assert.equal(classifyKakaoPayStatus('CANCEL_PAYMENT'), 'canceled');
    for (const status of ['FAIL_AUTH_PASSWORD', 'QUIT_PAYMENT', 'FAIL_PAYMENT'])
      assert.equal(classifyKakaoPayStatus(status), 'failed');
    for (const status of [
      'READY',
      'SEND_TMS',
      'OPEN_PAYMENT',
      'SELECT_METHOD',
      'ARS_WAITING',
      'AUTH_PASSWORD',
    ])
      assert.equal(classifyKakaoPayStatus(status), 'in_progress');
    assert.equal(classifyKakaoPayStatus('SOMETHING_NEW'), 'in_progress');
  });
});
