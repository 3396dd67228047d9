import { Hono, type Context } from 'hono';
import { Sleeper, type PgSimulatorModule } from '../sim-module';
import { faultControls, spendFault, takeFault } from '../shared/counted-faults';
import { hang, loseAnswer } from '../shared/delivery-faults';
import { jsonObjectOf } from '../shared/json-body';
import { moduleWithoutWebhooks } from '../shared/module-without-webhooks';
import { validateNaverPayFaults, type NaverPayFaults, type NaverPayOperation } from './naverpay-faults';
import {
  approvalDetail,
  cancelBody,
  historyItems,
  naverTime,
  newPayHistId,
  newPaymentId,
  newReserveId,
  restOf,
  type NaverPayCancel,
  type NaverPayPayment,
  type NaverPayReservation,
} from './naverpay-payment';
import { renderNaverPayErrorPage, renderNaverPayWindow } from './naverpay-window-page';

/**
 * NaverPay 결제형 one-time payment (docs/vendors/naverpay.md) as a local fake, under
 * `/{partnerId}/naverpay/payments/…`: the three auth headers (client id, client secret, chain id),
 * server reserve (JSON) → payment page → returnUrl?resultCode&paymentId, form-encoded approve
 * (v2.2/apply/payment), form-encoded cancel with the tax split and the `doCompareRest` /
 * `expectedRestAmount` check, history look-up (v2.2/list/history, JSON), the `{code, message, body}`
 * envelope with HTTP 200 for business failures, and `X-NaverPay-Idempotency-Key`: a repeat of a
 * successful call with the same key is answered HTTP 409 with the first answer's body [code];
 * a repeat while the first is still running gets `AlreadyOnGoing`. No webhooks (none documented).
 */
export const NAVERPAY_SANDBOX_MERCHANT = {
  partnerId: 'np_jangteo_sim',
  clientId: 'jangteoSimClientId01',
  clientSecret: 'jangteoSimClientSecret',
  chainId: 'jangteoSimChainId01',
} as const;

export type NaverPayMerchant = { partnerId: string; clientId: string; clientSecret: string; chainId: string };

export interface NaverPaySimulatorOptions {
  merchant?: NaverPayMerchant;
  faults?: NaverPayFaults;
  now?: () => Date;
}

export interface NaverPayCallRecord {
  operation: NaverPayOperation;
  path: string;
  idempotencyKey?: string;
  contentType?: string;
  /** The request's fields as NaverPay read them (form or JSON). */
  fields?: Record<string, unknown>;
  /** HTTP status and envelope code of the answer. */
  status: number;
  code?: string;
  delivery: 'sent' | 'replayed' | 'dropped' | 'replaced-by-500' | 'late' | 'forged';
}

export interface NaverPaySimulatorState {
  reservations: Map<string, NaverPayReservation>;
  payments: Map<string, NaverPayPayment>;
  idempotency: Map<string, Outcome | 'IN_FLIGHT'>;
  faults: NaverPayFaults;
  calls: NaverPayCallRecord[];
}

export interface NaverPaySimulator extends PgSimulatorModule {
  readonly state: NaverPaySimulatorState;
}

type Outcome = { status: number; body: Envelope };
type Envelope = { code: string; message: string; body?: Record<string, unknown> };

const ok = (body: Record<string, unknown>, message = 'detail message'): Outcome => ({
  status: 200,
  body: { code: 'Success', message, body },
});
/** Business failures come back as HTTP 200 with the code in the envelope. */
const fail = (code: string, message: string, status = 200): Outcome => ({ status, body: { code, message } });

const toInt = (value: unknown): number | undefined => {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
};

