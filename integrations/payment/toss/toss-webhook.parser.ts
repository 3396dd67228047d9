import { timingSafeEqual } from 'node:crypto';
import type {
  PgPayment,
  WebhookAck,
  WebhookContext,
  WebhookRequest,
  WebhookResult,
} from '../../../domain/payment';

/**
 * Toss webhooks (docs/vendors/toss.md#webhooks): PAYMENT_STATUS_CHANGED is not signed, so the body is only a
 * hint — the payment is fetched again and only Toss's answer is trusted. DEPOSIT_CALLBACK carries the
 * payment's `secret`, compared with the stored one (when Jangteo kept it) and with the secret of the payment
 * fetched again. Event ids come from the fetched state, so duplicates, Toss's retries and late out-of-order
 * deliveries of an older state all resolve to the same id.
 */
export type FetchPayment = (by: {
  paymentKey?: string;
  orderId?: string;
}) => Promise<
  { kind: 'found'; payment: PgPayment } | { kind: 'not_found' } | { kind: 'unavailable'; reason: string }
>;

const OK: WebhookAck = { status: 200, contentType: 'application/json', body: '{"received":true}' };
const REJECTED: WebhookAck = { status: 400, contentType: 'application/json', body: '{"received":false}' };
const RETRY: WebhookAck = {
  status: 503,
  contentType: 'application/json',
  body: '{"received":false,"retry":true}',
};

export async function parseTossWebhook(
  request: WebhookRequest,
  fetchPayment: FetchPayment,
  context: WebhookContext = {},
): Promise<WebhookResult> {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(request.rawBody);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    return { kind: 'rejected', reason: 'body is not a JSON object', ack: REJECTED };
  }

  if (body.eventType === 'PAYMENT_STATUS_CHANGED') {
    const data =
      body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : undefined;
    const paymentKey = typeof data?.paymentKey === 'string' ? data.paymentKey : undefined;
    const orderId = typeof data?.orderId === 'string' ? data.orderId : undefined;
    if (!paymentKey || !orderId)
      return { kind: 'rejected', reason: 'data.paymentKey and data.orderId are required', ack: REJECTED };
    const fetched = await fetchPayment({ paymentKey });
    if (fetched.kind === 'unavailable') return { kind: 'retry_later', reason: fetched.reason, ack: RETRY };
    if (fetched.kind === 'not_found')
      return { kind: 'rejected', reason: `Toss knows no payment ${paymentKey}`, ack: REJECTED };
    const payment = fetched.payment;
    if (payment.orderId !== orderId)
      return {
        kind: 'rejected',
        reason: 'the webhook orderId does not match the payment at Toss',
        ack: REJECTED,
      };
    const bodyStatus = typeof data?.status === 'string' ? data.status : '';
    const tossStatus = (payment.raw as { status?: string }).status ?? '';
    return {
      kind: 'accepted',
      ack: OK,
      event: {
        eventId: `toss:payment:${payment.pgTransactionId}:${tossStatus}:${payment.lastTransactionId ?? '-'}`,
        type: 'PAYMENT_STATUS_CHANGED',
        orderId: payment.orderId,
        pgTransactionId: payment.pgTransactionId,
        payment,
        stale: bodyStatus !== tossStatus,
        createdAt: typeof body.createdAt === 'string' ? body.createdAt : undefined,
      },
    };
  }

  // DEPOSIT_CALLBACK is flat and has no eventType: {createdAt, secret, status, transactionKey, orderId}.
  if (body.eventType === undefined || body.eventType === 'DEPOSIT_CALLBACK') {
    const { secret, status, transactionKey, orderId } = body;
    if (
      typeof secret !== 'string' ||
      typeof orderId !== 'string' ||
      typeof status !== 'string' ||
      typeof transactionKey !== 'string'
    ) {
      return {
        kind: 'rejected',
        reason: 'not a Toss webhook (no eventType, and not a deposit callback)',
        ack: REJECTED,
      };
    }
    const stored = await context.storedCallbackSecret?.(orderId);
    if (stored !== undefined && !sameSecret(stored, secret))
      return {
        kind: 'rejected',
        reason: 'deposit callback secret does not match the stored one',
        ack: REJECTED,
      };
    const fetched = await fetchPayment({ orderId });
    if (fetched.kind === 'unavailable') return { kind: 'retry_later', reason: fetched.reason, ack: RETRY };
    if (fetched.kind === 'not_found')
      return { kind: 'rejected', reason: `Toss knows no payment for order ${orderId}`, ack: REJECTED };
    if (!fetched.payment.callbackSecret || !sameSecret(fetched.payment.callbackSecret, secret)) {
      return {
        kind: 'rejected',
        reason: 'deposit callback secret does not match the payment',
        ack: REJECTED,
      };
    }
    return {
      kind: 'accepted',
      ack: OK,
      event: {
        eventId: `toss:deposit:${transactionKey}:${status}`,
        type: 'DEPOSIT',
        orderId,
        pgTransactionId: fetched.payment.pgTransactionId,
        payment: fetched.payment,
        stale: status !== ((fetched.payment.raw as { status?: string }).status ?? ''),
        createdAt: typeof body.createdAt === 'string' ? body.createdAt : undefined,
      },
    };
  }

  return { kind: 'ignored', reason: `event type ${String(body.eventType)} is not used by Jangteo`, ack: OK };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
