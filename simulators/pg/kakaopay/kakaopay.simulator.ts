import { Hono, type Context } from 'hono';
import { Sleeper, type PgSimulatorModule } from '../sim-module';
import { kakaoPayError, USER_LOCKED, type KakaoPayErrorBody } from './kakaopay-errors';
import { faultControls, spendFault, takeFault } from '../shared/counted-faults';
import { hang, loseAnswer } from '../shared/delivery-faults';
import { jsonObjectOf } from '../shared/json-body';
import { moduleWithoutWebhooks } from '../shared/module-without-webhooks';
import { validateKakaoPayFaults, type KakaoPayFaults, type KakaoPayOperation } from './kakaopay-faults';
import {
  approveResponse,
  cancelAvailable,
  cancelResponse,
  kakaoTime,
  newAid,
  newPgToken,
  newTid,
  newWindowKey,
  orderResponse,
  zeroAmount,
  type KakaoPayAction,
  type KakaoPayPayment,
} from './kakaopay-payment';
import { renderKakaoPayErrorPage, renderKakaoPayWindow } from './kakaopay-window-page';

/**
 * KakaoPay online single payment (open API, docs/vendors/kakaopay.md) as a local fake: `SECRET_KEY` auth,
 * JSON only, ready → window → approval_url?pg_token → approve, `/order` look-up with KakaoPay's statuses,
 * (partial) cancel with tax-free and VAT amounts and the optimistic `cancel_available_amount` check, `-780`
 * failures with `extras`, and the sandbox window. KakaoPay documents no idempotency key and no webhook for
 * single payments, so neither exists here: a repeated approve is refused (-702).
 */
export const KAKAOPAY_SANDBOX_SECRET_KEY = 'DEV7A3F1C9E0B5D4286A1F3C7E9B0D2A4C6E8F01';
/** KakaoPay's public test CID for one-time payments. */
export const KAKAOPAY_TEST_CID = 'TC0ONETIME';

export interface KakaoPaySimulatorOptions {
  /** Secret keys the fake accepts (default: the sandbox key). */
  secretKeys?: string[];
  /** CIDs the fake accepts (default: TC0ONETIME). */
  cids?: string[];
  faults?: KakaoPayFaults;
  now?: () => Date;
}

export interface KakaoPayCallRecord {
  operation: KakaoPayOperation;
  path: string;
  tid?: string;
  status: number;
  delivery: 'sent' | 'dropped' | 'replaced-by-500' | 'late' | 'forged';
}

export interface KakaoPaySimulatorState {
  payments: Map<string, KakaoPayPayment>;
  /** window key → tid */
  windows: Map<string, string>;
  faults: KakaoPayFaults;
  calls: KakaoPayCallRecord[];
}

export interface KakaoPaySimulator extends PgSimulatorModule {
  readonly state: KakaoPaySimulatorState;
}

type Outcome = { status: number; body: unknown };

const isInt = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

