/**
 * What every notification adapter reports back, whatever the vendor. Vendor result codes are mapped
 * into three classes so callers (the Temporal activity, the send log) never read vendor codes:
 * - ok: the provider accepted (or already had) the message;
 * - transient: try again later (network, 5xx, rate limit, provider-side hiccup);
 * - final: retrying the same request cannot succeed.
 *
 * Results carry masked recipients only, so they can travel in Temporal histories and logs.
 */
export type ResultClass = 'ok' | 'transient' | 'final';

export type NotificationChannel = 'ALIMTALK' | 'SMS' | 'LMS' | 'EMAIL';

export type NotificationProvider = 'nhn-alimtalk' | 'nhn-sms' | 'sendgrid' | 'smtp';

export type FailureReason =
  /** The address itself is wrong: no channel will reach it. */
  | 'INVALID_RECIPIENT'
  /** This channel cannot reach the recipient (not a KakaoTalk user, AlimTalk blocked…); another may. */
  | 'CHANNEL_UNAVAILABLE'
  /** The provider rejected the content (template mismatch, too long, banned word…). */
  | 'INVALID_REQUEST'
  /** Keys, sender profile, sender number or template approval: an operator must act (alert). */
  | 'CONFIGURATION'
  | 'RATE_LIMITED'
  | 'PROVIDER_ERROR'
  | 'NETWORK_ERROR';

export interface RecipientResult {
  /** Position in the request's recipient list (0-based). */
  index: number;
  maskedRecipient: string;
  /** The caller's correlation key for this recipient, echoed back. */
  correlationKey?: string;
  classification: ResultClass;
  reason?: FailureReason;
  providerCode?: string;
  providerMessage?: string;
  /** Provider id of this recipient's message (NHN: `requestId:recipientSeq`). */
  providerMessageId?: string;
  /** NHN's per-recipient sequence inside a request (needed for look-ups). */
  recipientSeq?: number;
}

export interface SendResult {
  provider: NotificationProvider;
  channel: NotificationChannel;
  /** Overall class: ok only when the request was accepted; per-recipient classes are in `recipients`. */
  classification: ResultClass;
  reason?: FailureReason;
  providerCode?: string;
  providerMessage?: string;
  /** NHN requestId, SendGrid X-Message-Id, SMTP Message-ID. */
  providerMessageId?: string;
  /** The provider already had this request (duplicate idempotency key): do not send again. */
  duplicate?: boolean;
  /** For rate limits: the earliest moment a retry may succeed. */
  retryAfter?: Date;
  /** Operator attention needed (configuration problems). */
  alert?: boolean;
  recipients: RecipientResult[];
}

/** The overall class of a result: ok if the request was accepted and every recipient was accepted. */
export function isFullyAccepted(result: SendResult): boolean {
  return result.classification === 'ok' && result.recipients.every((r) => r.classification === 'ok');
}
