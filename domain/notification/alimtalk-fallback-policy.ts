import type { AlimTalkDeliveryReport } from './alimtalk-sender';
import type { FailureReason, ResultClass, SendResult } from './send-result';

/**
 * AlimTalk first, SMS/LMS when AlimTalk cannot be delivered (docs/notifications.md#rules).
 *
 * Two moments decide: the send response (did NHN accept the request for this recipient?) and the
 * delivery report (did Kakao deliver it? did NHN's own SMS fallback — resendStatus — already run?).
 * Jangteo sends its own SMS only when nobody else will: never when NHN's fallback is pending or done,
 * never to a number the provider called invalid (SMS cannot reach it either).
 */
export type FallbackDecision =
  /** Nothing more to do. */
  | { action: 'DONE'; via: 'ALIMTALK' | 'PROVIDER_SMS' | 'CANCELLED' }
  /** Accepted, delivery not known yet: wait for the webhook or look the message up later. */
  | { action: 'AWAIT_REPORT' }
  /** Transient failure: send the same AlimTalk again (same idempotency key), not before retryAfter. */
  | { action: 'RETRY_ALIMTALK'; retryAfter?: Date }
  /** Send the template's SMS/LMS through the SMS port. */
  | {
      action: 'SEND_SMS';
      reason: FailureReason | 'RETRIES_EXHAUSTED' | 'PROVIDER_FALLBACK_FAILED';
      alert: boolean;
    }
  /** No channel can reach the recipient. */
  | { action: 'GIVE_UP'; reason: FailureReason };

export interface AlimTalkAttempt {
  classification: ResultClass;
  reason?: FailureReason;
  retryAfter?: Date;
  alert?: boolean;
}

/** The outcome of a send for one recipient: a request-level failure applies to every recipient. */
export function attemptForRecipient(result: SendResult, index = 0): AlimTalkAttempt {
  const recipient = result.recipients.find((r) => r.index === index);
  if (result.classification !== 'ok' || !recipient) {
    return {
      classification: result.classification === 'ok' ? 'final' : result.classification,
      reason: result.reason ?? 'PROVIDER_ERROR',
      retryAfter: result.retryAfter,
      alert: result.alert,
    };
  }
  return { classification: recipient.classification, reason: recipient.reason, alert: result.alert };
}

export function decideAfterAlimTalkSend(
  attempt: AlimTalkAttempt,
  options: { attempt: number; maxAttempts: number },
): FallbackDecision {
  switch (attempt.classification) {
    case 'ok':
      return { action: 'AWAIT_REPORT' };
    case 'transient':
      return options.attempt < options.maxAttempts
        ? { action: 'RETRY_ALIMTALK', retryAfter: attempt.retryAfter }
        : { action: 'SEND_SMS', reason: 'RETRIES_EXHAUSTED', alert: false };
    case 'final': {
      const reason = attempt.reason ?? 'INVALID_REQUEST';
      if (reason === 'INVALID_RECIPIENT') return { action: 'GIVE_UP', reason };
      return { action: 'SEND_SMS', reason, alert: reason === 'CONFIGURATION' || attempt.alert === true };
    }
  }
}

/**
 * `providerFallbackRequested`: whether the send asked NHN to fall back itself (resendParameter);
 * a webhook report does not carry resendStatus, so then an unknown state means "look it up".
 */
export function decideAfterAlimTalkReport(
  report: AlimTalkDeliveryReport,
  options: { providerFallbackRequested: boolean },
): FallbackDecision {
  switch (report.delivery) {
    case 'DELIVERED':
      return { action: 'DONE', via: 'ALIMTALK' };
    case 'ACCEPTED':
      return { action: 'AWAIT_REPORT' };
    case 'CANCELLED':
      return { action: 'DONE', via: 'CANCELLED' };
    case 'FAILED':
      break;
  }
  switch (report.providerFallback) {
    case 'SENT':
      return { action: 'DONE', via: 'PROVIDER_SMS' };
    case 'PENDING':
    case 'IN_PROGRESS':
      return { action: 'AWAIT_REPORT' };
    case 'FAILED':
      return { action: 'SEND_SMS', reason: 'PROVIDER_FALLBACK_FAILED', alert: false };
    case 'UNKNOWN':
      if (options.providerFallbackRequested) return { action: 'AWAIT_REPORT' };
      break;
    case 'NOT_TARGET':
      break;
  }
  if (report.reason === 'INVALID_RECIPIENT') return { action: 'GIVE_UP', reason: report.reason };
  return {
    action: 'SEND_SMS',
    reason: report.reason ?? 'CHANNEL_UNAVAILABLE',
    alert: report.reason === 'CONFIGURATION',
  };
}
