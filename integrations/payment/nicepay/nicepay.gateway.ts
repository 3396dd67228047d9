import {
  assertCancelAmount,
  checkConfirmAmount,
  type CancelRequest,
  type CancelResult,
  type ConfirmResult,
  type GatewayCapabilities,
  type LookupRequest,
  type LookupResult,
  type NetCancelRequest,
  type PaymentGateway,
  type PgPayment,
} from '../../../domain/payment';
import { nicepayCheckoutParams } from './nicepay-checkout';
import {
  classifyNicepayResult,
  NICEPAY_NET_CANCEL_WINDOW_PASSED,
  type NicepayOperation,
} from './nicepay-result-codes';
import { canceledBefore, sandboxCheckoutUrl } from '../gateway-steps';
import { createNicepayHttp, type NicepayHttpResult } from './nicepay-http';
import { isNicepayPayment, toPgPayment } from './nicepay-payment.mapper';
import { checkResponseSignature, ediDate, nicepaySignatures, sha256Hex } from './nicepay-signatures';
import { parseNicepayReturn } from './nicepay-return.parser';
import { parseNicepayWebhook } from './nicepay-webhook.parser';

/**
 * NicePay (new API, server-approval model) behind the PaymentGateway port: docs/vendors/nicepay.md for the
 * contract, nicepay-result-codes.ts for how each resultCode is treated. Every request
 * that can carry a `signData` carries one, and every answer about a transaction must carry a valid
 * `signature`; an answer whose signature does not match is not believed (an approval becomes an
 * uncertain outcome, settled by net-cancel as NicePay mandates within 1 hour). Webhooks are checked
 * the same way and then read back by tid (the signature does not cover their status).
 */
