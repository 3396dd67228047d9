import {
  assertCancelAmount,
  checkConfirmAmount,
  type CancelRequest,
  type CancelResult,
  type ConfirmResult,
  type GatewayCapabilities,
  type LookupResult,
  type PaymentGateway,
  type PgPayment,
} from '../../../domain/payment';
import { classifyKakaoPayError, KAKAOPAY_ALREADY_PAID } from './kakaopay-error-classification';
import { errorInput, failure, info } from './kakaopay-failures';
import { canceledBefore, netCancelByLookup, rejectWebhook } from '../gateway-steps';
import { createKakaoPayHttp } from './kakaopay-http';
import { approvedPayment, canceledPayment, isKakaoPayPayment, orderPayment } from './kakaopay-payment.mapper';
import { parseKakaoPayReturn } from './kakaopay-return.parser';

/**
 * KakaoPay online single payment (open API, docs/vendors/kakaopay.md) behind the PaymentGateway port:
 * prepareCheckout = ready (the tid is the `pgReference` the shop keeps), the buyer authenticates at
 * next_redirect_*_url and comes back to approval_url?pg_token, confirm = approve with the tid and
 * pg_token, lookup = `/order`, cancel with tax-free amounts. KakaoPay has no idempotency key and no
 * webhook for single payments: every ambiguous answer is settled with `/order`, never by repeating.
 */
export interface KakaoPayGatewayConfig {
  /** `https://open-api.kakaopay.com`, or the simulator's `<url>/kakaopay` in sandbox. */
  apiBaseUrl: string;
  secretKey: string;
  /** `TC0ONETIME` in test mode. */
  cid: string;
  /**
   * Sandbox only: the simulator's window prefix (`<simulator>/sandbox/kakaopay`) and the shop's own
   * address for it (`<public>/sandbox/kakaopay`), so the redirect URLs KakaoPay returns reach a browser.
   */
  windowRewrite?: { from: string; to: string };
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const KAKAOPAY_CAPABILITIES: GatewayCapabilities = {
  checkoutStyle: 'REDIRECT',
  partialCancel: true,
  ambiguityResolution: 'LOOKUP',
  webhooks: false,
  minimumAmount: { KAKAOPAY: 100 },
};

type Found = { kind: 'found'; payment: PgPayment };

export function createKakaoPayGateway(config: KakaoPayGatewayConfig): PaymentGateway {
  if (!config.secretKey) throw new Error('KakaoPay secret key is required');
  if (!config.cid) throw new Error('KakaoPay CID is required');
  const http = createKakaoPayHttp({
    apiBaseUrl: config.apiBaseUrl,
    secretKey: config.secretKey,
    timeoutMs: config.timeoutMs ?? 30_000,
    fetch: config.fetch,
  });
  const cid = config.cid;

  const windowUrl = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    const rewrite = config.windowRewrite;
    return rewrite && value.startsWith(rewrite.from)
      ? `${rewrite.to}${value.slice(rewrite.from.length)}`
      : value;
  };

  /** `/order` by tid; an answer for another order is refused (it cannot be this order's payment). */
  async function order(tid: string, orderId: string): Promise<LookupResult> {
    const result = await http.post('/online/v1/payment/order', { cid, tid });
    if (result.kind === 'transport') return { kind: 'retryable', code: result.code, message: result.message };
    if (result.kind === 'error') {
      const { errorClass, alert } = classifyKakaoPayError({ ...errorInput(result), operation: 'order' });
      if (alert) return { kind: 'declined', ...info(result), alert };
      if (errorClass === 'retryable') return { kind: 'retryable', ...info(result) };
      // An unknown tid: KakaoPay never saw a payment for it.
      if (result.status === 400 || result.status === 404)
        return { kind: 'not_found', code: result.code, message: result.message };
      return { kind: 'declined', ...info(result) };
    }
    if (!isKakaoPayPayment(result.body) || result.body.tid !== tid)
      return {
        kind: 'retryable',
        code: 'UNEXPECTED_RESPONSE',
        message: 'KakaoPay answered /order for another tid',
        raw: result.body,
      };
    if (result.body.partner_order_id !== orderId)
      return {
        kind: 'declined',
        code: 'KAKAOPAY_ORDER_MISMATCH',
        message: `tid ${tid} belongs to order ${String(result.body.partner_order_id)}, not ${orderId}`,
        raw: result.body,
      };
    return { kind: 'found', payment: orderPayment(result.body) };
  }

