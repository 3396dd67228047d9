import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { maskEmail, type DeliveryEvent } from '../../domain/notification';
import { SENDGRID_NOTIFICATION_ID_ARG } from './sendgrid-email.adapter';
import { headerValue, type HeaderBag } from './vendor-http';

export const SENDGRID_SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
export const SENDGRID_TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';

export type SendGridVerification =
  | { ok: true; timestamp: Date }
  | { ok: false; reason: 'MISSING_HEADERS' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'BAD_KEY' };

/** The verification key as shown by SendGrid (base64 DER SPKI) or as PEM. */
export function sendGridPublicKey(key: string): KeyObject {
  return key.includes('-----BEGIN')
    ? createPublicKey(key)
    : createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
}

/**
 * Signed Event Webhook (docs/vendors/sendgrid.md#signature): ECDSA P-256 / SHA-256 over the bytes of
 * `timestamp + rawBody`, signature base64 DER. Pass the raw body exactly as received, before any JSON
 * parsing. SendGrid documents no timestamp tolerance; 5 minutes by default, 0 disables the check.
 */
export function verifySendGridWebhook(input: {
  rawBody: string | Uint8Array;
  headers: HeaderBag;
  publicKey: string | KeyObject;
  now?: Date;
  toleranceSeconds?: number;
}): SendGridVerification {
  const signature = headerValue(input.headers, SENDGRID_SIGNATURE_HEADER);
  const timestamp = headerValue(input.headers, SENDGRID_TIMESTAMP_HEADER);
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'MISSING_HEADERS' };
  const at = new Date(Number(timestamp) * 1000);
  const tolerance = input.toleranceSeconds ?? 300;
  if (tolerance > 0 && Math.abs((input.now ?? new Date()).getTime() - at.getTime()) > tolerance * 1000)
    return { ok: false, reason: 'STALE_TIMESTAMP' };
  let key: KeyObject;
  try {
    key = typeof input.publicKey === 'string' ? sendGridPublicKey(input.publicKey) : input.publicKey;
  } catch {
    return { ok: false, reason: 'BAD_KEY' };
  }
  const verifier = createVerify('sha256');
  verifier.update(timestamp, 'utf8');
  verifier.update(typeof input.rawBody === 'string' ? Buffer.from(input.rawBody, 'utf8') : input.rawBody);
  let valid: boolean;
  try {
    valid = verifier.verify(key, Buffer.from(signature, 'base64'));
  } catch {
    valid = false; // not a DER signature at all
  }
  return valid ? { ok: true, timestamp: at } : { ok: false, reason: 'BAD_SIGNATURE' };
}

const STATUS: Record<string, DeliveryEvent['status']> = {
  processed: 'PROCESSED',
  delivered: 'DELIVERED',
  deferred: 'DEFERRED',
  bounce: 'FAILED',
  dropped: 'FAILED',
  open: 'OPENED',
  click: 'CLICKED',
  spamreport: 'COMPLAINED',
  unsubscribe: 'UNSUBSCRIBED',
  group_unsubscribe: 'UNSUBSCRIBED',
};

/** Parses a (verified) event batch into delivery events; unknown event types are skipped. */
export function parseSendGridEvents(rawBody: string | Uint8Array): DeliveryEvent[] {
  const parsed: unknown = JSON.parse(
    typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'),
  );
  if (!Array.isArray(parsed))
    throw Object.assign(new Error('SendGrid event batch must be a JSON array'), {
      code: 'NOTIFICATION_WEBHOOK_MALFORMED',
    });
  return (parsed as Array<Record<string, unknown>>).flatMap((event) => {
    const status = STATUS[String(event.event)];
    if (!status || typeof event.sg_event_id !== 'string') return [];
    const sgMessageId = typeof event.sg_message_id === 'string' ? event.sg_message_id : undefined;
    const detail = [event.reason, event.response, event.type === 'blocked' ? 'blocked' : undefined].find(
      (v) => typeof v === 'string',
    ) as string | undefined;
    return [
      {
        provider: 'sendgrid' as const,
        eventId: event.sg_event_id,
        // sg_message_id is "<X-Message-Id>.<filter suffix>"
        ...(sgMessageId && { providerMessageId: sgMessageId.split('.')[0] }),
        ...(typeof event[SENDGRID_NOTIFICATION_ID_ARG] === 'string' && {
          notificationId: event[SENDGRID_NOTIFICATION_ID_ARG] as string,
        }),
        maskedRecipient: maskEmail(String(event.email ?? '')),
        status,
        ...(typeof event.status === 'string' && { providerCode: event.status }),
        ...(detail && { detail }),
        occurredAt: new Date(Number(event.timestamp) * 1000),
      },
    ];
  });
}