export interface NicepayGatewayConfig {
  /** `https://api.nicepay.co.kr`, `https://sandbox-api.nicepay.co.kr`, or `<simulator>/nicepay`. */
  apiBaseUrl: string;
  /** Also the JS SDK's `clientId`. */
  clientKey: string;
  secretKey: string;
  authMode?: 'basic' | 'bearer';
  /** The sandbox payment window (`<public>/sandbox/nicepay/checkout`); absent with real NicePay (the client uses the JS SDK). */
  checkoutPageUrl?: string;
  /** Per-call read timeout; default 30 s (NicePay's documented read timeout). */
  timeoutMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

export const NICEPAY_CAPABILITIES: GatewayCapabilities = {
  checkoutStyle: 'JS_SDK',
  partialCancel: true,
  // NicePay: an approval whose answer was lost or timed out is net-cancelled (within 1 hour).
  ambiguityResolution: 'NET_CANCEL',
  webhooks: true,
  // 3041: 1000원 미만 신용카드 승인 불가.
  minimumAmount: { CARD: 1_000 },
};

export function createNicepayPaymentGateway(config: NicepayGatewayConfig): PaymentGateway {
  if (!config.clientKey || !config.secretKey)
    throw new Error('NicePay client key and secret key are required');
  const now = config.now ?? (() => new Date());
  const { secretKey } = config;
  const http = createNicepayHttp({
    apiBaseUrl: config.apiBaseUrl,
    clientKey: config.clientKey,
    secretKey,
    authMode: config.authMode ?? 'basic',
    timeoutMs: config.timeoutMs ?? 30_000,
    now,
    fetch: config.fetch,
  });

  /** A verified transaction from a NicePay answer, or why it cannot be believed. */
  function transaction(
    body: Record<string, unknown>,
  ): { payment: PgPayment } | { code: string; message: string } {
    if (!isNicepayPayment(body))
      return { code: 'UNEXPECTED_RESPONSE', message: 'NicePay answered without a transaction' };
    const signature = checkResponseSignature(body, secretKey);
    const mustBeSigned = ['paid', 'cancelled', 'partialCancelled'].includes(String(body.status));
    if (signature === 'invalid' || (signature === 'missing' && mustBeSigned))
      return {
        code: 'NICEPAY_SIGNATURE_INVALID',
        message: `NicePay's answer for ${String(body.tid)} carries ${signature === 'missing' ? 'no' : 'a wrong'} signature`,
      };
    return { payment: toPgPayment(body) };
  }

  async function lookupOnce(path: string): Promise<LookupResult> {
    const result = await http.request('GET', path);
    if (result.kind === 'transport') return { kind: 'retryable', code: result.code, message: result.message };
    if (result.kind === 'error') {
      if (result.status === 404) return { kind: 'not_found', code: result.code, message: result.message };
      return httpFailure(result, 'lookup') as LookupResult;
    }
    const code = String(result.body.resultCode ?? '');
    const message = String(result.body.resultMsg ?? '');
    const { resultClass, alert } = classifyNicepayResult(code, 'lookup');
    if (resultClass === 'not_found') return { kind: 'not_found', code, message };
    if (resultClass === 'retryable') return { kind: 'retryable', code, message, raw: result.body };
    if (resultClass !== 'ok') return { kind: 'declined', code, message, alert, raw: result.body };
    const found = transaction(result.body);
    if ('code' in found) return { kind: 'retryable', ...found, alert: true, raw: result.body };
    return { kind: 'found', payment: found.payment };
  }

  async function lookup(request: LookupRequest): Promise<LookupResult> {
    if (request.pgTransactionId)
      return lookupOnce(`/v1/payments/${encodeURIComponent(request.pgTransactionId)}`);
    const byOrder = (day: string) =>
      lookupOnce(`/v1/payments/find/${encodeURIComponent(request.orderId)}?orderDate=${day}`);
    if (request.orderDate) return byOrder(request.orderDate.replaceAll('-', '').slice(0, 8));
    // NicePay files a transaction under its Korean date: an order paid just before midnight is under yesterday.
    const today = await byOrder(kstDay(now(), 0));
    return today.kind === 'not_found' ? byOrder(kstDay(now(), -1)) : today;
  }

  async function cancel(request: CancelRequest): Promise<CancelResult> {
    assertCancelAmount(request.cancelAmount);
    const partial = request.cancelAmount !== undefined;
    const tid = request.pgTransactionId;
    const date = ediDate(now());
    const body: Record<string, unknown> = {
      reason: request.reason.slice(0, 100),
      // A partial cancel needs an orderId of its own, never used before: NicePay's idempotency key for it.
      orderId: partial ? partialCancelOrderId(request.orderId, request.idempotencyKey) : request.orderId,
      ediDate: date,
      signData: nicepaySignatures.cancel({ tid, ediDate: date }, secretKey),
      returnCharSet: 'utf-8',
    };
    if (partial) body.cancelAmt = request.cancelAmount;
    if (request.taxFreeAmount !== undefined) body.taxFreeAmt = request.taxFreeAmount;
    const result = await http.request('POST', `/v1/payments/${encodeURIComponent(tid)}/cancel`, body);
    if (result.kind === 'transport') return { kind: 'ambiguous', code: result.code, message: result.message };
    if (result.kind === 'error') return httpFailure(result, 'cancel') as CancelResult;
    const code = String(result.body.resultCode ?? '');
    const message = String(result.body.resultMsg ?? '');
    const { resultClass, alert } = classifyNicepayResult(code, 'cancel');
    switch (resultClass) {
      case 'ok': {
        const done = transaction(result.body);
        if ('code' in done) return { kind: 'ambiguous', ...done, alert: true, raw: result.body };
        const cancelledTid =
          typeof result.body.cancelledTid === 'string' ? result.body.cancelledTid : undefined;
        const entry = done.payment.cancels.find((c) => c.transactionId === cancelledTid);
        return {
          kind: 'canceled',
          payment: done.payment,
          canceledAmount: entry?.amount ?? request.cancelAmount ?? done.payment.cancels.at(-1)?.amount ?? 0,
          cancelTransactionId: cancelledTid,
        };
      }
      case 'already_done':
        return readBackCancel(request.orderId, tid, code, message);
      case 'retryable':
        return { kind: 'retryable', code, message, raw: result.body };
      default:
        return { kind: 'declined', code, message, alert, raw: result.body };
    }
  }

  async function readBackCancel(
    orderId: string,
    tid: string,
    code: string,
    message: string,
  ): Promise<CancelResult> {
    const current = await lookup({ orderId, pgTransactionId: tid });
    if (current.kind === 'found') return canceledBefore(current.payment);
    return { kind: 'ambiguous', code, message: `${message} (and the payment could not be read back)` };
  }

  return {
    provider: 'NICEPAY',
    capabilities: NICEPAY_CAPABILITIES,

    async prepareCheckout(request) {
      const clientParams = nicepayCheckoutParams(request, config.clientKey);
      return {
        kind: 'ready',
        checkoutUrl: sandboxCheckoutUrl(config.checkoutPageUrl, clientParams),
        clientParams,
      };
    },

    async confirm(request) {
      const check = checkConfirmAmount(request.amount, request.pgReturn.amount);
      if (!check.ok) return { kind: 'declined', code: check.code, message: check.message };
      const tid = request.pgReturn.token;
      const date = ediDate(now());
      const result = await http.request('POST', `/v1/payments/${encodeURIComponent(tid)}`, {
        amount: check.amount,
        ediDate: date,
        signData: nicepaySignatures.approve({ tid, amount: check.amount, ediDate: date }, secretKey),
        returnCharSet: 'utf-8',
      });
      if (result.kind === 'transport')
        return { kind: 'ambiguous', code: result.code, message: result.message };
      if (result.kind === 'error') return httpFailure(result, 'approve') as ConfirmResult;
      const code = String(result.body.resultCode ?? '');
      const message = String(result.body.resultMsg ?? '');
      const { resultClass, alert } = classifyNicepayResult(code, 'approve');
      switch (resultClass) {
        case 'ok': {
          const approved = transaction(result.body);
          if ('code' in approved) return { kind: 'ambiguous', ...approved, alert: true, raw: result.body };
          const { payment } = approved;
          if (payment.orderId !== request.orderId)
            return {
              kind: 'ambiguous',
              code: 'NICEPAY_ORDER_MISMATCH',
              message: `NicePay approved ${tid} for order ${payment.orderId}, not ${request.orderId}`,
              alert: true,
            };
          if (payment.status === 'APPROVED' || payment.status === 'AWAITING_DEPOSIT')
            return { kind: 'approved', payment };
          return {
            kind: 'ambiguous',
            code: 'UNEXPECTED_STATUS',
            message: `the approval answered with status ${String(result.body.status)}`,
          };
        }
        case 'already_approved': {
          const current = await lookup({ orderId: request.orderId, pgTransactionId: tid });
          if (
            current.kind === 'found' &&
            current.payment.orderId === request.orderId &&
            (current.payment.status === 'APPROVED' || current.payment.status === 'AWAITING_DEPOSIT')
          )
            return { kind: 'approved', payment: current.payment, alreadyApproved: true };
          return { kind: 'ambiguous', code, message };
        }
        case 'retryable':
          return { kind: 'retryable', code, message, raw: result.body };
        default:
          return { kind: 'declined', code, message, alert, raw: result.body };
      }
    },

    lookup,
    cancel,

    async netCancel(request) {
      const date = ediDate(now());
      const result = await http.request('POST', '/v1/payments/netcancel', {
        orderId: request.orderId,
        ediDate: date,
        signData: nicepaySignatures.netCancel({ orderId: request.orderId, ediDate: date }, secretKey),
        returnCharSet: 'utf-8',
      });
      if (result.kind === 'transport')
        return { kind: 'ambiguous', code: result.code, message: result.message };
      if (result.kind === 'error') return httpFailure(result, 'netCancel') as CancelResult;
      const code = String(result.body.resultCode ?? '');
      const message = String(result.body.resultMsg ?? '');
      const { resultClass, alert } = classifyNicepayResult(code, 'netCancel');
      const tid = request.pgTransactionId ?? request.pgReturn?.token;
      switch (resultClass) {
        case 'ok': {
          const done = transaction(result.body);
          if ('code' in done) return { kind: 'ambiguous', ...done, alert: true, raw: result.body };
          return {
            kind: 'canceled',
            payment: done.payment,
            canceledAmount: done.payment.totalAmount - done.payment.balanceAmount,
            cancelTransactionId:
              typeof result.body.cancelledTid === 'string' ? result.body.cancelledTid : undefined,
          };
        }
        case 'not_found':
          return { kind: 'nothing_to_cancel', code, message };
        case 'already_done':
          return tid
            ? readBackCancel(request.orderId, tid, code, message)
            : { kind: 'nothing_to_cancel', code, message };
        case 'retryable':
          return { kind: 'retryable', code, message, raw: result.body };
        default:
          if (code === NICEPAY_NET_CANCEL_WINDOW_PASSED) return cancelAfterWindow(request, code, message);
          return { kind: 'declined', code, message, alert, raw: result.body };
      }
    },

    parseWebhook(request) {
      return parseNicepayWebhook(request, secretKey, (tid, orderId) =>
        lookup({ orderId, pgTransactionId: tid }),
      );
    },

    parseReturn(request) {
      return parseNicepayReturn(request, config.clientKey, secretKey);
    },
  };

  /** Past NicePay's 1-hour net-cancel window only a normal cancel undoes an approval. */
  async function cancelAfterWindow(
    request: NetCancelRequest,
    code: string,
    message: string,
  ): Promise<CancelResult> {
    const current = await lookup({
      orderId: request.orderId,
      pgTransactionId: request.pgTransactionId ?? request.pgReturn?.token,
    });
    if (current.kind === 'not_found') return { kind: 'nothing_to_cancel', code, message };
    if (current.kind !== 'found')
      return current.kind === 'retryable' ? current : { ...current, kind: 'declined' };
    const payment = current.payment;
    if (payment.status === 'CANCELED') return canceledBefore(payment);
    if (!['APPROVED', 'PARTIALLY_CANCELED', 'AWAITING_DEPOSIT'].includes(payment.status))
      return { kind: 'nothing_to_cancel', code, message: `${message}; nothing was approved` };
    return cancel({
      orderId: request.orderId,
      pgTransactionId: payment.pgTransactionId,
      reason: request.reason,
      idempotencyKey: request.idempotencyKey,
    });
  }
}

/** A non-200 NicePay answer: 401 is configuration (alert), 5xx may have done it, 429/503 did not. */
function httpFailure(
  result: Extract<NicepayHttpResult, { kind: 'error' }>,
  operation: NicepayOperation,
): ConfirmResult | CancelResult | LookupResult {
  const info = { code: result.code, message: result.message, httpStatus: result.status, raw: result.body };
  if (result.status === 401 || result.status === 403) return { kind: 'declined', ...info, alert: true };
  if (result.status === 429 || result.status === 503) return { kind: 'retryable', ...info };
  if (result.status >= 500)
    return operation === 'lookup' ? { kind: 'retryable', ...info } : { kind: 'ambiguous', ...info };
  return { kind: 'declined', ...info, alert: result.status === 404 || result.status === 405 };
}

/** `<orderId>-c<12 hex of the cancel's idempotency key>`, within NicePay's 64 characters. */
export function partialCancelOrderId(orderId: string, idempotencyKey: string): string {
  return `${orderId.slice(0, 50)}-c${sha256Hex(idempotencyKey).slice(0, 12)}`;
}

/** YYYYMMDD in Asia/Seoul, `offsetDays` from the given instant. */
function kstDay(at: Date, offsetDays: number): string {
  return new Date(at.getTime() + 9 * 3600_000 + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
}
