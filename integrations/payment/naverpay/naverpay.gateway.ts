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
  type PgPayment,
  type PgReturnRequest,
  type PgReturnResult,
} from '../../../domain/payment';
import {
  classifyNaverPayCode,
  NAVERPAY_USER_CANCEL,
  type NaverPayOperation,
} from './naverpay-error-classification';
import { canceledBefore, netCancelByLookup, rejectWebhook } from '../gateway-steps';
import { createNaverPayHttp, type NaverPayHttpResult } from './naverpay-http';
import {
  approvedPayment,
  historyPayment,
  isApprovalDetail,
  naverTimeToIso,
  restByTaxScope,
} from './naverpay-payment.mapper';

/**
 * NaverPay 결제형 one-time payment (docs/vendors/naverpay.md) behind the PaymentGateway port: prepareCheckout =
 * server reserve (the reserveId is the `pgReference`; the buyer pays at `<payment page>/<reserveId>`),
 * the browser comes back to returnUrl?resultCode&paymentId, confirm = form-encoded approve with an
 * idempotency key, lookup = history by paymentId, cancel with the tax split and the expected
 * remaining amount. No webhooks for one-time payments.
 */
export interface NaverPayGatewayConfig {
  /** NaverPay's API host, or the simulator's `<url>/naverpay` in sandbox. */
  apiBaseUrl: string;
  partnerId: string;
  clientId: string;
  clientSecret: string;
  chainId: string;
  /** `https://test-m.pay.naver.com/payments` / `https://m.pay.naver.com/payments`, or `<public>/sandbox/naverpay/payments`. */
  paymentPageUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const NAVERPAY_CAPABILITIES: GatewayCapabilities = {
  checkoutStyle: 'REDIRECT',
  partialCancel: true,
  ambiguityResolution: 'LOOKUP',
  webhooks: false,
  minimumAmount: { NAVERPAY: 100 },
};

type ErrorResult = Extract<NaverPayHttpResult, { kind: 'error' }>;
type History = { result: LookupResult; list: Array<Record<string, unknown>> };

const FAILURE_MESSAGES: Record<string, string> = {
  [NAVERPAY_USER_CANCEL]: '네이버페이 결제를 취소했습니다.',
  OwnerAuthFail: '본인 명의의 카드로만 결제할 수 있습니다.',
  paymentTimeExpire: '결제 시간이 초과되었습니다. 다시 결제해 주세요.',
};

export function createNaverPayGateway(config: NaverPayGatewayConfig): PaymentGateway {
  for (const name of ['partnerId', 'clientId', 'clientSecret', 'chainId'] as const)
    if (!config[name]) throw new Error(`NaverPay ${name} is required`);
  const http = createNaverPayHttp({ ...config, timeoutMs: config.timeoutMs ?? 30_000 });

  async function history(paymentId: string, orderId: string): Promise<History> {
    const result = await http.post(
      '/v2.2/list/history',
      { paymentId, pageNumber: 1, rowsPerPage: 100 },
      { encoding: 'json' },
    );
    if (result.kind === 'transport')
      return { result: { kind: 'retryable', code: result.code, message: result.message }, list: [] };
    if (result.kind === 'error') {
      if (result.code === 'InvalidPaymentId')
        return { result: { kind: 'not_found', code: result.code, message: result.message }, list: [] };
      const { errorClass, alert } = classifyNaverPayCode(result.code, result.status, 'history');
      return {
        result:
          errorClass === 'retryable'
            ? { kind: 'retryable', ...info(result) }
            : { kind: 'declined', ...info(result), alert },
        list: [],
      };
    }
    const list = Array.isArray(result.body.list) ? (result.body.list as Array<Record<string, unknown>>) : [];
    const payment = historyPayment(list, paymentId, result.envelope);
    if (!payment)
      return {
        result: {
          kind: 'not_found',
          code: 'NAVERPAY_NOT_APPROVED',
          message: `no approval for paymentId ${paymentId}`,
        },
        list,
      };
    if (payment.orderId !== orderId)
      return {
        result: {
          kind: 'declined',
          code: 'NAVERPAY_ORDER_MISMATCH',
          message: `paymentId ${paymentId} belongs to order ${payment.orderId}, not ${orderId}`,
          raw: result.envelope,
        },
        list,
      };
    return { result: { kind: 'found', payment }, list };
  }

  async function lookup(request: LookupRequest): Promise<LookupResult> {
    const paymentId = request.pgTransactionId;
    if (!paymentId)
      return {
        kind: 'declined',
        code: 'NAVERPAY_PAYMENT_ID_MISSING',
        message: 'a NaverPay look-up needs the paymentId from the return',
      };
    return (await history(paymentId, request.orderId)).result;
  }

  async function cancel(request: CancelRequest): Promise<CancelResult> {
    assertCancelAmount(request.cancelAmount);
    const paymentId = request.pgTransactionId;
    // The history gives the balance (full cancel, expected remaining amount) and the tax split left.
    const before = await history(paymentId, request.orderId);
    if (before.result.kind !== 'found') {
      const current = before.result;
      return current.kind === 'not_found' ? { ...current, kind: 'declined' } : current;
    }
    const current = before.result.payment;
    if (current.status === 'CANCELED') return canceledBefore(current);
    if (current.status !== 'APPROVED' && current.status !== 'PARTIALLY_CANCELED')
      return {
        kind: 'declined',
        code: 'NAVERPAY_NOT_CANCELABLE',
        message: `the payment is ${current.status}`,
      };
    const amount = request.cancelAmount ?? current.balanceAmount;
    const rest = restByTaxScope(before.list, paymentId);
    const taxExScope =
      request.cancelAmount === undefined
        ? rest.taxExScope
        : (request.taxFreeAmount ?? Math.max(0, Math.min(amount, amount - rest.taxScope)));
    const balanceBefore = request.balanceAmount ?? current.balanceAmount;
    const reason = request.reason.slice(0, 100);
    const result = await http.post(
      '/v1/cancel',
      {
        paymentId,
        cancelAmount: amount,
        cancelReason: reason,
        cancelRequester: '2',
        taxScopeAmount: amount - taxExScope,
        taxExScopeAmount: taxExScope,
        doCompareRest: '1',
        expectedRestAmount: balanceBefore - amount,
      },
      { encoding: 'form', idempotencyKey: request.idempotencyKey },
    );
    if (result.kind === 'ok') {
      if (result.body.paymentId !== paymentId)
        return {
          kind: 'ambiguous',
          code: 'NAVERPAY_RESPONSE_MISMATCH',
          message: 'NaverPay answered the cancel for another payment',
          raw: result.envelope,
        };
      const restAfter = Number(result.body.totalRestAmount);
      const payHistId = typeof result.body.payHistId === 'string' ? result.body.payHistId : '';
      const payment: PgPayment = {
        ...current,
        status: restAfter === 0 ? 'CANCELED' : 'PARTIALLY_CANCELED',
        balanceAmount: Number.isSafeInteger(restAfter) ? restAfter : current.balanceAmount - amount,
        lastTransactionId: payHistId,
        cancels: [
          ...current.cancels,
          {
            transactionId: payHistId,
            amount,
            canceledAt: naverTimeToIso(result.body.cancelYmdt) ?? '',
            reason,
          },
        ],
        raw: result.envelope,
      };
      return {
        kind: 'canceled',
        payment,
        canceledAmount: amount,
        cancelTransactionId: payHistId || undefined,
      };
    }
    if (result.kind === 'transport') return { kind: 'ambiguous', code: result.code, message: result.message };
    const { errorClass } = classifyNaverPayCode(result.code, result.status, 'cancel');
    if (errorClass === 'already_done' || result.code === 'RestAmountDiff') {
      // The balance moved: done already (an earlier call of this cancel), or someone else cancelled.
      const after = (await history(paymentId, request.orderId)).result;
      const done =
        after.kind === 'found' &&
        (after.payment.status === 'CANCELED' ||
          (request.balanceAmount !== undefined &&
            after.payment.balanceAmount === request.balanceAmount - amount));
      if (done) return canceledBefore(after.payment);
    }
    return failure(result, 'cancel') as CancelResult;
  }

  return {
    provider: 'NAVERPAY',
    capabilities: NAVERPAY_CAPABILITIES,

    async prepareCheckout(request) {
      if (request.method !== 'NAVERPAY')
        return {
          kind: 'declined',
          code: 'PAYMENT_METHOD_NOT_SUPPORTED',
          message: `NaverPay takes only NAVERPAY payments, not ${request.method}`,
        };
      const taxFree = request.taxFreeAmount ?? 0;
      const result = await http.post(
        '/v2/reserve',
        {
          modelVersion: '2',
          merchantUserKey: request.customerKey,
          merchantPayKey: request.orderId,
          productName: request.orderName.slice(0, 128),
          productCount: 1,
          totalPayAmount: request.amount,
          taxScopeAmount: request.amount - taxFree,
          taxExScopeAmount: taxFree,
          // One URL for every outcome: parseReturn reads resultCode.
          returnUrl: request.successUrl,
        },
        { encoding: 'json' },
      );
      if (result.kind === 'transport')
        return { kind: 'retryable', code: result.code, message: result.message };
      if (result.kind === 'error') {
        const { errorClass, alert } = classifyNaverPayCode(result.code, result.status, 'reserve');
        return errorClass === 'retryable'
          ? { kind: 'retryable', ...info(result) }
          : { kind: 'declined', ...info(result), alert };
      }
      const reserveId = result.body.reserveId;
      if (typeof reserveId !== 'string' || !reserveId)
        return {
          kind: 'retryable',
          code: 'UNEXPECTED_RESPONSE',
          message: 'NaverPay reserve answered without a reserveId',
          raw: result.envelope,
        };
      const checkoutUrl = `${config.paymentPageUrl.replace(/\/+$/, '')}/${encodeURIComponent(reserveId)}`;
      return {
        kind: 'ready',
        checkoutUrl,
        clientParams: { reserveId, paymentUrl: checkoutUrl },
        pgReference: reserveId,
      };
    },

    async confirm(request) {
      const check = checkConfirmAmount(request.amount, request.pgReturn.amount);
      if (!check.ok) return { kind: 'declined', code: check.code, message: check.message };
      const paymentId = request.pgReturn.token;
      const result = await http.post(
        '/v2.2/apply/payment',
        { paymentId },
        { encoding: 'form', idempotencyKey: request.idempotencyKey },
      );
      if (result.kind === 'ok') {
        const detail = result.body.detail;
        if (
          !isApprovalDetail(detail) ||
          detail.paymentId !== paymentId ||
          detail.merchantPayKey !== request.orderId
        )
          return {
            kind: 'ambiguous',
            code: 'NAVERPAY_RESPONSE_MISMATCH',
            message: 'NaverPay answered the approve for another payment',
            raw: result.envelope,
          };
        // An approval for another amount is still reported: the caller voids it (decideAfterConfirm).
        const payment = approvedPayment(detail, result.envelope);
        return result.replayed
          ? { kind: 'approved', payment, alreadyApproved: true }
          : { kind: 'approved', payment };
      }
      if (result.kind === 'transport')
        return { kind: 'ambiguous', code: result.code, message: result.message };
      if (result.code === 'AlreadyComplete') {
        // docs/vendors/naverpay.md#codes: read the history back and accept it if it is this order's approval.
        const current = (await history(paymentId, request.orderId)).result;
        if (current.kind === 'found' && current.payment.status === 'APPROVED')
          return { kind: 'approved', payment: current.payment, alreadyApproved: true };
      }
      return failure(result, 'approve') as ConfirmResult;
    },

    lookup,
    cancel,

    async netCancel(request) {
      // NaverPay has no 망취소 call: whatever it approved for the paymentId is cancelled in full.
      const paymentId = request.pgTransactionId ?? request.pgReturn?.token;
      if (!paymentId)
        return {
          kind: 'nothing_to_cancel',
          code: 'NAVERPAY_PAYMENT_ID_MISSING',
          message: 'the buyer never came back with a paymentId',
        };
      // The history's payment is this paymentId's: it is cancelled under the same paymentId.
      return netCancelByLookup(
        request,
        (await history(paymentId, request.orderId)).result,
        { cancelable: ['APPROVED', 'PARTIALLY_CANCELED'], notApprovedCode: () => 'NAVERPAY_NOT_APPROVED' },
        cancel,
      );
    },

    parseWebhook() {
      // NaverPay documents no webhook for one-time payments (docs/vendors/naverpay.md#webhooks): nothing that
      // arrives is NaverPay's.
      return rejectWebhook('NaverPay sends no webhooks for one-time payments');
    },

    parseReturn(request) {
      return parseNaverPayReturn(request);
    },
  };
}

/**
 * NaverPay sends every outcome to the one returnUrl: `resultCode=Success&paymentId=…`, or
 * `resultCode=Fail&resultMessage=userCancel|OwnerAuthFail|paymentTimeExpire…`.
 */
export function parseNaverPayReturn({ outcome, params, pgReference }: PgReturnRequest): PgReturnResult {
  const resultCode = params.resultCode;
  if (resultCode === 'Success') {
    const paymentId = params.paymentId;
    if (!paymentId || !/^[A-Za-z0-9]{1,64}$/.test(paymentId))
      return { kind: 'rejected', reason: 'paymentId is required on a successful NaverPay return' };
    return {
      kind: 'authenticated',
      pgReturn: { token: paymentId, params: pgReference ? { reserveId: pgReference } : {} },
    };
  }
  if (resultCode === undefined && outcome === 'success')
    return { kind: 'rejected', reason: 'resultCode is missing from the NaverPay return' };
  const reason = params.resultMessage ?? (outcome === 'cancel' ? NAVERPAY_USER_CANCEL : 'Fail');
  return {
    kind: 'failed',
    code: `NAVERPAY_${reason}`,
    message: FAILURE_MESSAGES[reason] ?? '네이버페이 결제에 실패했습니다.',
    buyerCanceled: reason === NAVERPAY_USER_CANCEL,
  };
}

function info(result: ErrorResult) {
  return { code: result.code, message: result.message, httpStatus: result.status, raw: result.body };
}

/** A NaverPay error answer → declined / retryable / ambiguous per the classification. */
function failure(result: ErrorResult, operation: NaverPayOperation): ConfirmResult | CancelResult {
  const { errorClass, alert } = classifyNaverPayCode(result.code, result.status, operation);
  switch (errorClass) {
    case 'retryable':
      return {
        kind: 'retryable',
        ...info(result),
        retryAfterMs: result.code === 'AlreadyOnGoing' ? 1_000 : undefined,
      };
    case 'ambiguous':
      return { kind: 'ambiguous', ...info(result) };
    case 'already_done':
    case 'final':
      return { kind: 'declined', ...info(result), alert };
  }
}
