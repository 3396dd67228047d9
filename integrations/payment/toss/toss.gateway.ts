import {
  assertCancelAmount,
  checkConfirmAmount,
  type CancelRequest,
  type CancelResult,
  type ConfirmResult,
  type GatewayCapabilities,
  type LookupRequest,
  type LookupResult,
  type PaymentGateway,
  type PgReturnRequest,
  type PgReturnResult,
  type PgPayment,
} from '../../../domain/payment';
import { classifyTossError, type TossOperation } from './toss-error-classification';
import { canceledBefore, netCancelByLookup, sandboxCheckoutUrl } from '../gateway-steps';
import { createTossHttp, type TossHttpResult } from './toss-http';
import { isTossPaymentObject, toPgPayment } from './toss-payment.mapper';
import { parseTossWebhook } from './toss-webhook.parser';

/**
 * Toss Payments (API v1) behind the PaymentGateway port. See docs/vendors/toss.md for the contract and
 * toss-error-classification.ts for how each Toss code is treated.
 */
export interface TossGatewayConfig {
  /** `https://api.tosspayments.com`, or the simulator's `<url>/toss` in sandbox mode. */
  apiBaseUrl: string;
  secretKey: string;
  /** Client key for the JS SDK (`test_ck_…`/`live_ck_…`, or `…gck…` for the widget). */
  clientKey?: string;
  /** The sandbox payment window (`<simulator>/sandbox/toss/checkout`); absent with real Toss (the client uses the SDK). */
  checkoutPageUrl?: string;
  /** Per-call read timeout; default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const TOSS_CAPABILITIES: GatewayCapabilities = {
  checkoutStyle: 'JS_SDK',
  partialCancel: true,
  ambiguityResolution: 'LOOKUP',
  webhooks: true,
  minimumAmount: { CARD: 100, BANK_TRANSFER: 200, KAKAOPAY: 100, NAVERPAY: 100 },
};

export function createTossPaymentGateway(config: TossGatewayConfig): PaymentGateway {
  if (!config.secretKey) throw new Error('Toss secret key is required');
  const http = createTossHttp({
    apiBaseUrl: config.apiBaseUrl,
    secretKey: config.secretKey,
    timeoutMs: config.timeoutMs ?? 30_000,
    fetch: config.fetch,
  });

  async function getPayment(by: { paymentKey?: string; orderId?: string }): Promise<TossHttpResult> {
    return by.paymentKey
      ? http.request('GET', `/v1/payments/${encodeURIComponent(by.paymentKey)}`)
      : http.request('GET', `/v1/payments/orders/${encodeURIComponent(by.orderId ?? '')}`);
  }

  async function lookup(request: LookupRequest): Promise<LookupResult> {
    const result = await getPayment({ paymentKey: request.pgTransactionId, orderId: request.orderId });
    if (result.kind === 'ok') {
      if (!isTossPaymentObject(result.body))
        return {
          kind: 'retryable',
          code: 'UNEXPECTED_RESPONSE',
          message: 'Toss answered without a Payment object',
          raw: result.body,
        };
      return { kind: 'found', payment: toPgPayment(result.body) };
    }
    if (result.kind === 'transport') return { kind: 'retryable', code: result.code, message: result.message };
    if (result.code === 'NOT_FOUND_PAYMENT')
      return { kind: 'not_found', code: result.code, message: result.message };
    return failure(result, 'lookup') as LookupResult;
  }

  async function cancel(request: CancelRequest): Promise<CancelResult> {
    assertCancelAmount(request.cancelAmount);
    const body: Record<string, unknown> = { cancelReason: request.reason.slice(0, 200) };
    if (request.cancelAmount !== undefined) body.cancelAmount = request.cancelAmount;
    if (request.taxFreeAmount !== undefined) body.taxFreeAmount = request.taxFreeAmount;
    const result = await http.request(
      'POST',
      `/v1/payments/${encodeURIComponent(request.pgTransactionId)}/cancel`,
      { body, idempotencyKey: request.idempotencyKey },
    );
    if (result.kind === 'ok') {
      if (!isTossPaymentObject(result.body))
        return {
          kind: 'ambiguous',
          code: 'UNEXPECTED_RESPONSE',
          message: 'Toss answered without a Payment object',
          raw: result.body,
        };
      const payment = toPgPayment(result.body);
      const last = payment.cancels.at(-1);
      return {
        kind: 'canceled',
        payment,
        canceledAmount: last?.amount ?? request.cancelAmount ?? 0,
        cancelTransactionId: last?.transactionId,
      };
    }
    if (result.kind === 'transport') return { kind: 'ambiguous', code: result.code, message: result.message };
    if (classifyTossError(result.code, result.status, 'cancel').errorClass === 'already_done') {
      const current = await lookup({ orderId: request.orderId, pgTransactionId: request.pgTransactionId });
      if (current.kind === 'found') return canceledBefore(current.payment);
      return {
        kind: 'ambiguous',
        code: result.code,
        message: `${result.message} (and the payment could not be read back)`,
      };
    }
    return failure(result, 'cancel') as CancelResult;
  }

  return {
    provider: 'TOSS',
    capabilities: TOSS_CAPABILITIES,

    async prepareCheckout(request) {
      const clientParams: Record<string, string | number | boolean> = {
        orderId: request.orderId,
        orderName: request.orderName,
        amount: request.amount,
        successUrl: request.successUrl,
        failUrl: request.failUrl,
        customerKey: request.customerKey,
        method: request.method === 'BANK_TRANSFER' ? 'TRANSFER' : 'CARD',
      };
      if (config.clientKey) clientParams.clientKey = config.clientKey;
      if (request.method === 'KAKAOPAY' || request.method === 'NAVERPAY')
        clientParams.easyPay = request.method;
      if (request.method === 'CARD' && request.cardScope === 'OVERSEAS')
        clientParams.useInternationalCardOnly = true;
      return {
        kind: 'ready',
        checkoutUrl: sandboxCheckoutUrl(config.checkoutPageUrl, clientParams),
        clientParams,
      };
    },

    async confirm(request) {
      const check = checkConfirmAmount(request.amount, request.pgReturn.amount);
      if (!check.ok) return { kind: 'declined', code: check.code, message: check.message };
      const paymentKey = request.pgReturn.token;
      const result = await http.request('POST', '/v1/payments/confirm', {
        body: { paymentKey, orderId: request.orderId, amount: check.amount },
        idempotencyKey: request.idempotencyKey,
      });
      if (result.kind === 'ok') {
        if (!isTossPaymentObject(result.body))
          return {
            kind: 'ambiguous',
            code: 'UNEXPECTED_RESPONSE',
            message: 'Toss answered without a Payment object',
            raw: result.body,
          };
        return approvedOrAmbiguous(toPgPayment(result.body));
      }
      if (result.kind === 'transport')
        return { kind: 'ambiguous', code: result.code, message: result.message };
      if (result.code === 'ALREADY_PROCESSED_PAYMENT') {
        // docs/vendors/toss.md#errors: read it back and accept it if it is this order's approval.
        const current = await lookup({ orderId: request.orderId, pgTransactionId: paymentKey });
        if (
          current.kind === 'found' &&
          current.payment.orderId === request.orderId &&
          (current.payment.status === 'APPROVED' || current.payment.status === 'AWAITING_DEPOSIT')
        ) {
          return { kind: 'approved', payment: current.payment, alreadyApproved: true };
        }
      }
      return failure(result, 'confirm') as ConfirmResult;
    },

    lookup,
    cancel,

    async netCancel(request) {
      // Toss has no 망취소 call: whatever Toss approved for the order is cancelled in full.
      const current = await lookup({
        orderId: request.orderId,
        pgTransactionId: request.pgTransactionId ?? request.pgReturn?.token,
      });
      return netCancelByLookup(
        request,
        current,
        {
          cancelable: ['APPROVED', 'PARTIALLY_CANCELED', 'AWAITING_DEPOSIT'],
          notApprovedCode: (payment) => `TOSS_${(payment.raw as { status?: string }).status ?? 'UNKNOWN'}`,
        },
        cancel,
      );
    },

    parseWebhook(request, context) {
      return parseTossWebhook(
        request,
        async (by) => {
          const result = await lookup({ orderId: by.orderId ?? '', pgTransactionId: by.paymentKey });
          if (result.kind === 'found') return { kind: 'found', payment: result.payment };
          if (result.kind === 'not_found') return { kind: 'not_found' };
          return { kind: 'unavailable', reason: `${result.code}: ${result.message}` };
        },
        context,
      );
    },

    parseReturn(request) {
      return parseTossReturn(request);
    },
  };
}

/**
 * Toss appends `paymentType, orderId, paymentKey, amount` to successUrl and `code, message, orderId`
 * to failUrl; PAY_PROCESS_CANCELED is the buyer closing the window.
 */
function parseTossReturn({ orderId, outcome, params }: PgReturnRequest): PgReturnResult {
  if (params.orderId !== undefined && params.orderId !== orderId)
    return { kind: 'rejected', reason: `orderId ${params.orderId} does not belong to order ${orderId}` };
  if (outcome !== 'success') {
    const code = params.code ?? (outcome === 'cancel' ? 'PAY_PROCESS_CANCELED' : 'PAY_PROCESS_ABORTED');
    return {
      kind: 'failed',
      code,
      message: params.message ?? '결제가 완료되지 않았습니다.',
      buyerCanceled: code === 'PAY_PROCESS_CANCELED' || outcome === 'cancel',
    };
  }
  const amount = Number(params.amount);
  if (!params.paymentKey || !Number.isSafeInteger(amount))
    return { kind: 'rejected', reason: 'paymentKey and a whole amount are required on the success return' };
  return { kind: 'authenticated', pgReturn: { token: params.paymentKey, amount } };
}

function approvedOrAmbiguous(payment: PgPayment): ConfirmResult {
  if (payment.status === 'APPROVED' || payment.status === 'AWAITING_DEPOSIT')
    return { kind: 'approved', payment };
  return {
    kind: 'ambiguous',
    code: 'UNEXPECTED_STATUS',
    message: `confirm answered with status ${(payment.raw as { status?: string }).status}`,
    raw: payment.raw,
  };
}

/** A Toss error answer → declined / retryable / ambiguous per the classification table. */
function failure(
  result: Extract<TossHttpResult, { kind: 'error' }>,
  operation: TossOperation,
): ConfirmResult | CancelResult | LookupResult {
  const { errorClass, alert } = classifyTossError(result.code, result.status, operation);
  const info = { code: result.code, message: result.message, httpStatus: result.status, raw: result.body };
  switch (errorClass) {
    case 'retryable':
      // 409: the first request with this key is still running at Toss; give it time to finish.
      return {
        kind: 'retryable',
        ...info,
        retryAfterMs: result.code === 'IDEMPOTENT_REQUEST_PROCESSING' ? 1_000 : undefined,
      };
    case 'ambiguous':
      return operation === 'lookup' ? { kind: 'retryable', ...info } : { kind: 'ambiguous', ...info };
    case 'already_done':
    case 'final':
      return { kind: 'declined', ...info, alert };
  }
}
