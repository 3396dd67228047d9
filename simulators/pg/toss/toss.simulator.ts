import { Hono, type Context } from 'hono';
import { Sleeper, type PgSimulatorModule } from '../sim-module';
import { renderErrorPage } from '../shared/window-page';
import { parseCheckoutParams, redirectUrl, renderCheckoutPage } from './toss-checkout-page';
import { tossError, TOSS_WINDOW_ERRORS } from './toss-errors';
import { faultControls, spendFault, takeFault } from '../shared/counted-faults';
import { hang, loseAnswer } from '../shared/delivery-faults';
import { jsonObjectOf } from '../shared/json-body';
import { validateFaults, type TossFaults, type TossOperation } from './toss-faults';
import {
  applyCancel,
  approve,
  kstTimestamp,
  newAuthenticatedPayment,
  newTransactionKey,
  type TossPayment,
  type WindowChoice,
} from './toss-payment-object';
import { TOSS_WEBHOOK_RETRY_MINUTES, TossWebhookSender } from './toss-webhook-sender';

/**
 * Toss Payments (API v1) as a local fake, written from docs/vendors/toss.md: Basic auth with the
 * secret key, confirm / look-up by paymentKey and by orderId / (partial) cancel, Idempotency-Key replay
 * and in-flight 409, `TossPayments-Test-Code`, the documented error bodies, webhooks back to the
 * shop, and a sandbox payment window.
 *
 * Idempotency: Toss documents that a repeated key returns the first response; whether failed requests are
 * stored is not documented. The simulator stores successful (2xx) responses only, so a retry with the same
 * key after a transient failure is executed again (what the "retry with the same key" advice of
 * docs/vendors/toss.md#errors assumes). The scope is key + secret key + method + path (not the body).
 */
export const TOSS_DOC_SECRET_KEYS = [
  'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R',
  'test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6',
];

export interface TossSimulatorOptions {
  /** Secret keys the fake accepts (default: the public doc test keys). */
  secretKeys?: string[];
  mId?: string;
  /** The shop's webhook endpoint (Toss: registered in the developer console). */
  webhookUrl?: string;
  /** Delay before each webhook retry (default Toss's 1, 4, 16 … 4096 minutes). */
  webhookRetryDelaysMs?: number[];
  faults?: TossFaults;
  now?: () => Date;
}

export interface TossCallRecord {
  operation: TossOperation;
  path: string;
  idempotencyKey?: string;
  status: number;
  /** How the answer reached the client. */
  delivery: 'sent' | 'replayed' | 'dropped' | 'replaced-by-500' | 'late';
}

export interface TossSimulatorState {
  payments: Map<string, TossPayment>;
  /** orderId → paymentKey of the order's latest payment. */
  orders: Map<string, string>;
  choices: Map<string, WindowChoice>;
  idempotency: Map<string, { status: number; body: unknown } | 'IN_FLIGHT'>;
  faults: TossFaults;
  webhookUrl?: string;
  calls: TossCallRecord[];
}

type Outcome = { status: number; body: unknown };

export interface TossSimulator extends PgSimulatorModule {
  readonly state: TossSimulatorState;
}

