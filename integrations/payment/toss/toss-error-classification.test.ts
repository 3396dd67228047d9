import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyTossError } from './toss-error-classification';

describe('Toss error classification', () => {
  test('declines and validation are final; configuration errors also alert', () => {
    assert.deepEqual(classifyTossError('REJECT_CARD_PAYMENT', 403, 'confirm'), {
      errorClass: 'final',
      alert: false,
    });
    assert.deepEqual(classifyTossError('NOT_FOUND_PAYMENT_SESSION', 404, 'confirm'), {
      errorClass: 'final',
      alert: false,
    });
    assert.deepEqual(classifyTossError('UNAUTHORIZED_KEY', 401, 'confirm'), {
      errorClass: 'final',
      alert: true,
    });
    assert.deepEqual(classifyTossError('INVALID_API_KEY', 400, 'cancel'), {
      errorClass: 'final',
      alert: true,
    });
  });

  test('temporary errors are retryable; unknown outcomes are ambiguous; already-processed means look it up', () => {
    assert.equal(classifyTossError('PROVIDER_ERROR', 400, 'confirm').errorClass, 'retryable');
    assert.equal(classifyTossError('IDEMPOTENT_REQUEST_PROCESSING', 409, 'confirm').errorClass, 'retryable');
    assert.equal(
      classifyTossError('FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING', 500, 'confirm').errorClass,
      'retryable',
    );
    assert.equal(classifyTossError('COMMON_ERROR', 500, 'confirm').errorClass, 'ambiguous');
    assert.equal(classifyTossError('HTTP_502', 502, 'confirm').errorClass, 'ambiguous');
    assert.equal(classifyTossError('ALREADY_PROCESSED_PAYMENT', 400, 'confirm').errorClass, 'ambiguous');
    assert.equal(classifyTossError('DUPLICATED_ORDER_ID', 400, 'confirm').errorClass, 'ambiguous');
  });

  test('cancel side: refund hiccups retry, already-cancelled is done, amount problems are final', () => {
    assert.equal(classifyTossError('FAILED_REFUND_PROCESS', 500, 'cancel').errorClass, 'retryable');
    assert.equal(classifyTossError('ALREADY_CANCELED_PAYMENT', 400, 'cancel').errorClass, 'already_done');
    assert.equal(classifyTossError('NOT_CANCELABLE_AMOUNT', 403, 'cancel').errorClass, 'final');
  });
});
