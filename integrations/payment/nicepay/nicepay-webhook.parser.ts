import type { LookupResult, WebhookAck, WebhookRequest, WebhookResult } from '../../../domain/payment';
import { isNicepayPayment } from './nicepay-payment.mapper';
import { checkResponseSignature } from './nicepay-signatures';

/**
 * NicePay webhooks (docs/vendors/nicepay.md#webhooks): JSON in the approve-answer shape, sent on approval,
 * virtual-account issue and deposit, and cancel. A body is genuine only if `signature = sha256(tid +
 * amount + ediDate + secretKey)` matches — but that signature does not cover `status`, balances or
 * cancels, so a signed body replayed with another status would pass it. The transaction is therefore
 * read again from NicePay by tid and only that answer is acted on; the body's status only tells
 * whether it was stale. NicePay counts only HTTP 200 with the text `OK` (text/html) as delivered.
 * Event ids come from NicePay's current state, so resends and late copies are one event.
 */
export const NICEPAY_WEBHOOK_OK: WebhookAck = {
  status: 200,
  contentType: 'text/html;charset=utf-8',
  body: 'OK',
};
const REFUSED: WebhookAck = { status: 400, contentType: 'text/html;charset=utf-8', body: 'FAIL' };
const RETRY: WebhookAck = { status: 503, contentType: 'text/html;charset=utf-8', body: 'RETRY' };

export async function parseNicepayWebhook(
  request: WebhookRequest,
  secretKey: string,
  fetchByTid: (tid: string, orderId: string) => Promise<LookupResult>,
): Promise<WebhookResult> {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(request.rawBody);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    return { kind: 'rejected', reason: 'body is not a JSON object', ack: REFUSED };
  }
  if (!isNicepayPayment(body))
    return { kind: 'rejected', reason: 'tid, orderId and status are required', ack: REFUSED };
  const signature = checkResponseSignature(body, secretKey);
  if (signature !== 'valid')
    return {
      kind: 'rejected',
      reason: signature === 'missing' ? 'the webhook is not signed' : 'the webhook signature does not match',
      ack: REFUSED,
    };
  const tid = String(body.tid);
  const orderId = String(body.orderId);
  const current = await fetchByTid(tid, orderId);
  if (current.kind === 'not_found')
    return { kind: 'rejected', reason: `NicePay knows no transaction ${tid}`, ack: REFUSED };
  if (current.kind !== 'found')
    return { kind: 'retry_later', reason: `${current.code}: ${current.message}`, ack: RETRY };
  const payment = current.payment;
  if (payment.orderId !== orderId || payment.totalAmount !== body.amount)
    return {
      kind: 'rejected',
      reason: 'the webhook orderId or amount does not match the transaction at NicePay',
      ack: REFUSED,
    };
  const status = String((payment.raw as { status?: unknown }).status);
  const deposit = payment.bankTransferKind === 'VIRTUAL_ACCOUNT' && payment.status === 'APPROVED';
  return {
    kind: 'accepted',
    ack: NICEPAY_WEBHOOK_OK,
    event: {
      eventId: `nicepay:${tid}:${status}:${payment.balanceAmount}:${payment.cancels.length}`,
      type: deposit ? 'DEPOSIT' : 'PAYMENT_STATUS_CHANGED',
      orderId,
      pgTransactionId: tid,
      payment,
      stale: body.status !== status,
      createdAt: typeof body.ediDate === 'string' ? body.ediDate : undefined,
    },
  };
}