  async function cancel(request: CancelRequest): Promise<CancelResult> {
    assertCancelAmount(request.cancelAmount);
    const tid = request.pgTransactionId;
    const reason = request.reason.slice(0, 200);
    let body: Record<string, unknown>;
    if (request.cancelAmount === undefined) {
      // A full cancel needs KakaoPay's own cancelable amounts (total and tax-free): read them first.
      const current = await order(tid, request.orderId);
      if (current.kind !== 'found')
        return current.kind === 'not_found' ? { ...current, kind: 'declined' } : current;
      const { payment } = current;
      if (payment.status === 'CANCELED') return canceledBefore(payment);
      if (payment.status !== 'APPROVED' && payment.status !== 'PARTIALLY_CANCELED')
        return {
          kind: 'declined',
          code: 'KAKAOPAY_NOT_CANCELABLE',
          message: `the payment is ${rawStatus(payment)}`,
        };
      const available = (payment.raw as { cancel_available_amount?: { total?: number; tax_free?: number } })
        .cancel_available_amount;
      body = {
        cid,
        tid,
        cancel_amount: available?.total ?? payment.balanceAmount,
        cancel_tax_free_amount: available?.tax_free ?? 0,
        cancel_available_amount: available?.total ?? payment.balanceAmount,
        payload: reason,
      };
    } else {
      body = {
        cid,
        tid,
        cancel_amount: request.cancelAmount,
        cancel_tax_free_amount: request.taxFreeAmount ?? 0,
        payload: reason,
      };
      // Optimistic check: KakaoPay refuses if the balance moved (an earlier cancel whose answer was lost).
      if (request.balanceAmount !== undefined) body.cancel_available_amount = request.balanceAmount;
    }
    const result = await http.post('/online/v1/payment/cancel', body);
    if (result.kind === 'ok') {
      if (!isAnswerFor(result.body, tid, request.orderId)) return answeredElsewhere(result.body, 'cancel');
      const answered = canceledPayment(result.body, reason);
      const current = await order(tid, request.orderId);
      return {
        kind: 'canceled',
        payment: current.kind === 'found' ? current.payment : answered.payment,
        canceledAmount: answered.canceledAmount,
        cancelTransactionId: typeof result.body.aid === 'string' ? result.body.aid : undefined,
      };
    }
    if (result.kind === 'transport') return { kind: 'ambiguous', code: result.code, message: result.message };
    const classification = classifyKakaoPayError({ ...errorInput(result), operation: 'cancel' });
    if (classification.errorClass === 'final' && !classification.alert) {
      // No idempotency at KakaoPay: a refusal may mean this very cancel already went through.
      const done = await alreadyCanceled(request, tid, Number(body.cancel_amount));
      if (done) return done;
    }
    return failure(result, 'cancel') as CancelResult;
  }

  /** After a refused cancel: does KakaoPay's state show it done (balance gone, or down by exactly this amount)? */
  async function alreadyCanceled(
    request: CancelRequest,
    tid: string,
    amount: number,
  ): Promise<CancelResult | undefined> {
    const current = await order(tid, request.orderId);
    if (current.kind !== 'found') return undefined;
    const { payment } = current;
    const fullDone = request.cancelAmount === undefined && payment.status === 'CANCELED';
    const partialDone =
      request.cancelAmount !== undefined &&
      request.balanceAmount !== undefined &&
      payment.balanceAmount === request.balanceAmount - amount &&
      payment.cancels.at(-1)?.amount === amount;
    return fullDone || partialDone ? canceledBefore(payment) : undefined;
  }

