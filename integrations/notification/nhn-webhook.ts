import { createHash, timingSafeEqual } from 'node:crypto';
import type { AlimTalkDeliveryReport } from '../../domain/notification';
import { toAlimTalkDeliveryReport } from './nhn-alimtalk.adapter';
import { headerValue, type HeaderBag } from './vendor-http';

export const NHN_WEBHOOK_SIGNATURE_HEADER = 'X-Toast-Webhook-Signature';

/**
 * NHN's webhook "signature" is the static string entered in the console, sent verbatim in
 * X-Toast-Webhook-Signature (docs/vendors/nhn-bizmessage.md#webhook). It authenticates the sender but does
 * not cover the body, so a modified body cannot be detected here; compare in constant time anyway.
 */
export function verifyNhnWebhookSignature(headers: HeaderBag, expectedSignature: string): boolean {
  const received = headerValue(headers, NHN_WEBHOOK_SIGNATURE_HEADER);
  if (!received || !expectedSignature) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expectedSignature));
}

export interface NhnWebhookPayload {
  /** De-duplication key of the delivery (webhooks may be retried). */
  hooksId: string;
  event: string;
  appKey?: string;
  /** Delivery reports for MESSAGE_RESULT_UPDATE; empty for other events (template status…). */
  reports: AlimTalkDeliveryReport[];
}

export class NhnWebhookPayloadError extends Error {
  readonly code = 'NOTIFICATION_WEBHOOK_MALFORMED';
}

/** Parses a webhook body. Webhook hooks carry no resendStatus: providerFallback is UNKNOWN. */
export function parseNhnWebhook(rawBody: string | Uint8Array): NhnWebhookPayload {
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  } catch {
    throw new NhnWebhookPayloadError('NHN webhook body is not JSON');
  }
  const payload = body as { hooksId?: unknown; event?: unknown; appKey?: unknown; hooks?: unknown };
  if (!payload || typeof payload.event !== 'string' || !Array.isArray(payload.hooks))
    throw new NhnWebhookPayloadError('NHN webhook body lacks event/hooks');
  const reports =
    payload.event === 'MESSAGE_RESULT_UPDATE'
      ? (payload.hooks as Array<Record<string, unknown>>)
          .filter((hook) => typeof hook.requestId === 'string' && hook.recipientSeq !== undefined)
          .map((hook) =>
            toAlimTalkDeliveryReport({
              requestId: hook.requestId as string,
              recipientSeq: Number(hook.recipientSeq),
              recipientNo: String(hook.recipientNo ?? ''),
              messageStatus: hook.resultCode === '1000' || hook.resultCode === 1000 ? 'COMPLETED' : 'FAILED',
              resultCode: hook.resultCode as string,
              receiveDate: hook.receiveDate as string | undefined,
              recipientGroupingKey: hook.recipientGroupingKey as string | undefined,
            }),
          )
      : [];
  return {
    hooksId: String(payload.hooksId ?? ''),
    event: payload.event,
    ...(typeof payload.appKey === 'string' && { appKey: payload.appKey }),
    reports,
  };
}