export function createNaverPaySimulator(options: NaverPaySimulatorOptions = {}): NaverPaySimulator {
  const now = options.now ?? (() => new Date());
  const merchant = options.merchant ?? NAVERPAY_SANDBOX_MERCHANT;
  const sleeper = new Sleeper();
  const state: NaverPaySimulatorState = {
    reservations: new Map(),
    payments: new Map(),
    idempotency: new Map(),
    faults: structuredClone(options.faults ?? {}),
    calls: [],
  };

  const knobs = faultControls(state.faults, options.faults, validateNaverPayFaults);
  const send = (c: Context, outcome: Outcome) => c.json(outcome.body, outcome.status as 200);

  function authenticate(c: Context): Outcome | undefined {
    if (c.req.param('partnerId') !== merchant.partnerId)
      return fail('InvalidMerchant', '존재하지 않는 가맹점입니다.');
    if (
      c.req.header('x-naver-client-id') !== merchant.clientId ||
      c.req.header('x-naver-client-secret') !== merchant.clientSecret
    )
      return fail('Unauthorized', 'X-Naver-Client-Id / X-Naver-Client-Secret 인증에 실패했습니다.', 401);
    if (c.req.header('x-naverpay-chain-id') !== merchant.chainId)
      return fail('InvalidChainId', 'X-NaverPay-Chain-Id가 올바르지 않습니다.', 401);
    return undefined;
  }

  /** Approve and cancel are form posts; reserve and history are JSON (docs/vendors/naverpay.md#calls). */
  async function readBody(c: Context, as: 'form' | 'json'): Promise<Record<string, unknown> | Outcome> {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (as === 'form') {
      if (!type.startsWith('application/x-www-form-urlencoded'))
        return fail('InvalidParameter', '요청은 application/x-www-form-urlencoded 이어야 합니다.');
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
    if (!type.startsWith('application/json'))
      return fail('InvalidParameter', '요청은 application/json 이어야 합니다.');
    return (await jsonObjectOf(c.req)) ?? fail('InvalidParameter', '요청 본문이 올바른 JSON이 아닙니다.');
  }

  const isOutcome = (value: unknown): value is Outcome =>
    !!value && typeof value === 'object' && 'status' in value && 'body' in value;

  function forged(outcome: Outcome, field: 'merchantPayKey' | 'totalPayAmount' | 'paymentId'): Outcome {
    const copy = structuredClone(outcome);
    const target = (copy.body.body?.detail ?? copy.body.body) as Record<string, unknown> | undefined;
    if (!target) return copy;
    if (field === 'merchantPayKey') target.merchantPayKey = `${String(target.merchantPayKey)}-other`;
    if (field === 'paymentId') target.paymentId = newPaymentId(now());
    if (field === 'totalPayAmount') target.totalPayAmount = Number(target.totalPayAmount ?? 0) + 1_000;
    return copy;
  }

  /** Common path of every API call: auth, body, latency, idempotency, faults, the call record. */
  async function handle(
    c: Context,
    operation: NaverPayOperation,
    as: 'form' | 'json',
    run: (body: Record<string, unknown>) => Outcome,
  ): Promise<Response> {
    const denied = authenticate(c);
    if (denied) return send(c, denied);
    const record: NaverPayCallRecord = {
      operation,
      path: c.req.path,
      contentType: c.req.header('content-type'),
      status: 0,
      delivery: 'sent',
    };
    state.calls.push(record);
    const finish = (outcome: Outcome) => {
      record.status = outcome.status;
      record.code = outcome.body.code;
      return send(c, outcome);
    };
    const body = await readBody(c, as);
    if (isOutcome(body)) return finish(body);
    record.fields = { ...body };
    if (state.faults.latencyMs) await sleeper.sleep(state.faults.latencyMs);

    const key = c.req.header('x-naverpay-idempotency-key');
    let scope: string | undefined;
    if (key !== undefined) {
      record.idempotencyKey = key;
      scope = `${merchant.clientId}\u0000${c.req.path}\u0000${key}`;
      const stored = state.idempotency.get(scope);
      if (stored === 'IN_FLIGHT') return finish(fail('AlreadyOnGoing', '동일한 요청이 처리 중입니다.'));
      if (stored) {
        record.delivery = 'replayed';
        return finish({ status: 409, body: structuredClone(stored.body) });
      }
      state.idempotency.set(scope, 'IN_FLIGHT');
    }
    try {
      const transient = takeFault(state.faults, 'transient', operation, 'approve');
      if (transient) {
        if (transient.status && transient.status >= 500)
          return finish(fail('InternalServerError', '일시적인 오류입니다.', transient.status));
        return finish(
          fail(
            transient.code ?? 'MaintenanceOngoing',
            '서비스 점검 중입니다. 점검 종료 후 다시 시도해 주세요.',
          ),
        );
      }
      const timeout = takeFault(state.faults, 'timeout', operation, 'approve');
      const lose = timeout ? undefined : takeFault(state.faults, 'loseResponse', operation, 'approve');
      if (timeout && timeout.process === false) {
        await hang(sleeper, timeout, record, 30_000);
        return finish(fail('InternalServerError', '처리 시간이 초과되었습니다.', 500));
      }
      let outcome = run(body);
      if (timeout) await hang(sleeper, timeout, record, 30_000);
      if (scope && outcome.status === 200 && outcome.body.code === 'Success')
        state.idempotency.set(scope, outcome);
      if (lose) {
        record.status = outcome.status;
        record.code = outcome.body.code;
        return loseAnswer(c, lose, record, () =>
          c.json(fail('InternalServerError', '일시적인 오류입니다.').body, 500),
        );
      }
      const forge =
        outcome.body.code === 'Success' ? takeFault(state.faults, 'forge', operation, 'approve') : undefined;
      if (forge) {
        outcome = forged(outcome, forge.field);
        record.delivery = 'forged';
      }
      return finish(outcome);
    } finally {
      if (scope && state.idempotency.get(scope) === 'IN_FLIGHT') state.idempotency.delete(scope);
    }
  }

  function reserve(body: Record<string, unknown>): Outcome {
    const total = toInt(body.totalPayAmount);
    const taxScope = toInt(body.taxScopeAmount);
    const taxExScope = toInt(body.taxExScopeAmount);
    const count = toInt(body.productCount);
    if (typeof body.merchantPayKey !== 'string' || !body.merchantPayKey || body.merchantPayKey.length > 64)
      return fail('InvalidParameter', 'merchantPayKey는 1~64자여야 합니다.');
    if (typeof body.productName !== 'string' || !body.productName)
      return fail('InvalidParameter', 'productName은 필수입니다.');
    if (!total || total <= 0 || taxScope === undefined || taxExScope === undefined)
      return fail('InvalidParameter', 'totalPayAmount, taxScopeAmount, taxExScopeAmount는 필수입니다.');
    if (taxScope + taxExScope !== total)
      return fail('TaxScopeAmountError', '과세 대상 금액과 면세 대상 금액의 합이 결제 금액과 다릅니다.');
    if (!count || count < 1) return fail('InvalidParameter', 'productCount는 1 이상이어야 합니다.');
    try {
      new URL(String(body.returnUrl));
    } catch {
      return fail('InvalidParameter', 'returnUrl은 절대 URL이어야 합니다.');
    }
    const reservation: NaverPayReservation = {
      reserveId: newReserveId(),
      merchantPayKey: body.merchantPayKey,
      merchantUserKey: typeof body.merchantUserKey === 'string' ? body.merchantUserKey : '',
      productName: body.productName,
      productCount: count,
      totalPayAmount: total,
      taxScopeAmount: taxScope,
      taxExScopeAmount: taxExScope,
      returnUrl: String(body.returnUrl),
      status: 'RESERVED',
    };
    state.reservations.set(reservation.reserveId, reservation);
    return ok({ reserveId: reservation.reserveId });
  }

  function approve(body: Record<string, unknown>): Outcome {
    const payment = state.payments.get(String(body.paymentId ?? ''));
    if (!payment) return fail('InvalidPaymentId', '유효하지 않은 결제번호입니다.');
    if (payment.status === 'APPROVED') return fail('AlreadyComplete', '이미 완료된 결제입니다.');
    if (payment.status === 'FAILED')
      return fail('Fail', payment.failure?.message ?? '결제에 실패한 건입니다.');
    const decline = spendFault(state.faults, 'decline');
    const at = now();
    if (decline) {
      payment.status = 'FAILED';
      payment.admissionYmdt = naverTime(at);
      payment.payHistId = newPayHistId(at);
      payment.failure = {
        code: decline.code ?? 'Fail',
        message: decline.message ?? '카드사 승인이 거절되었습니다. (한도초과)',
      };
      return fail(payment.failure.code, payment.failure.message);
    }
    payment.status = 'APPROVED';
    payment.admissionYmdt = naverTime(at);
    payment.payHistId = newPayHistId(at);
    payment.cardAuthNo = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    return ok({ paymentId: payment.paymentId, detail: approvalDetail(payment, merchant.partnerId) });
  }

  function cancel(body: Record<string, unknown>): Outcome {
    const payment = state.payments.get(String(body.paymentId ?? ''));
    if (!payment || payment.status === 'AUTHENTICATED')
      return fail('InvalidPaymentId', '유효하지 않은 결제번호입니다.');
    if (payment.status !== 'APPROVED') return fail('Fail', '취소할 수 없는 결제입니다.');
    const amount = toInt(body.cancelAmount);
    const taxScope = toInt(body.taxScopeAmount);
    const taxExScope = toInt(body.taxExScopeAmount);
    const deposit = toInt(body.environmentDepositAmount ?? '0') ?? 0;
    if (!amount || amount <= 0 || taxScope === undefined || taxExScope === undefined)
      return fail('InvalidParameter', 'cancelAmount, taxScopeAmount, taxExScopeAmount는 필수입니다.');
    if (typeof body.cancelReason !== 'string' || !body.cancelReason)
      return fail('InvalidParameter', 'cancelReason은 필수입니다.');
    if (body.cancelRequester !== '1' && body.cancelRequester !== '2')
      return fail('InvalidParameter', 'cancelRequester는 1(구매자) 또는 2(가맹점)입니다.');
    const rest = restOf(payment);
    if (rest.total === 0) return fail('AlreadyCanceled', '이미 전체 취소된 결제입니다.');
    if (taxScope + taxExScope + deposit !== amount)
      return fail('TaxScopeAmountError', '과세/면세/컵 보증금 금액의 합이 취소 요청 금액과 다릅니다.');
    if (amount > rest.total) return fail('OverRemainAmount', '취소 요청 금액이 잔여 결제 금액을 초과합니다.');
    if (taxExScope > rest.taxExScope || taxScope > rest.taxScope)
      return fail('TaxScopeAmtGreaterThanRemainError', '취소 가능한 과면세 금액보다 큰 금액을 요청했습니다.');
    if (body.doCompareRest === '1' && toInt(body.expectedRestAmount) !== rest.total - amount)
      return fail(
        'RestAmountDiff',
        `가맹점의 예상 잔여금액(${String(body.expectedRestAmount)})과 네이버페이의 잔여금액(${rest.total - amount})이 일치하지 않습니다.`,
      );
    const at = now();
    const entry: NaverPayCancel = {
      payHistId: newPayHistId(at),
      amount,
      taxScopeAmount: taxScope,
      taxExScopeAmount: taxExScope,
      ymdt: naverTime(at),
      reason: body.cancelReason,
      requester: body.cancelRequester,
    };
    payment.cancels.push(entry);
    return ok(cancelBody(payment, entry));
  }

  function history(body: Record<string, unknown>): Outcome {
    if (typeof body.paymentId !== 'string')
      return fail('InvalidParameter', 'paymentId 또는 조회 기간이 필요합니다. (sandbox: paymentId만 지원)');
    const payment = state.payments.get(body.paymentId);
    if (!payment) return fail('InvalidPaymentId', '유효하지 않은 결제번호입니다.');
    const list = historyItems(payment, merchant.partnerId);
    return ok({
      list,
      totalCount: list.length,
      responseCount: list.length,
      totalPageCount: 1,
      currentPageNumber: 1,
    });
  }

  const api = new Hono();
  const base = '/:partnerId/naverpay/payments';
  api.post(`${base}/v2/reserve`, (c) => handle(c, 'reserve', 'json', reserve));
  api.post(`${base}/v2.2/apply/payment`, (c) => handle(c, 'approve', 'form', approve));
  api.post(`${base}/v1/cancel`, (c) => handle(c, 'cancel', 'form', cancel));
  api.post(`${base}/v2.2/list/history`, (c) => handle(c, 'history', 'json', history));
  api.notFound((c) => c.json(fail('NotFound', '존재하지 않는 API입니다.').body, 404));

  const sandbox = new Hono();
  sandbox.get('/payments/:reserveId', (c) => {
    const reservation = state.reservations.get(c.req.param('reserveId'));
    if (!reservation) return c.html(renderNaverPayErrorPage('유효하지 않은 결제 예약입니다.'), 404);
    if (reservation.status !== 'RESERVED')
      return c.html(renderNaverPayErrorPage('이미 진행되었거나 종료된 결제입니다.'), 409);
    return c.html(
      renderNaverPayWindow({
        productName: reservation.productName,
        merchantPayKey: reservation.merchantPayKey,
        totalPayAmount: reservation.totalPayAmount,
        taxExScopeAmount: reservation.taxExScopeAmount,
        actionBase: c.req.path,
      }),
    );
  });
  const windowAction = (action: 'approve' | 'fail' | 'cancel') => async (c: Context) => {
    const reservation = state.reservations.get(c.req.param('reserveId') ?? '');
    if (!reservation) return c.html(renderNaverPayErrorPage('유효하지 않은 결제 예약입니다.'), 404);
    if (reservation.status !== 'RESERVED')
      return c.html(renderNaverPayErrorPage('이미 진행되었거나 종료된 결제입니다.'), 409);
    const form = await c.req.parseBody();
    const url = new URL(reservation.returnUrl);
    if (action === 'approve') {
      const payment: NaverPayPayment = {
        paymentId: newPaymentId(now()),
        reserveId: reservation.reserveId,
        merchantPayKey: reservation.merchantPayKey,
        merchantUserKey: reservation.merchantUserKey,
        productName: reservation.productName,
        totalPayAmount: reservation.totalPayAmount,
        taxScopeAmount: reservation.taxScopeAmount,
        taxExScopeAmount: reservation.taxExScopeAmount,
        primaryPayMeans: form.primaryPayMeans === 'BANK' ? 'BANK' : 'CARD',
        status: 'AUTHENTICATED',
        cancels: [],
      };
      state.payments.set(payment.paymentId, payment);
      reservation.status = 'AUTHENTICATED';
      reservation.paymentId = payment.paymentId;
      url.searchParams.set('resultCode', 'Success');
      url.searchParams.set('paymentId', payment.paymentId);
    } else {
      reservation.status = 'FAILED';
      url.searchParams.set('resultCode', 'Fail');
      url.searchParams.set(
        'resultMessage',
        action === 'cancel'
          ? 'userCancel'
          : form.resultMessage === 'paymentTimeExpire'
            ? 'paymentTimeExpire'
            : 'OwnerAuthFail',
      );
    }
    return c.redirect(url.toString(), 303);
  };
  for (const action of ['approve', 'fail', 'cancel'] as const)
    sandbox.post(`/payments/:reserveId/${action}`, windowAction(action));

  // NaverPay documents no webhooks for one-time payments.
  return moduleWithoutWebhooks({
    name: 'naverpay',
    state,
    api,
    sandbox,
    knobs,
    sleeper,
    payments: () => [...state.payments.values()].map((p) => structuredClone(p)),
    forget() {
      state.reservations.clear();
      state.payments.clear();
      state.idempotency.clear();
    },
  });
}
