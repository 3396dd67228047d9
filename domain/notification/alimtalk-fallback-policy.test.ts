import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlimTalkDeliveryReport } from './alimtalk-sender';
import {
  attemptForRecipient,
  decideAfterAlimTalkReport,
  decideAfterAlimTalkSend,
} from './alimtalk-fallback-policy';
import type { SendResult } from './send-result';
import { eucKrByteLength, hasUnsendableCharacters, smsTypeFor, truncateToEucKrBytes } from './sms-length';

const report = (overrides: Partial<AlimTalkDeliveryReport>): AlimTalkDeliveryReport => ({
  providerMessageId: 'r1:1',
  requestId: 'r1',
  recipientSeq: 1,
  maskedRecipient: '010-****-5678',
  delivery: 'FAILED',
  classification: 'final',
  reason: 'CHANNEL_UNAVAILABLE',
  providerFallback: 'NOT_TARGET',
  ...overrides,
});

describe('AlimTalk → SMS fallback decision', () => {
  test('after the send: accepted waits for the delivery report', () => {
    assert.deepEqual(decideAfterAlimTalkSend({ classification: 'ok' }, { attempt: 1, maxAttempts: 3 }), {
      action: 'AWAIT_REPORT',
    });
  });

  test('after the send: transient retries AlimTalk, then falls back to SMS when attempts run out', () => {
    const retryAfter = new Date('2024-01-01T00:00:05Z');
    assert.deepEqual(
      decideAfterAlimTalkSend(
        { classification: 'transient', reason: 'RATE_LIMITED', retryAfter },
        { attempt: 1, maxAttempts: 3 },
      ),
      {
        action: 'RETRY_ALIMTALK',
        retryAfter,
      },
    );
    assert.deepEqual(
      decideAfterAlimTalkSend(
        { classification: 'transient', reason: 'PROVIDER_ERROR' },
        { attempt: 3, maxAttempts: 3 },
      ),
      {
        action: 'SEND_SMS',
        reason: 'RETRIES_EXHAUSTED',
        alert: false,
      },
    );
  });

  test('after the send: an invalid number gives up; a blocked template falls back to SMS with an alert', () => {
    assert.deepEqual(
      decideAfterAlimTalkSend(
        { classification: 'final', reason: 'INVALID_RECIPIENT' },
        { attempt: 1, maxAttempts: 3 },
      ),
      {
        action: 'GIVE_UP',
        reason: 'INVALID_RECIPIENT',
      },
    );
    assert.deepEqual(
      decideAfterAlimTalkSend(
        { classification: 'final', reason: 'CONFIGURATION', alert: true },
        { attempt: 1, maxAttempts: 3 },
      ),
      {
        action: 'SEND_SMS',
        reason: 'CONFIGURATION',
        alert: true,
      },
    );
  });

  test('a request-level failure applies to the recipient', () => {
    const result: SendResult = {
      provider: 'nhn-alimtalk',
      channel: 'ALIMTALK',
      classification: 'transient',
      reason: 'NETWORK_ERROR',
      recipients: [],
    };
    assert.deepEqual(attemptForRecipient(result, 0), {
      classification: 'transient',
      reason: 'NETWORK_ERROR',
      retryAfter: undefined,
      alert: undefined,
    });
  });

  test('after the report: delivered is done; undeliverable without provider fallback sends our SMS', () => {
    assert.deepEqual(
      decideAfterAlimTalkReport(report({ delivery: 'DELIVERED', classification: 'ok', reason: undefined }), {
        providerFallbackRequested: false,
      }),
      {
        action: 'DONE',
        via: 'ALIMTALK',
      },
    );
    assert.deepEqual(decideAfterAlimTalkReport(report({}), { providerFallbackRequested: false }), {
      action: 'SEND_SMS',
      reason: 'CHANNEL_UNAVAILABLE',
      alert: false,
    });
  });

  test('after the report: never double-send when NHN falls back itself', () => {
    assert.deepEqual(
      decideAfterAlimTalkReport(report({ providerFallback: 'SENT' }), { providerFallbackRequested: true }),
      { action: 'DONE', via: 'PROVIDER_SMS' },
    );
    assert.deepEqual(
      decideAfterAlimTalkReport(report({ providerFallback: 'PENDING' }), { providerFallbackRequested: true }),
      { action: 'AWAIT_REPORT' },
    );
    assert.deepEqual(
      decideAfterAlimTalkReport(report({ providerFallback: 'UNKNOWN' }), { providerFallbackRequested: true }),
      { action: 'AWAIT_REPORT' },
    );
    assert.deepEqual(
      decideAfterAlimTalkReport(report({ providerFallback: 'FAILED' }), { providerFallbackRequested: true }),
      {
        action: 'SEND_SMS',
        reason: 'PROVIDER_FALLBACK_FAILED',
        alert: false,
      },
    );
  });
});

describe('SMS length (EUC-KR)', () => {
  test('Hangul counts two bytes, ASCII one; 90 bytes is the SMS limit', () => {
    assert.equal(eucKrByteLength('장터 ABC'), 2 * 2 + 1 + 3);
    assert.equal(smsTypeFor('가'.repeat(45)), 'SMS');
    assert.equal(smsTypeFor('가'.repeat(45) + 'a'), 'LMS');
    assert.equal(smsTypeFor('a'.repeat(90)), 'SMS');
  });

  test('emoji cannot be sent; truncation never splits a character', () => {
    assert.equal(hasUnsendableCharacters('배송 완료 🎉'), true);
    assert.equal(hasUnsendableCharacters('배송 완료 ★'), false);
    assert.equal(truncateToEucKrBytes('가나다라', 5), '가나');
  });
});