  return {
    provider: 'KAKAOPAY',
    capabilities: KAKAOPAY_CAPABILITIES,

    async prepareCheckout(request) {
      if (request.method !== 'KAKAOPAY')
        return {
          kind: 'declined',
          code: 'PAYMENT_METHOD_NOT_SUPPORTED',
          message: `KakaoPay takes only KAKAOPAY payments, not ${request.method}`,
        };
      const result = await http.post('/online/v1/payment/ready', {
        cid,
        partner_order_id: request.orderId,
        partner_user_id: request.customerKey,
        item_name: request.orderName.slice(0, 100),
        quantity: 1,
        total_amount: request.amount,
        tax_free_amount: request.taxFreeAmount ?? 0,
        approval_url: request.successUrl,
        cancel_url: request.cancelUrl ?? request.failUrl,
        fail_url: request.failUrl,
      });
      if (result.kind === 'transport')
        return { kind: 'retryable', code: result.code, message: result.message };
      if (result.kind === 'error') {
        const { errorClass, alert } = classifyKakaoPayError({ ...errorInput(result), operation: 'ready' });
        return errorClass === 'retryable'
          ? { kind: 'retryable', ...info(result) }
          : { kind: 'declined', ...info(result), alert };
      }
      const tid = result.body.tid;
      const pc = windowUrl(result.body.next_redirect_pc_url);
      if (typeof tid !== 'string' || !pc)
        return {
          kind: 'retryable',
          code: 'UNEXPECTED_RESPONSE',
          message: 'KakaoPay ready answered without a tid',
          raw: result.body,
        };
      const clientParams: Record<string, string> = { next_redirect_pc_url: pc };
      const mobile = windowUrl(result.body.next_redirect_mobile_url);
      const app = windowUrl(result.body.next_redirect_app_url);
      if (mobile) clientParams.next_redirect_mobile_url = mobile;
      if (app) clientParams.next_redirect_app_url = app;
      return { kind: 'ready', checkoutUrl: pc, clientParams, pgReference: tid };
    },

    async confirm(request) {
      const check = checkConfirmAmount(request.amount, request.pgReturn.amount);
      if (!check.ok) return { kind: 'declined', code: check.code, message: check.message };
      const tid = request.pgReference ?? request.pgReturn.params?.tid;
      if (!tid)
        return {
          kind: 'declined',
          code: 'KAKAOPAY_TID_MISSING',
          message: 'the tid from ready is needed to approve',
        };
      // partner_user_id must repeat the ready value; KakaoPay's own record has it when the caller does not.
      let userId = request.customerKey;
      if (!userId) {
        const current = await order(tid, request.orderId);
        if (current.kind === 'declined') return current;
        if (current.kind !== 'found')
          return {
            kind: 'retryable',
            code: current.code,
            message: `the payment could not be read before approving: ${current.message}`,
          };
        const paid = acceptIfPaid(current, request.orderId, true);
        if (paid) return paid;
        userId = String((current.payment.raw as { partner_user_id?: unknown }).partner_user_id ?? '');
      }
      const result = await http.post('/online/v1/payment/approve', {
        cid,
        tid,
        partner_order_id: request.orderId,
        partner_user_id: userId,
        pg_token: request.pgReturn.token,
        total_amount: check.amount,
      });
      if (result.kind === 'ok') {
        if (!isAnswerFor(result.body, tid, request.orderId)) return answeredElsewhere(result.body, 'approve');
        return { kind: 'approved', payment: approvedPayment(result.body) };
      }
      if (result.kind === 'transport')
        return { kind: 'ambiguous', code: result.code, message: result.message };
      const classification = classifyKakaoPayError({ ...errorInput(result), operation: 'approve' });
      const refused = classification.errorClass === 'final' && !classification.alert;
      if (refused || result.errorCode === KAKAOPAY_ALREADY_PAID) {
        // "Already paid", or a refusal after an earlier approve whose answer was lost: read it back.
        // (5xx and timeouts stay ambiguous: the attempt policy looks them up itself.)
        const current = await order(tid, request.orderId);
        const paid = current.kind === 'found' ? acceptIfPaid(current, request.orderId, true) : undefined;
        if (paid) return paid;
      }
      return failure(result, 'approve') as ConfirmResult;
    },

    async lookup(request) {
      // The shop keeps the tid as pgReference; callers may also name it as the payment's PG id.
      const tid = request.pgReference ?? request.pgTransactionId;
      if (!tid)
        return {
          kind: 'declined',
          code: 'KAKAOPAY_TID_MISSING',
          message: 'a KakaoPay look-up needs the tid from ready',
        };
      return order(tid, request.orderId);
    },
    cancel,

    async netCancel(request) {
      // KakaoPay has no 망취소 call: whatever it approved for the tid is cancelled in full.
      const tid = request.pgTransactionId ?? request.pgReturn?.params?.tid;
      if (!tid)
        return {
          kind: 'declined',
          code: 'KAKAOPAY_TID_MISSING',
          message: 'a KakaoPay net-cancel needs the tid from ready',
        };
      // The payment /order found is this tid's: it is cancelled under the same tid.
      return netCancelByLookup(
        request,
        await order(tid, request.orderId),
        {
          cancelable: ['APPROVED', 'PARTIALLY_CANCELED'],
          notApprovedCode: (payment) => `KAKAOPAY_${rawStatus(payment)}`,
        },
        cancel,
      );
    },

    parseWebhook() {
      // KakaoPay sends no webhook for single payments (docs/vendors/kakaopay.md#webhooks): nothing that
      // arrives is KakaoPay's.
      return rejectWebhook('KakaoPay sends no webhooks for single payments');
    },

    parseReturn(request) {
      return parseKakaoPayReturn(request);
    },
  };
}

/** An approval found by `/order` counts only if it is this order's and paid. */
function acceptIfPaid(current: Found, orderId: string, alreadyApproved: boolean): ConfirmResult | undefined {
  const { payment } = current;
  if (payment.orderId !== orderId) return undefined;
  if (payment.status === 'APPROVED') return { kind: 'approved', payment, alreadyApproved };
  return undefined;
}

function rawStatus(payment: PgPayment): string {
  return String((payment.raw as { status?: unknown }).status ?? 'UNKNOWN');
}

/** A 2xx answer is believed only if it names the tid and order it was asked about. */
function isAnswerFor(body: unknown, tid: string, orderId: string): body is Record<string, unknown> {
  return isKakaoPayPayment(body) && body.tid === tid && body.partner_order_id === orderId;
}

function answeredElsewhere(body: unknown, operation: 'approve' | 'cancel') {
  return {
    kind: 'ambiguous' as const,
    code: 'KAKAOPAY_RESPONSE_MISMATCH',
    message: `KakaoPay answered the ${operation} for another payment`,
    raw: body,
  };
}