export function createTossSimulator(options: TossSimulatorOptions = {}): TossSimulator {
  const now = options.now ?? (() => new Date());
  const secretKeys = new Set(options.secretKeys ?? TOSS_DOC_SECRET_KEYS);
  const mId = options.mId ?? 'tjangteosim';
  const sleeper = new Sleeper();
  const state: TossSimulatorState = {
    payments: new Map(),
    orders: new Map(),
    choices: new Map(),
    idempotency: new Map(),
    faults: structuredClone(options.faults ?? {}),
    webhookUrl: options.webhookUrl,
    calls: [],
  };
  const knobs = faultControls(state.faults, options.faults, validateFaults);
  const webhooks = new TossWebhookSender({
    url: () => state.webhookUrl,
    retryDelaysMs: options.webhookRetryDelaysMs ?? TOSS_WEBHOOK_RETRY_MINUTES.map((m) => m * 60_000),
    sleeper,
    now,
    duplicate: () => state.faults.webhooks?.duplicate === true,
    outOfOrder: () => state.faults.webhooks?.outOfOrder === true,
  });

  const apiBase = (c: Context) => `${new URL(c.req.url).origin}/toss`;
  const json = (c: Context, outcome: Outcome) => c.json(outcome.body as object, outcome.status as 200);

  const statusChanged = (payment: TossPayment) =>
    webhooks.send({
      eventType: 'PAYMENT_STATUS_CHANGED',
      createdAt: kstTimestamp(now()),
      data: structuredClone(payment),
    } as never);

  /** Basic base64("<secretKey>:"): the colon is mandatory. */
  function authenticate(c: Context): { secretKey: string } | Outcome {
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+(\S+)$/i.exec(header);
    if (!match) return { ...tossError('UNAUTHORIZED_KEY') };
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { ...tossError('INCORRECT_BASIC_AUTH_FORMAT') };
    const secretKey = decoded.slice(0, colon);
    if (!secretKeys.has(secretKey)) return { ...tossError('UNAUTHORIZED_KEY') };
    return { secretKey };
  }

  /** Common path of every API call: auth, latency, idempotency, test code and faults. */
  async function handle(
    c: Context,
    operation: TossOperation,
    run: () => Outcome | Promise<Outcome>,
  ): Promise<Response> {
    const auth = authenticate(c);
    if (!('secretKey' in auth)) return json(c, auth);
    if (state.faults.latencyMs) await sleeper.sleep(state.faults.latencyMs);
    const record: TossCallRecord = { operation, path: c.req.path, status: 0, delivery: 'sent' };
    state.calls.push(record);
    const finish = (outcome: Outcome) => {
      record.status = outcome.status;
      return json(c, outcome);
    };

    const key = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
    let scope: string | undefined;
    if (key !== undefined) {
      record.idempotencyKey = key;
      if (key.length === 0 || key.length > 300)
        return finish(tossError('INVALID_IDEMPOTENCY_KEY', '멱등키는 1자 이상 300자 이하여야 합니다.'));
      scope = `${auth.secretKey}\u0000${c.req.method}\u0000${c.req.path}\u0000${key}`;
      const stored = state.idempotency.get(scope);
      if (stored === 'IN_FLIGHT') return finish(tossError('IDEMPOTENT_REQUEST_PROCESSING'));
      if (stored) {
        record.delivery = 'replayed';
        return finish(stored);
      }
      state.idempotency.set(scope, 'IN_FLIGHT');
    }
    try {
      const testCode = c.req.header('tosspayments-test-code');
      if (testCode && auth.secretKey.startsWith('test_')) return finish(tossError(testCode));

      const transient = takeFault(state.faults, 'transient', operation, 'confirm');
      if (transient) {
        const error = tossError(transient.code ?? 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING');
        return finish({ status: transient.status ?? error.status, body: error.body });
      }
      const timeout = takeFault(state.faults, 'timeout', operation, 'confirm');
      const lose = timeout ? undefined : takeFault(state.faults, 'loseResponse', operation, 'confirm');

      if (timeout && timeout.process === false) {
        await hang(sleeper, timeout, record, 30_000);
        return finish(tossError('FAILED_INTERNAL_SYSTEM_PROCESSING'));
      }
      const outcome = await run();
      // Still in flight for Toss: a duplicate with the same key meanwhile gets 409.
      if (timeout) await hang(sleeper, timeout, record, 30_000);
      if (scope && outcome.status >= 200 && outcome.status < 300) state.idempotency.set(scope, outcome);
      if (lose) {
        record.status = outcome.status;
        return loseAnswer(c, lose, record, () =>
          c.json(tossError('FAILED_INTERNAL_SYSTEM_PROCESSING').body, 500),
        );
      }
      return finish(outcome);
    } finally {
      if (scope && state.idempotency.get(scope) === 'IN_FLIGHT') state.idempotency.delete(scope);
    }
  }

  function confirm(c: Context, body: Record<string, unknown>): Outcome {
    const { paymentKey, orderId, amount } = body;
    if (typeof paymentKey !== 'string' || typeof orderId !== 'string' || !Number.isSafeInteger(amount)) {
      return tossError(
        'INVALID_REQUEST',
        '잘못된 요청입니다. paymentKey, orderId, amount(정수)를 확인해주세요.',
      );
    }
    const payment = state.payments.get(paymentKey);
    if (!payment) return tossError('NOT_FOUND_PAYMENT_SESSION');
    if (payment.orderId !== orderId)
      return tossError('INVALID_REQUEST', '주문번호가 결제 정보와 일치하지 않습니다.');
    if (payment.status === 'ABORTED' || payment.status === 'EXPIRED')
      return tossError('NOT_FOUND_PAYMENT_SESSION');
    if (payment.status !== 'IN_PROGRESS' && payment.status !== 'READY')
      return tossError('ALREADY_PROCESSED_PAYMENT');
    if (amount !== payment.totalAmount)
      return tossError(
        'INVALID_REQUEST',
        `요청한 결제 금액(${amount})이 결제창에서 인증된 금액(${payment.totalAmount})과 일치하지 않습니다.`,
      );

    const decline = spendFault(state.faults, 'decline');
    if (decline) {
      const error = tossError(decline.code, decline.message);
      payment.status = 'ABORTED';
      payment.failure = error.body;
      statusChanged(payment);
      return error;
    }
    approve(
      payment,
      state.choices.get(paymentKey) ?? { method: 'CARD', international: false },
      now(),
      apiBase(c),
    );
    statusChanged(payment);
    return { status: 200, body: structuredClone(payment) };
  }

  function cancel(paymentKey: string, body: Record<string, unknown>): Outcome {
    const { cancelReason, cancelAmount } = body;
    if (typeof cancelReason !== 'string' || cancelReason.trim() === '' || cancelReason.length > 200) {
      return tossError('INVALID_REQUEST', '취소 사유(cancelReason)는 1자 이상 200자 이하로 입력해주세요.');
    }
    if (
      cancelAmount !== undefined &&
      cancelAmount !== null &&
      !(Number.isSafeInteger(cancelAmount) && (cancelAmount as number) > 0)
    ) {
      return tossError('INVALID_REQUEST', '취소 금액(cancelAmount)은 0보다 큰 정수여야 합니다.');
    }
    const payment = state.payments.get(paymentKey);
    if (!payment) return tossError('NOT_FOUND_PAYMENT');
    if (payment.status === 'CANCELED') return tossError('ALREADY_CANCELED_PAYMENT');
    const cancelable =
      payment.status === 'DONE' ||
      payment.status === 'PARTIAL_CANCELED' ||
      (payment.status === 'WAITING_FOR_DEPOSIT' && cancelAmount == null);
    if (!cancelable) return tossError('NOT_CANCELABLE_PAYMENT');
    const amount = (cancelAmount as number | undefined) ?? payment.balanceAmount;
    if (amount > payment.balanceAmount) return tossError('NOT_CANCELABLE_AMOUNT');
    applyCancel(payment, amount, cancelReason, now());
    statusChanged(payment);
    return { status: 200, body: structuredClone(payment) };
  }

  const found = (payment: TossPayment | undefined): Outcome =>
    payment ? { status: 200, body: structuredClone(payment) } : tossError('NOT_FOUND_PAYMENT');

  const readJson = (c: Context) => jsonObjectOf(c.req);

  const api = new Hono();
  api.post('/v1/payments/confirm', async (c) => {
    const body = await readJson(c);
    return handle(c, 'confirm', () =>
      body ? confirm(c, body) : tossError('INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.'),
    );
  });
  api.get('/v1/payments/orders/:orderId', (c) =>
    handle(c, 'lookup', () => found(state.payments.get(state.orders.get(c.req.param('orderId')) ?? ''))),
  );
  api.get('/v1/payments/:paymentKey', (c) =>
    handle(c, 'lookup', () => found(state.payments.get(c.req.param('paymentKey')))),
  );
  api.post('/v1/payments/:paymentKey/cancel', async (c) => {
    const body = await readJson(c);
    return handle(c, 'cancel', () =>
      body
        ? cancel(c.req.param('paymentKey'), body)
        : tossError('INVALID_REQUEST', '요청 본문이 올바른 JSON이 아닙니다.'),
    );
  });
  api.notFound((c) => c.json(tossError('NOT_FOUND').body, 404));

  const sandbox = new Hono();
  sandbox.get('/checkout', (c) => {
    const params = parseCheckoutParams(c.req.query());
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    return c.html(renderCheckoutPage(params, c.req.path));
  });
  const windowForm = async (c: Context) => {
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
    );
    const params = parseCheckoutParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')));
    return { form, params };
  };
  sandbox.post('/checkout/approve', async (c) => {
    const { form, params } = await windowForm(c);
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    const previous = state.payments.get(state.orders.get(params.orderId) ?? '');
    if (
      previous &&
      previous.status !== 'IN_PROGRESS' &&
      previous.status !== 'READY' &&
      previous.status !== 'ABORTED' &&
      previous.status !== 'EXPIRED'
    ) {
      return c.redirect(
        redirectUrl(params.failUrl, {
          code: 'DUPLICATED_ORDER_ID',
          message: tossError('DUPLICATED_ORDER_ID').body.message,
          orderId: params.orderId,
        }),
        303,
      );
    }
    const choice: WindowChoice = {
      method: params.method,
      easyPay: params.easyPay,
      international: form.cardScope ? form.cardScope === 'OVERSEAS' : params.useInternationalCardOnly,
    };
    const payment = newAuthenticatedPayment({
      mId,
      orderId: params.orderId,
      orderName: params.orderName,
      amount: params.amount,
      choice,
      at: now(),
      baseUrl: `${new URL(c.req.url).origin}/toss`,
    });
    state.payments.set(payment.paymentKey, payment);
    state.orders.set(payment.orderId, payment.paymentKey);
    state.choices.set(payment.paymentKey, choice);
    return c.redirect(
      redirectUrl(params.successUrl, {
        paymentType: 'NORMAL',
        orderId: params.orderId,
        paymentKey: payment.paymentKey,
        amount: String(params.amount),
      }),
      303,
    );
  });
  sandbox.post('/checkout/fail', async (c) => {
    const { form, params } = await windowForm(c);
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    const code =
      form.code && (TOSS_WINDOW_ERRORS[form.code] || tossError(form.code).status < 500)
        ? form.code
        : 'REJECT_CARD_COMPANY';
    const message = TOSS_WINDOW_ERRORS[code] ?? tossError(code).body.message;
    return c.redirect(redirectUrl(params.failUrl, { code, message, orderId: params.orderId }), 303);
  });
  sandbox.post('/checkout/cancel', async (c) => {
    const { params } = await windowForm(c);
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    return c.redirect(
      redirectUrl(params.failUrl, {
        code: 'PAY_PROCESS_CANCELED',
        message: TOSS_WINDOW_ERRORS.PAY_PROCESS_CANCELED!,
        orderId: params.orderId,
      }),
      303,
    );
  });

  const control = new Hono();
  /** The buyer pays into the virtual account (Toss: "테스트 결제내역" → 입금 처리 in the console). */
  control.post('/deposits', async (c) => {
    const body = (await readJson(c)) ?? {};
    const payment = state.payments.get(state.orders.get(String(body.orderId)) ?? '');
    if (!payment || payment.status !== 'WAITING_FOR_DEPOSIT')
      return c.json({ error: 'no virtual account waiting for a deposit for this orderId' }, 404);
    payment.status = 'DONE';
    payment.approvedAt = kstTimestamp(now());
    payment.lastTransactionKey = newTransactionKey();
    if (payment.virtualAccount) payment.virtualAccount.settlementStatus = 'COMPLETED';
    webhooks.send({
      createdAt: kstTimestamp(now()),
      secret: payment.secret,
      status: 'DONE',
      transactionKey: payment.lastTransactionKey,
      orderId: payment.orderId,
    } as never);
    statusChanged(payment);
    return c.json(structuredClone(payment));
  });

  return {
    name: 'toss',
    state,
    api,
    sandbox,
    control,
    setFaults: knobs.setFaults,
    faults: knobs.faults,
    payments: () => [...state.payments.values()].map((p) => structuredClone(p)),
    webhooks: () => webhooks.deliveries.map((d) => ({ ...d })),
    flushWebhooks: () => webhooks.flush(),
    configure(config) {
      if ('webhookUrl' in config)
        state.webhookUrl = config.webhookUrl === null ? undefined : String(config.webhookUrl);
    },
    reset() {
      sleeper.wakeAll();
      state.payments.clear();
      state.orders.clear();
      state.choices.clear();
      state.idempotency.clear();
      state.calls.length = 0;
      knobs.restoreFaults();
      state.webhookUrl = options.webhookUrl;
      webhooks.reset();
    },
    close() {
      webhooks.close();
      sleeper.wakeAll();
    },
  };
}