export function createKakaoPaySimulator(options: KakaoPaySimulatorOptions = {}): KakaoPaySimulator {
  const now = options.now ?? (() => new Date());
  const secretKeys = new Set(options.secretKeys ?? [KAKAOPAY_SANDBOX_SECRET_KEY]);
  const cids = new Set(options.cids ?? [KAKAOPAY_TEST_CID]);
  const sleeper = new Sleeper();
  const state: KakaoPaySimulatorState = {
    payments: new Map(),
    windows: new Map(),
    faults: structuredClone(options.faults ?? {}),
    calls: [],
  };

  const knobs = faultControls(state.faults, options.faults, validateKakaoPayFaults);
  const json = (c: Context, outcome: Outcome) => c.json(outcome.body as object, outcome.status as 200);

  /** `Authorization: SECRET_KEY <key>` — not `KakaoAK` (the legacy API) nor `DEV_SECRET_KEY`. */
  function authenticate(c: Context): Outcome | undefined {
    const match = /^SECRET_KEY (\S+)$/.exec(c.req.header('authorization') ?? '');
    if (!match || !secretKeys.has(match[1]!)) return kakaoPayError('INVALID_SECRET_KEY');
    return undefined;
  }

  async function readJson(c: Context): Promise<Record<string, unknown> | Outcome> {
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json'))
      return kakaoPayError('INVALID_PARAMETER', 'Content-Type must be application/json');
    return (await jsonObjectOf(c.req)) ?? kakaoPayError('INVALID_PARAMETER', 'the body is not a JSON object');
  }

  const isOutcome = (value: unknown): value is Outcome =>
    !!value && typeof value === 'object' && 'status' in value && 'body' in value;

  /** A forged answer: the operation was done, the body describes something else. */
  function forgeBody(body: unknown, field: 'partner_order_id' | 'amount' | 'tid'): unknown {
    const copy = structuredClone(body) as Record<string, unknown>;
    if (field === 'partner_order_id') copy.partner_order_id = `${String(copy.partner_order_id)}-other`;
    if (field === 'tid') copy.tid = newTid();
    if (field === 'amount' && copy.amount && typeof copy.amount === 'object') {
      const amount = copy.amount as { total: number };
      amount.total += 1_000;
    }
    return copy;
  }

  /** Common path of every API call: auth, body, latency, faults, the call record. */
  async function handle(
    c: Context,
    operation: KakaoPayOperation,
    run: (body: Record<string, unknown>) => Outcome,
  ): Promise<Response> {
    const denied = authenticate(c);
    if (denied) return json(c, denied);
    const body = await readJson(c);
    if (isOutcome(body)) return json(c, body);
    if (typeof body.cid !== 'string' || !cids.has(body.cid)) return json(c, kakaoPayError('INVALID_CID'));
    if (state.faults.latencyMs) await sleeper.sleep(state.faults.latencyMs);
    const record: KakaoPayCallRecord = {
      operation,
      path: c.req.path,
      tid: typeof body.tid === 'string' ? body.tid : undefined,
      status: 0,
      delivery: 'sent',
    };
    state.calls.push(record);
    const finish = (outcome: Outcome) => {
      record.status = outcome.status;
      return json(c, outcome);
    };

    const transient = takeFault(state.faults, 'transient', operation, 'approve');
    if (transient) {
      if (transient.status && transient.status >= 500) return finish(kakaoPayError('INTERNAL'));
      return finish(
        kakaoPayError(operation === 'cancel' ? 'CANCEL_FAILURE' : 'APPROVAL_FAILURE', undefined, USER_LOCKED),
      );
    }
    const timeout = takeFault(state.faults, 'timeout', operation, 'approve');
    const lose = timeout ? undefined : takeFault(state.faults, 'loseResponse', operation, 'approve');
    if (timeout && timeout.process === false) {
      await hang(sleeper, timeout, record, 30_000);
      return finish(kakaoPayError('INTERNAL'));
    }
    let outcome = run(body);
    if (timeout) await hang(sleeper, timeout, record, 30_000);
    if (lose) {
      record.status = outcome.status;
      return loseAnswer(c, lose, record, () => c.json(kakaoPayError('INTERNAL').body, 500));
    }
    const forge = outcome.status === 200 ? takeFault(state.faults, 'forge', operation, 'approve') : undefined;
    if (forge) {
      outcome = { status: 200, body: forgeBody(outcome.body, forge.field) };
      record.delivery = 'forged';
    }
    return finish(outcome);
  }

  function ready(c: Context, body: Record<string, unknown>): Outcome {
    const urls = ['approval_url', 'cancel_url', 'fail_url'] as const;
    for (const name of urls) {
      const value = body[name];
      if (!isText(value, 255)) return kakaoPayError('INVALID_PARAMETER', `${name} is required (≤ 255 chars)`);
      try {
        new URL(value);
      } catch {
        return kakaoPayError('INVALID_PARAMETER', `${name} must be an absolute URL`);
      }
    }
    if (!isText(body.partner_order_id, 100) || !isText(body.partner_user_id, 100))
      return kakaoPayError(
        'INVALID_PARAMETER',
        'partner_order_id and partner_user_id are required (≤ 100 chars)',
      );
    if (!isText(body.item_name, 100))
      return kakaoPayError('INVALID_PARAMETER', 'item_name is required (≤ 100 chars)');
    if (!isInt(body.quantity, 1))
      return kakaoPayError('INVALID_PARAMETER', 'quantity must be an integer ≥ 1');
    if (!isInt(body.total_amount, 1) || !isInt(body.tax_free_amount))
      return kakaoPayError('INVALID_PARAMETER', 'total_amount and tax_free_amount must be whole won amounts');
    const total = body.total_amount;
    const taxFree = body.tax_free_amount;
    if (taxFree > total) return kakaoPayError('INVALID_PARAMETER', 'tax_free_amount exceeds total_amount');
    const vat =
      body.vat_amount === undefined ? Math.round((total - taxFree) / 11) : (body.vat_amount as number);
    if (!isInt(vat) || vat > total - taxFree)
      return kakaoPayError('INVALID_PARAMETER', 'vat_amount must be a whole amount ≤ the taxable part');
    const tid = newTid();
    const windowKey = newWindowKey();
    const at = now();
    const payment: KakaoPayPayment = {
      tid,
      cid: body.cid as string,
      status: 'READY',
      partner_order_id: body.partner_order_id,
      partner_user_id: body.partner_user_id,
      item_name: body.item_name,
      item_code: typeof body.item_code === 'string' ? body.item_code : null,
      quantity: body.quantity,
      amount: { ...zeroAmount(), total, tax_free: taxFree, vat },
      canceled_amount: zeroAmount(),
      payment_method_type: null,
      approval_url: body.approval_url as string,
      cancel_url: body.cancel_url as string,
      fail_url: body.fail_url as string,
      created_at: kakaoTime(at),
      approved_at: null,
      canceled_at: null,
      actions: [],
      windowKey,
      pgToken: null,
    };
    state.payments.set(tid, payment);
    state.windows.set(windowKey, tid);
    const window = `${new URL(c.req.url).origin}/sandbox/kakaopay/mockup/v1/${windowKey}`;
    return {
      status: 200,
      body: {
        tid,
        tms_result: false,
        created_at: payment.created_at,
        next_redirect_pc_url: `${window}/info`,
        next_redirect_mobile_url: `${window}/mInfo`,
        next_redirect_app_url: `${window}/mInfo`,
        android_app_scheme: `kakaotalk://kakaopay/pg?url=${encodeURIComponent(`${window}/mInfo`)}`,
        ios_app_scheme: `kakaotalk://kakaopay/pg?url=${encodeURIComponent(`${window}/mInfo`)}`,
      },
    };
  }

  function approve(body: Record<string, unknown>): Outcome {
    const payment = typeof body.tid === 'string' ? state.payments.get(body.tid) : undefined;
    if (!payment) return kakaoPayError('TID_NOT_FOUND');
    if (payment.cid !== body.cid)
      return kakaoPayError('REQUEST_MISMATCH', 'cid differs from the ready request');
    if (
      body.partner_order_id !== payment.partner_order_id ||
      body.partner_user_id !== payment.partner_user_id
    )
      return kakaoPayError(
        'REQUEST_MISMATCH',
        'partner_order_id/partner_user_id differ from the ready request',
      );
    if (body.total_amount !== undefined && body.total_amount !== payment.amount.total)
      return kakaoPayError(
        'REQUEST_MISMATCH',
        `total_amount ${String(body.total_amount)} ≠ ${payment.amount.total}`,
      );
    switch (payment.status) {
      case 'READY':
        return kakaoPayError('NOT_AUTHENTICATED');
      case 'SUCCESS_PAYMENT':
      case 'PART_CANCEL_PAYMENT':
      case 'CANCEL_PAYMENT':
        return kakaoPayError('ALREADY_PAID');
      case 'FAIL_AUTH_PASSWORD':
      case 'QUIT_PAYMENT':
      case 'FAIL_PAYMENT':
        return kakaoPayError('PAYMENT_CLOSED', payment.status);
      case 'AUTH_PASSWORD':
        break;
    }
    if (typeof body.pg_token !== 'string' || body.pg_token !== payment.pgToken)
      return kakaoPayError('INVALID_PG_TOKEN');
    const decline = spendFault(state.faults, 'decline');
    if (decline) {
      payment.status = 'FAIL_PAYMENT';
      return kakaoPayError('APPROVAL_FAILURE', undefined, {
        method_result_code: decline.methodResultCode ?? 'CARD_LIMIT_EXCEEDED',
        method_result_message: decline.message ?? '한도초과 또는 잔액부족으로 결제에 실패했습니다.',
      });
    }
    const at = kakaoTime(now());
    payment.status = 'SUCCESS_PAYMENT';
    payment.approved_at = at;
    payment.actions.push({
      aid: newAid(),
      approved_at: at,
      amount: payment.amount.total,
      point_amount: 0,
      discount_amount: 0,
      green_deposit: 0,
      payment_action_type: 'PAYMENT',
      payload: typeof body.payload === 'string' ? body.payload : null,
    });
    return { status: 200, body: approveResponse(payment) };
  }

  function cancel(body: Record<string, unknown>): Outcome {
    const payment = typeof body.tid === 'string' ? state.payments.get(body.tid) : undefined;
    if (!payment) return kakaoPayError('TID_NOT_FOUND');
    if (!isInt(body.cancel_amount, 1))
      return kakaoPayError('INVALID_PARAMETER', 'cancel_amount must be a whole amount above zero');
    if (!isInt(body.cancel_tax_free_amount))
      return kakaoPayError('INVALID_PARAMETER', 'cancel_tax_free_amount is required (a whole amount ≥ 0)');
    if (payment.status !== 'SUCCESS_PAYMENT' && payment.status !== 'PART_CANCEL_PAYMENT')
      return kakaoPayError('NOT_CANCELABLE', payment.status);
    const available = cancelAvailable(payment);
    if (body.cancel_available_amount !== undefined && body.cancel_available_amount !== available.total)
      return kakaoPayError(
        'CANCEL_AVAILABLE_MISMATCH',
        `expected ${String(body.cancel_available_amount)}, cancelable ${available.total}`,
      );
    const amount = body.cancel_amount;
    const taxFree = body.cancel_tax_free_amount;
    if (amount > available.total) return kakaoPayError('CANCEL_AMOUNT_EXCEEDED');
    if (
      taxFree > amount ||
      taxFree > available.tax_free ||
      amount - taxFree > available.total - available.tax_free
    )
      return kakaoPayError('INVALID_PARAMETER', 'cancel_tax_free_amount does not fit the cancelable amounts');
    const last = amount === available.total;
    const vat =
      body.cancel_vat_amount !== undefined
        ? (body.cancel_vat_amount as number)
        : last
          ? available.vat
          : Math.min(available.vat, Math.round((amount - taxFree) / 11));
    if (!isInt(vat) || vat > available.vat)
      return kakaoPayError('INVALID_PARAMETER', 'cancel_vat_amount is invalid');
    const approved = { ...zeroAmount(), total: amount, tax_free: taxFree, vat };
    payment.canceled_amount.total += amount;
    payment.canceled_amount.tax_free += taxFree;
    payment.canceled_amount.vat += vat;
    const at = kakaoTime(now());
    payment.canceled_at = at;
    payment.status = last ? 'CANCEL_PAYMENT' : 'PART_CANCEL_PAYMENT';
    const action: KakaoPayAction = {
      aid: newAid(),
      approved_at: at,
      amount,
      point_amount: 0,
      discount_amount: 0,
      green_deposit: 0,
      payment_action_type: 'CANCEL',
      payload: typeof body.payload === 'string' ? body.payload : null,
    };
    payment.actions.push(action);
    return { status: 200, body: cancelResponse(payment, action, approved) };
  }

  function order(body: Record<string, unknown>): Outcome {
    const payment = typeof body.tid === 'string' ? state.payments.get(body.tid) : undefined;
    if (!payment) return kakaoPayError('TID_NOT_FOUND');
    return { status: 200, body: orderResponse(payment) };
  }

  const api = new Hono();
  api.post('/online/v1/payment/ready', (c) => handle(c, 'ready', (body) => ready(c, body)));
  api.post('/online/v1/payment/approve', (c) => handle(c, 'approve', approve));
  api.post('/online/v1/payment/cancel', (c) => handle(c, 'cancel', cancel));
  api.post('/online/v1/payment/order', (c) => handle(c, 'order', order));
  api.notFound((c) =>
    c.json({ error_code: -404, error_message: 'not found' } satisfies KakaoPayErrorBody, 404),
  );

  const windowPayment = (key: string) => state.payments.get(state.windows.get(key) ?? '');
  const redirect = (c: Context, url: string) => c.redirect(url, 303);

  const sandbox = new Hono();
  sandbox.get('/mockup/v1/:key/:device{info|mInfo}', (c) => {
    const payment = windowPayment(c.req.param('key'));
    if (!payment) return c.html(renderKakaoPayErrorPage('유효하지 않은 결제 요청입니다.'), 404);
    if (payment.status !== 'READY')
      return c.html(renderKakaoPayErrorPage('이미 진행되었거나 종료된 결제입니다.'), 409);
    return c.html(
      renderKakaoPayWindow({
        itemName: payment.item_name,
        partnerOrderId: payment.partner_order_id,
        total: payment.amount.total,
        taxFree: payment.amount.tax_free,
        actionBase: c.req.path,
      }),
    );
  });
  const windowAction = (action: 'approve' | 'fail' | 'cancel') => async (c: Context) => {
    const payment = windowPayment(c.req.param('key') ?? '');
    if (!payment) return c.html(renderKakaoPayErrorPage('유효하지 않은 결제 요청입니다.'), 404);
    if (payment.status !== 'READY')
      return c.html(renderKakaoPayErrorPage('이미 진행되었거나 종료된 결제입니다.'), 409);
    const form = await c.req.parseBody();
    if (action === 'approve') {
      payment.status = 'AUTH_PASSWORD';
      payment.payment_method_type = form.paymentMethodType === 'MONEY' ? 'MONEY' : 'CARD';
      payment.pgToken = newPgToken();
      const url = new URL(payment.approval_url);
      url.searchParams.set('pg_token', payment.pgToken);
      return redirect(c, url.toString());
    }
    if (action === 'fail') {
      payment.status = form.status === 'FAIL_PAYMENT' ? 'FAIL_PAYMENT' : 'FAIL_AUTH_PASSWORD';
      return redirect(c, payment.fail_url);
    }
    payment.status = 'QUIT_PAYMENT';
    return redirect(c, payment.cancel_url);
  };
  for (const action of ['approve', 'fail', 'cancel'] as const)
    sandbox.post(`/mockup/v1/:key/:device{info|mInfo}/${action}`, windowAction(action));

  // KakaoPay sends no webhooks for single payments.
  return moduleWithoutWebhooks({
    name: 'kakaopay',
    state,
    api,
    sandbox,
    knobs,
    sleeper,
    payments: () => [...state.payments.values()].map((p) => structuredClone(p)),
    forget() {
      state.payments.clear();
      state.windows.clear();
    },
  });
}
