import { randomBytes, randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { Sleeper, type PgSimulatorModule } from '../sim-module';
import {
  checkFaultKnobs,
  faultControls,
  spendFault,
  takeFault,
  type CountedFault,
} from '../shared/counted-faults';
import { hang, loseAnswer } from '../shared/delivery-faults';
import { jsonObjectOf } from '../shared/json-body';
import {
  answerBody,
  kst,
  newTid,
  sha256,
  type NicepayMethod,
  type NicepayTransaction,
} from './nicepay-objects';
import { NicepayWebhookSender } from './nicepay-webhook-sender';
import { isHttpUrl, renderAutoPost, renderErrorPage, renderWindowPage } from '../shared/window-page';

/**
 * NicePay's new API (server-approval model) as a local fake, written from docs/vendors/nicepay.md: Basic and
 * Bearer auth, approve / cancel / partial cancel / net-cancel (1 hour) / look-up by tid and by
 * orderId, SHA-256 `signData` checked on every request that carries one (A101 when wrong) and a
 * `signature` on every answer about a transaction, result codes with HTTP 200, webhooks that need
 * the text `OK`, and the sandbox payment window POSTing its result to returnUrl.
 *
 * Where NicePay documents nothing, the fake chooses and says so: an unknown tid on a look-up is
 * HTTP 404 with A118; an authenticated, unapproved card transaction looks up as `ready`; a failed
 * authentication in the window posts `authResultCode` 3095 (카드사 실패 응답).
 */
export const NICEPAY_DOC_CLIENT = {
  clientKey: 'af0d116236df437f831483ee9c500bc4',
  secretKey: '433a8421be754b34989048cf148a5ffc',
};

export type NicepayOperation = 'approve' | 'cancel' | 'netCancel' | 'lookup';
const OPERATIONS: NicepayOperation[] = ['approve', 'cancel', 'netCancel', 'lookup'];

export interface NicepayFaults {
  latencyMs?: number;
  /** Next approval(s) fail with this card code (default 3095 카드사 실패 응답); the transaction becomes `failed`. */
  decline?: { code?: string; message?: string; times?: number };
  /** Next call(s) answer HTTP 200 with a retryable resultCode (default 2000 DB오류) and do nothing. */
  transient?: CountedFault<NicepayOperation> & { code?: string; message?: string };
  /** Next call(s) hang `hangMs` (past the client's timeout); the operation is still done unless `process: false`. */
  timeout?: CountedFault<NicepayOperation> & { hangMs?: number; process?: boolean };
  /** Next call(s) are done, then the answer is lost: dropped connection (`drop`) or HTTP 500 (`error`). */
  loseResponse?: CountedFault<NicepayOperation> & { mode?: 'drop' | 'error' };
  /** Next answer(s) carry a signature that does not match (a forged or broken answer). */
  badSignature?: CountedFault<NicepayOperation>;
  webhooks?: { duplicate?: boolean; badSignature?: boolean };
}

export interface NicepaySimulatorOptions {
  /** Client key → secret key pairs the fake accepts (default: the doc example pair). */
  clients?: Array<{ clientKey: string; secretKey: string }>;
  /** The shop's webhook endpoint (registered in NicePay's merchant admin). */
  webhookUrl?: string;
  /** Retries of an undelivered webhook (default none: NicePay resends by hand). */
  webhookRetryDelaysMs?: number[];
  /** Net-cancel is accepted this long after the approval (default 1 hour). */
  netCancelWindowMs?: number;
  faults?: NicepayFaults;
  now?: () => Date;
}

export interface NicepaySimulatorState {
  transactions: Map<string, NicepayTransaction>;
  /** orderId → tid of the order's latest transaction. */
  orders: Map<string, string>;
  tokens: Map<string, { clientKey: string; expiresAtMs: number }>;
  faults: NicepayFaults;
  webhookUrl?: string;
  calls: Array<{
    operation: NicepayOperation | 'token';
    path: string;
    status: number;
    resultCode?: string;
    delivery: string;
  }>;
}

export interface NicepaySimulator extends PgSimulatorModule {
  readonly state: NicepaySimulatorState;
  /** Waits for webhook deliveries in flight. */
  webhooksSettled(): Promise<void>;
}

type Outcome = { status: number; body: Record<string, unknown> };
const TOKEN_LIFETIME_MS = 30 * 60_000;
const METHODS: NicepayMethod[] = ['card', 'bank', 'vbank', 'kakaopay', 'naverpayCard'];

export function createNicepaySimulator(options: NicepaySimulatorOptions = {}): NicepaySimulator {
  const now = options.now ?? (() => new Date());
  const clients = new Map((options.clients ?? [NICEPAY_DOC_CLIENT]).map((c) => [c.clientKey, c.secretKey]));
  const netCancelWindowMs = options.netCancelWindowMs ?? 3600_000;
  const sleeper = new Sleeper();
  const state: NicepaySimulatorState = {
    transactions: new Map(),
    orders: new Map(),
    tokens: new Map(),
    faults: structuredClone(options.faults ?? {}),
    webhookUrl: options.webhookUrl,
    calls: [],
  };
  const knobs = faultControls(state.faults, options.faults, (input): NicepayFaults => {
    checkFaultKnobs(
      input,
      ['latencyMs', 'decline', 'transient', 'timeout', 'loseResponse', 'badSignature', 'webhooks'],
      OPERATIONS,
      'NicePay',
    );
    return input;
  });
  const webhooks = new NicepayWebhookSender({
    url: () => state.webhookUrl,
    retryDelaysMs: () => options.webhookRetryDelaysMs ?? [],
    sleeper,
    now,
  });

  const result = (code: string, message: string, status = 200): Outcome => ({
    status,
    body: { resultCode: code, resultMsg: message },
  });
  const secretOf = (tx: NicepayTransaction) => clients.get(tx.clientId)!;

  function notify(tx: NicepayTransaction, code: string, message: string, cancelledTid?: string): void {
    const corrupt = state.faults.webhooks?.badSignature === true;
    const body = answerBody(tx, code, message, secretOf(tx), now(), {
      corruptSignature: corrupt,
      cancelledTid,
    });
    webhooks.send(body, state.faults.webhooks?.duplicate ? 2 : 1);
  }

  /** Basic base64(clientKey:secretKey), or a Bearer token from /v1/access-token. */
  function authenticate(c: Context): { clientKey: string } | Outcome {
    const header = c.req.header('authorization') ?? '';
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const clientKey = decoded.slice(0, colon);
      if (colon < 0 || clients.get(clientKey) !== decoded.slice(colon + 1))
        return result('U101', '인증에 실패하였습니다. clientKey 또는 secretKey를 확인해주세요.', 401);
      return { clientKey };
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) {
      const token = state.tokens.get(bearer[1]!);
      if (!token || token.expiresAtMs <= now().getTime())
        return result('U102', '유효하지 않거나 만료된 토큰입니다.', 401);
      return { clientKey: token.clientKey };
    }
    return result('U100', 'Authorization 헤더가 없습니다.', 401);
  }

  const readJson = async (c: Context) => (await jsonObjectOf(c.req)) ?? {};

  /** Common path of every API call: auth, latency, faults, answer signing faults, delivery faults. */
  async function handle(
    c: Context,
    operation: NicepayOperation,
    run: (clientKey: string) => Outcome,
  ): Promise<Response> {
    const auth = authenticate(c);
    const record = {
      operation,
      path: c.req.path,
      status: 0,
      delivery: 'sent',
    } as NicepaySimulatorState['calls'][number];
    state.calls.push(record);
    const finish = (outcome: Outcome) => {
      record.status = outcome.status;
      record.resultCode = outcome.body.resultCode as string | undefined;
      return c.json(outcome.body, outcome.status as 200);
    };
    if (!('clientKey' in auth)) return finish(auth);
    if (state.faults.latencyMs) await sleeper.sleep(state.faults.latencyMs);
    const transient = takeFault(state.faults, 'transient', operation, 'approve');
    if (transient) return finish(result(transient.code ?? '2000', transient.message ?? 'DB오류'));
    const timeout = takeFault(state.faults, 'timeout', operation, 'approve');
    const lose = timeout ? undefined : takeFault(state.faults, 'loseResponse', operation, 'approve');
    const forge = takeFault(state.faults, 'badSignature', operation, 'approve');
    if (timeout && timeout.process === false) {
      await hang(sleeper, timeout, record, 35_000);
      return finish(result('2000', 'DB오류'));
    }
    const outcome = run(auth.clientKey);
    if (forge && typeof outcome.body.signature === 'string')
      outcome.body.signature = sha256(`forged${outcome.body.signature}`);
    if (timeout) await hang(sleeper, timeout, record, 35_000);
    if (lose) {
      record.status = outcome.status;
      record.resultCode = outcome.body.resultCode as string | undefined;
      return loseAnswer(c, lose, record, () => c.text('Internal Server Error', 500));
    }
    return finish(outcome);
  }

  function badSignData(body: Record<string, unknown>, expected: string): boolean {
    return body.signData !== undefined && String(body.signData).toLowerCase() !== expected;
  }

  function approve(clientKey: string, tid: string, body: Record<string, unknown>): Outcome {
    const secretKey = clients.get(clientKey)!;
    const tx = state.transactions.get(tid);
    if (!tx) return result('A115', 'TID가 유효하지 않습니다');
    if (tx.clientId !== clientKey) return result('A122', '타 상점 거래 처리 불가(MID 불일치)');
    if (!Number.isSafeInteger(body.amount)) return result('A117', '필수입력항목이 누락되었습니다 (amount)');
    if (body.signData !== undefined && typeof body.ediDate !== 'string')
      return result('A117', '필수입력항목이 누락되었습니다 (ediDate)');
    if (badSignData(body, sha256(`${tid}${String(body.amount)}${String(body.ediDate)}${secretKey}`)))
      return result('A101', 'SIGN DATA 검증에 실패하였습니다');
    if (tx.approved) return result('2201', '기승인존재');
    if (tx.status === 'failed') return result('A210', '인증 요청내역이 존재하지 않습니다');
    if (body.amount !== tx.amount)
      return result('A123', '거래금액 불일치(인증된 금액과 승인요청 금액 불일치)');

    const decline = spendFault(state.faults, 'decline');
    if (decline) {
      tx.status = 'failed';
      tx.failedAt = now();
      const code = decline.code ?? '3095';
      const message = decline.message ?? '카드사 실패 응답';
      tx.failure = { code, message };
      return { status: 200, body: answerBody(tx, code, message, secretKey, now()) };
    }
    tx.approved = true;
    tx.approvedAt = now();
    tx.approveNo = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    if (tx.method === 'vbank') {
      tx.status = 'ready';
    } else {
      tx.status = 'paid';
      tx.paidAt = tx.approvedAt;
    }
    notify(tx, '0000', '정상 처리되었습니다.');
    return { status: 200, body: answerBody(tx, '0000', '정상 처리되었습니다.', secretKey, now()) };
  }

  function applyCancel(tx: NicepayTransaction, amount: number, reason: string, orderId: string): string {
    const cancelledTid = newTid(now(), '02');
    tx.cancels.push({
      tid: cancelledTid,
      amount,
      cancelledAt: kst(now()),
      reason,
      receiptUrl: `https://npg.nicepay.co.kr/issue/IssueLoader.do?type=0&TID=${cancelledTid}`,
      couponAmt: 0,
      orderId,
    });
    tx.balanceAmt -= amount;
    tx.status = tx.balanceAmt === 0 ? 'cancelled' : 'partialCancelled';
    tx.cancelledAt = now();
    tx.lastCancelledTid = cancelledTid;
    notify(tx, '2001', '취소 성공', cancelledTid);
    return cancelledTid;
  }

  function cancel(clientKey: string, tid: string, body: Record<string, unknown>): Outcome {
    const secretKey = clients.get(clientKey)!;
    const { reason, orderId, cancelAmt } = body;
    if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 100)
      return result('A117', '필수입력항목이 누락되었습니다 (reason: 1–100자)');
    if (typeof orderId !== 'string' || orderId === '' || orderId.length > 64)
      return result('A117', '필수입력항목이 누락되었습니다 (orderId)');
    if (badSignData(body, sha256(`${tid}${String(body.ediDate)}${secretKey}`)))
      return result('A101', 'SIGN DATA 검증에 실패하였습니다');
    const tx = state.transactions.get(tid);
    if (!tx || tx.clientId !== clientKey) return result('2012', '취소 해당거래 없음');
    if (tx.status === 'cancelled') return result('2013', '취소 완료 거래');
    if (!tx.approved || (tx.status !== 'paid' && tx.status !== 'partialCancelled' && tx.status !== 'ready'))
      return result('2014', '취소 불가능 거래');
    const partial = cancelAmt !== undefined && cancelAmt !== null;
    if (partial) {
      if (!Number.isSafeInteger(cancelAmt) || (cancelAmt as number) <= 0)
        return result('2010', '취소 요청금액 0원 이하');
      if ((cancelAmt as number) > tx.balanceAmt) return result('2032', '취소금액이 취소가능금액보다 큼');
      if (orderId === tx.orderId || tx.cancels.some((c) => c.orderId === orderId))
        return result('A127', '주문번호 중복 오류');
    }
    const cancelledTid = applyCancel(tx, partial ? (cancelAmt as number) : tx.balanceAmt, reason, orderId);
    return { status: 200, body: answerBody(tx, '2001', '취소 성공', secretKey, now(), { cancelledTid }) };
  }

  function netCancel(clientKey: string, body: Record<string, unknown>): Outcome {
    const secretKey = clients.get(clientKey)!;
    const { orderId } = body;
    if (typeof orderId !== 'string' || orderId === '')
      return result('A117', '필수입력항목이 누락되었습니다 (orderId)');
    if (badSignData(body, sha256(`${orderId}${String(body.ediDate)}${secretKey}`)))
      return result('A101', 'SIGN DATA 검증에 실패하였습니다');
    const tx = state.transactions.get(state.orders.get(orderId) ?? '');
    if (!tx || tx.clientId !== clientKey || !tx.approved) return result('2012', '취소 해당거래 없음');
    if (tx.status === 'cancelled') return result('2013', '취소 완료 거래');
    if (now().getTime() - tx.approvedAt!.getTime() > netCancelWindowMs)
      return result('2020', '망상 취소 허용시간 초과');
    const cancelledTid = applyCancel(tx, tx.balanceAmt, '망취소', orderId);
    return { status: 200, body: answerBody(tx, '2001', '취소 성공', secretKey, now(), { cancelledTid }) };
  }

  const found = (tx: NicepayTransaction | undefined, clientKey: string): Outcome =>
    tx && tx.clientId === clientKey
      ? { status: 200, body: answerBody(tx, '0000', '조회 성공', clients.get(clientKey)!, now()) }
      : result('A118', '조회 결과데이터 없음', 404);

  const api = new Hono();
  api.post('/v1/access-token', (c) => {
    const header = c.req.header('authorization') ?? '';
    if (!/^Basic\s/i.test(header)) {
      state.calls.push({ operation: 'token', path: c.req.path, status: 401, delivery: 'sent' });
      return c.json(result('U100', 'Basic 인증이 필요합니다.').body, 401);
    }
    const auth = authenticate(c);
    if (!('clientKey' in auth)) return c.json(auth.body, 401);
    const nowMs = now().getTime();
    let token = [...state.tokens.entries()].find(
      ([, t]) => t.clientKey === auth.clientKey && t.expiresAtMs > nowMs,
    );
    if (!token) {
      token = [
        randomBytes(24).toString('base64url'),
        { clientKey: auth.clientKey, expiresAtMs: nowMs + TOKEN_LIFETIME_MS },
      ];
      state.tokens.set(token[0], token[1]);
    }
    state.calls.push({
      operation: 'token',
      path: c.req.path,
      status: 200,
      resultCode: '0000',
      delivery: 'sent',
    });
    return c.json({
      resultCode: '0000',
      resultMsg: '정상 처리되었습니다.',
      accessToken: token[0],
      tokenType: 'Bearer',
      expireAt: kst(new Date(token[1].expiresAtMs)),
      now: kst(now()),
    });
  });
  api.post('/v1/payments/netcancel', async (c) => {
    const body = await readJson(c);
    return handle(c, 'netCancel', (clientKey) => netCancel(clientKey, body));
  });
  api.post('/v1/payments/:tid/cancel', async (c) => {
    const body = await readJson(c);
    return handle(c, 'cancel', (clientKey) => cancel(clientKey, c.req.param('tid'), body));
  });
  api.post('/v1/payments/:tid', async (c) => {
    const body = await readJson(c);
    return handle(c, 'approve', (clientKey) => approve(clientKey, c.req.param('tid'), body));
  });
  api.get('/v1/payments/find/:orderId', (c) =>
    handle(c, 'lookup', (clientKey) => {
      const orderDate = c.req.query('orderDate');
      if (!orderDate || !/^\d{8}$/.test(orderDate))
        return result('A117', '필수입력항목이 누락되었습니다 (orderDate)');
      const tx = state.transactions.get(state.orders.get(c.req.param('orderId')) ?? '');
      const day = tx ? kst(tx.createdAt).slice(0, 10).replaceAll('-', '') : '';
      return found(day === orderDate ? tx : undefined, clientKey);
    }),
  );
  api.get('/v1/payments/:tid', (c) =>
    handle(c, 'lookup', (clientKey) => found(state.transactions.get(c.req.param('tid')), clientKey)),
  );
  api.notFound((c) => c.json(result('A999', '지원하지 않는 API입니다.').body, 404));

  const sandbox = new Hono();
  type WindowParams = {
    clientId: string;
    method: NicepayMethod;
    orderId: string;
    amount: number;
    goodsName: string;
    returnUrl: string;
    cancelUrl?: string;
    cardCode?: string;
    mallReserved: string;
  };
  function windowParams(query: Record<string, string | undefined>): WindowParams | { error: string } {
    for (const name of ['clientId', 'method', 'orderId', 'amount', 'goodsName', 'returnUrl'])
      if (!query[name]) return { error: `${name} is required` };
    if (!clients.has(query.clientId!)) return { error: `unknown clientId ${query.clientId}` };
    if (!METHODS.includes(query.method as NicepayMethod))
      return { error: `method must be one of ${METHODS.join(', ')}` };
    const amount = Number(query.amount);
    if (!Number.isSafeInteger(amount) || amount <= 0)
      return { error: 'amount must be a positive integer (KRW)' };
    if (query.orderId!.length > 64) return { error: 'orderId must be at most 64 characters' };
    if (!isHttpUrl(query.returnUrl)) return { error: 'returnUrl must be an absolute http(s) URL' };
    if (query.cancelUrl && !isHttpUrl(query.cancelUrl))
      return { error: 'cancelUrl must be an absolute http(s) URL' };
    return {
      clientId: query.clientId!,
      method: query.method as NicepayMethod,
      orderId: query.orderId!,
      amount,
      goodsName: query.goodsName!.slice(0, 40),
      returnUrl: query.returnUrl!,
      cancelUrl: query.cancelUrl || undefined,
      cardCode: query.cardCode || undefined,
      mallReserved: query.mallReserved ?? '',
    };
  }
  const paidBefore = (orderId: string) => {
    const tx = state.transactions.get(state.orders.get(orderId) ?? '');
    return !!tx && tx.approved;
  };
  const formOf = async (c: Context) =>
    Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
    ) as Record<string, string>;
  const withoutEmpty = (form: Record<string, string>) =>
    Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));

  sandbox.get('/checkout', (c) => {
    const params = windowParams(c.req.query());
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    if (paidBefore(params.orderId))
      return c.html(renderErrorPage('이미 결제된 주문번호(orderId)입니다.'), 400);
    const allowed = params.cardCode?.split(',');
    const cards: Array<[string, string]> = [
      ['04', '삼성카드 (국내)'],
      ['06', '신한카드 (국내)'],
      ['25', '해외비자 VISA (해외)'],
      ['26', '해외마스터 Master (해외)'],
    ];
    const options = cards.filter(([code]) => !allowed || allowed.includes(code));
    const hidden = Object.fromEntries(
      Object.entries({ ...params, amount: String(params.amount) }).map(([k, v]) => [k, v ?? '']),
    );
    return c.html(
      renderWindowPage({
        title: '나이스페이 결제창',
        facts: [
          ['상품명', params.goodsName],
          ['주문번호', params.orderId],
          ['결제 금액', `${params.amount.toLocaleString('ko-KR')}원`],
          ['결제 수단', params.method],
        ],
        actionBase: c.req.path,
        hidden,
        approveControls:
          params.method === 'card'
            ? `<label>카드 <select name="chosenCard">${options
                .map(
                  ([code, label], i) =>
                    `<option value="${code}"${i === 0 ? ' selected' : ''}>${label}</option>`,
                )
                .join('')}</select></label>`
            : '',
        failControls: `<select name="authResultCode"><option value="3095" selected>카드사 실패 응답 (3095)</option><option value="3011">카드번호 오류 (3011)</option></select>`,
      }),
    );
  });
  sandbox.post('/checkout/approve', async (c) => {
    const form = await formOf(c);
    const params = windowParams(withoutEmpty(form));
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    if (paidBefore(params.orderId))
      return c.html(renderErrorPage('이미 결제된 주문번호(orderId)입니다.'), 400);
    const at = now();
    const tx: NicepayTransaction = {
      tid: newTid(at),
      clientId: params.clientId,
      orderId: params.orderId,
      amount: params.amount,
      goodsName: params.goodsName,
      method: params.method,
      cardCode: form.chosenCard || params.cardCode?.split(',')[0] || '04',
      authToken: `NICEUNTT${randomUUID().replaceAll('-', '').toUpperCase()}`.slice(0, 40),
      mallReserved: params.mallReserved,
      status: 'ready',
      approved: false,
      balanceAmt: params.amount,
      createdAt: at,
      cancels: [],
    };
    state.transactions.set(tx.tid, tx);
    state.orders.set(tx.orderId, tx.tid);
    const secretKey = clients.get(tx.clientId)!;
    return c.html(
      renderAutoPost(
        params.returnUrl,
        {
          authResultCode: '0000',
          authResultMsg: '인증 성공',
          tid: tx.tid,
          clientId: tx.clientId,
          orderId: tx.orderId,
          amount: String(tx.amount),
          mallReserved: tx.mallReserved,
          authToken: tx.authToken,
          signature: sha256(`${tx.authToken}${tx.clientId}${tx.amount}${secretKey}`),
        },
        '나이스페이 인증 결과',
      ),
    );
  });
  sandbox.post('/checkout/fail', async (c) => {
    const form = await formOf(c);
    const params = windowParams(withoutEmpty(form));
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    const code = /^[0-9A-Z]{4}$/.test(form.authResultCode ?? '') ? form.authResultCode! : '3095';
    return c.html(
      renderAutoPost(
        params.returnUrl,
        {
          authResultCode: code,
          authResultMsg: code === '3011' ? '카드번호 오류' : '카드사 실패 응답',
          clientId: params.clientId,
          orderId: params.orderId,
          amount: String(params.amount),
          mallReserved: params.mallReserved,
        },
        '나이스페이 인증 결과',
      ),
    );
  });
  sandbox.post('/checkout/cancel', async (c) => {
    const params = windowParams(withoutEmpty(await formOf(c)));
    if ('error' in params) return c.html(renderErrorPage(params.error), 400);
    // NicePay tells the page's fnError callback, not returnUrl; the shop's fnError sends the buyer to its cancel page.
    if (params.cancelUrl) return c.redirect(params.cancelUrl, 303);
    return c.html(
      '<!doctype html><html lang="ko"><meta charset="utf-8"><p>결제를 취소했습니다. 창을 닫아주세요.</p></html>',
    );
  });

  const control = new Hono();
  /** The buyer pays into the virtual account. */
  control.post('/deposits', async (c) => {
    const body = await readJson(c);
    const tx = state.transactions.get(state.orders.get(String(body.orderId)) ?? '');
    if (!tx || tx.method !== 'vbank' || tx.status !== 'ready' || !tx.approved)
      return c.json({ error: 'no virtual account waiting for a deposit for this orderId' }, 404);
    tx.status = 'paid';
    tx.paidAt = now();
    notify(tx, '4110', '가상계좌 입금 성공');
    return c.json(answerBody(tx, '4110', '가상계좌 입금 성공', secretOf(tx), now()));
  });
  /** Resend a transaction's current state (NicePay admin: 웹훅 로그 → 재전송). */
  control.post('/webhooks/resend', async (c) => {
    const body = await readJson(c);
    const tx =
      state.transactions.get(String(body.tid)) ??
      state.transactions.get(state.orders.get(String(body.orderId)) ?? '');
    if (!tx) return c.json({ error: 'no such transaction' }, 404);
    notify(
      tx,
      tx.status === 'cancelled' || tx.status === 'partialCancelled' ? '2001' : '0000',
      '재전송',
      tx.lastCancelledTid,
    );
    await webhooks.settled();
    return c.json({ resent: true });
  });
  /** Expire every Bearer token now (NicePay's 30-minute lifetime, compressed). */
  control.post('/tokens/expire', (c) => {
    for (const token of state.tokens.values()) token.expiresAtMs = 0;
    return c.json({ expired: state.tokens.size });
  });
  /** Move a transaction's approval time back, e.g. past the 1-hour net-cancel window. */
  control.post('/age', async (c) => {
    const body = await readJson(c);
    const tx = state.transactions.get(state.orders.get(String(body.orderId)) ?? '');
    if (!tx?.approvedAt) return c.json({ error: 'no approved transaction for this orderId' }, 404);
    tx.approvedAt = new Date(tx.approvedAt.getTime() - Number(body.ms ?? 0));
    return c.json({ approvedAt: tx.approvedAt.toISOString() });
  });

  return {
    name: 'nicepay',
    state,
    api,
    sandbox,
    control,
    setFaults: knobs.setFaults,
    faults: knobs.faults,
    payments: () =>
      [...state.transactions.values()].map((tx) => answerBody(tx, '0000', '조회 성공', secretOf(tx), now())),
    webhooks: () => webhooks.deliveries.map((d) => ({ ...d })),
    webhooksSettled: () => webhooks.settled(),
    flushWebhooks: () => Promise.resolve(0),
    configure(config) {
      if ('webhookUrl' in config)
        state.webhookUrl = config.webhookUrl === null ? undefined : String(config.webhookUrl);
    },
    reset() {
      sleeper.wakeAll();
      state.transactions.clear();
      state.orders.clear();
      state.tokens.clear();
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
