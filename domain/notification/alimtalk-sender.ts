import type { FailureReason, ResultClass, SendResult } from './send-result';

/** SMS/LMS text the provider itself sends when AlimTalk cannot be delivered (NHN 대체발송). */
export interface ProviderSmsFallback {
  type: 'SMS' | 'LMS';
  title?: string;
  content: string;
}

export interface AlimTalkRecipient {
  /** Korean mobile number, digits only or with dashes (normalised by the adapter). */
  phone: string;
  /** Values for the template's #{변수} placeholders. */
  variables: Record<string, string>;
  /** Echoed back in results and delivery reports (NHN recipientGroupingKey). */
  correlationKey?: string;
  /** Provider-side SMS fallback; omit (or false) to let Jangteo decide on fallback itself. */
  smsFallback?: ProviderSmsFallback | false;
}

export interface AlimTalkSendRequest {
  templateCode: string;
  recipients: AlimTalkRecipient[];
  /** Echoed back in reports (NHN senderGroupingKey); also used to recover a duplicate request's id. */
  correlationKey?: string;
  /** Guards against double sends when a retry follows a lost response (NHN: 10-minute window). */
  idempotencyKey?: string;
}

/** State of the provider's own SMS fallback for one AlimTalk message (NHN resendStatus RSC01–RSC05). */
export type ProviderFallbackState = 'NOT_TARGET' | 'PENDING' | 'IN_PROGRESS' | 'SENT' | 'FAILED' | 'UNKNOWN';

/** Delivery state of one AlimTalk message, from a look-up or a webhook. */
export interface AlimTalkDeliveryReport {
  providerMessageId: string;
  requestId: string;
  recipientSeq: number;
  maskedRecipient: string;
  correlationKey?: string;
  /** ACCEPTED: queued, no Kakao result yet. */
  delivery: 'ACCEPTED' | 'DELIVERED' | 'FAILED' | 'CANCELLED';
  classification: ResultClass;
  reason?: FailureReason;
  providerCode?: string;
  providerMessage?: string;
  providerFallback: ProviderFallbackState;
  providerFallbackCode?: string;
  receivedAt?: Date;
}

export interface AlimTalkSender {
  send(request: AlimTalkSendRequest): Promise<SendResult>;
  /** Delivery result of one message; `transient` result when the provider could not answer. */
  getDeliveryReport(requestId: string, recipientSeq: number): Promise<AlimTalkDeliveryReport | LookupFailure>;
}

export interface LookupFailure {
  classification: 'transient' | 'final';
  reason: FailureReason;
  providerCode?: string;
  providerMessage?: string;
}

export function isLookupFailure(value: AlimTalkDeliveryReport | LookupFailure): value is LookupFailure {
  return !('delivery' in value);
}
