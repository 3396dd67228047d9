import { randomBytes } from 'node:crypto';
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
import { moduleWithoutWebhooks } from '../shared/module-without-webhooks';
import { isHttpUrl, renderAutoPost, renderErrorPage, renderWindowPage } from '../shared/window-page';
import { authSignature, kstParts, sha256, sha512, sortedQuery } from './inicis-hashes';

/**
 * KG Inicis INIStdPay + INIAPI v1 as a local fake, written from docs/vendors/inicis.md: the payment window
 * checks the form's `signature`, `verification` and `mKey` and POSTs the auth result (authToken,
 * authUrl, netCancelUrl, idc_name) to returnUrl; approval and net-cancel at
 * `/inicis/stdpay/<idc>/api/payAuth|netCancel` check `signature` / `verification` and answer with a
 * timestamp-digit `authSignature`; INIAPI `/inicis/iniapi/api/v1/refund` checks the SHA-512
 * `hashData` of Refund and PartialRefund (`confirmPrice` = what remains).
 *
 * Inicis's error code table is not public; beside its success codes `0000` (INIStdPay) and `00`
 * (INIAPI) and the two INIAPI answers seen in public reports (`01 해당거래 없음`, `ERR205 hashData
 * 불일치`), the fake uses its own codes (SIM_CODES). A net-cancel of an authentication that was never
 * approved answers `0000` without a tid (nothing to undo).
 */
export const INICIS_TEST_MERCHANT = {
  mid: 'INIpayTest',
  signKey: 'SU5JTElURV9UUklQTEVERVNfS0VZU1RS',
  iniapiKey: 'ItEQKi3rY7uvDS8l',
};

export const SIM_CODES = {
  missingField: ['R001', '필수 파라미터 누락'],
  badSignature: ['R002', 'signature 또는 verification 검증 실패'],
  unknownAuth: ['R003', '인증 내역이 존재하지 않습니다'],
  authUsed: ['R004', '이미 승인 요청된 인증입니다'],
  wrongMid: ['R005', '상점아이디(mid) 불일치'],
  wrongIdc: ['R006', '인증 IDC와 다른 승인 URL입니다'],
  declined: ['R101', '카드사 승인 거절'],
  windowFailed: ['R901', '카드사 인증 실패'],
  refundHash: ['ERR205', 'hashData 불일치'],
  refundUnknown: ['01', '해당거래 없음'],
  refundDone: ['01', '이미 취소된 거래입니다'],
  refundAmount: ['01', '[confirmPrice] 취소 후 남는 금액이 일치하지 않습니다'],
} as const;

export type InicisOperation = 'approve' | 'netCancel' | 'refund';
const OPERATIONS: InicisOperation[] = ['approve', 'netCancel', 'refund'];

export interface InicisFaults {
  latencyMs?: number;
  /** Next approval(s) are declined (default R101); the authentication is spent. */
  decline?: { code?: string; message?: string; times?: number };
  /** Next call(s) answer HTTP 503 (busy) without doing anything. */
  transient?: CountedFault<InicisOperation> & { status?: number };
  timeout?: CountedFault<InicisOperation> & { hangMs?: number; process?: boolean };
  loseResponse?: CountedFault<InicisOperation> & { mode?: 'drop' | 'error' };
  /** Next approval answer(s) carry a wrong authSignature. */
  badSignature?: CountedFault<InicisOperation>;
}

export interface InicisSimulatorOptions {
  merchants?: Array<{ mid: string; signKey: string; iniapiKey: string }>;
  /** The IDC the window hands out (test MIDs use stg). */
  idc?: 'fc' | 'ks' | 'stg';
  faults?: InicisFaults;
  now?: () => Date;
}

export interface InicisAuth {
  authToken: string;
  mid: string;
  oid: string;
  price: number;
  goodname: string;
  gopaymethod: string;
  idc: string;
  createdAt: Date;
  /** What happened to the authentication: approval requested and its outcome. */
  state: 'authenticated' | 'approved' | 'declined' | 'net-cancelled';
  tid?: string;
}

export interface InicisTransaction {
  tid: string;
  mid: string;
  oid: string;
  price: number;
  balance: number;
  payMethod: string;
  cancelled: boolean;
  refunds: Array<{ tid: string; price: number; at: string; type: string }>;
  approvedAt: Date;
}

export interface InicisSimulatorState {
  auths: Map<string, InicisAuth>;
  transactions: Map<string, InicisTransaction>;
  faults: InicisFaults;
  calls: Array<{
    operation: InicisOperation;
    path: string;
    status: number;
    resultCode?: string;
    delivery: string;
  }>;
}

export interface InicisSimulator extends PgSimulatorModule {
  readonly state: InicisSimulatorState;
}

type Outcome = { status: number; body: Record<string, unknown> };
const answer = (
  [code, message]: readonly [string, string],
  extra: Record<string, unknown> = {},
): Outcome => ({
  status: 200,
  body: { resultCode: code, resultMsg: message, ...extra },
});

export function createInicisSimulator(options: InicisSimulatorOptions = {}): InicisSimulator {
  const now = options.now ?? (() => new Date());
  const merchants = new Map((options.merchants ?? [INICIS_TEST_MERCHANT]).map((m) => [m.mid, m]));
  const idc = options.idc ?? 'stg';
  const sleeper = new Sleeper();
  const state: InicisSimulatorState = {
    auths: new Map(),
    transactions: new Map(),
    faults: structuredClone(options.faults ?? {}),
    calls: [],
  };
  const knobs = faultControls(state.faults, options.faults, (input): InicisFaults => {
    checkFaultKnobs(
      input,
      ['latencyMs', 'decline', 'transient', 'timeout', 'loseResponse', 'badSignature'],
      OPERATIONS,
      'Inicis',
    );
    return input;
  });

  async function formOf(c: Context): Promise<Record<string, string>> {
    try {
      return Object.fromEntries(
        Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
      );
    } catch {
      return {};
    }
  }

  async function handle(c: Context, operation: InicisOperation, run: () => Outcome): Promise<Response> {
    const record = {
      operation,
      path: c.req.path,
      status: 0,
      delivery: 'sent',
    } as InicisSimulatorState['calls'][number];
    state.calls.push(record);
    const finish = (outcome: Outcome) => {
      record.status = outcome.status;
      record.resultCode = outcome.body.resultCode as string | undefined;
      return c.json(outcome.body, outcome.status as 200);
    };
    if (state.faults.latencyMs) await sleeper.sleep(state.faults.latencyMs);
    const transient = takeFault(state.faults, 'transient', operation, 'approve');
    if (transient) {
      record.status = transient.status ?? 503;
      return c.text('Service Temporarily Unavailable', (transient.status ?? 503) as 503);
    }
    const timeout = takeFault(state.faults, 'timeout', operation, 'approve');
    const lose = timeout ? undefined : takeFault(state.faults, 'loseResponse', operation, 'approve');
    if (timeout && timeout.process === false) {
      await hang(sleeper, timeout, record, 35_000);
      record.status = 504;
      return c.text('Gateway Timeout', 504);
    }
    const outcome = run();
    if (timeout) await hang(sleeper, timeout, record, 35_000);
    if (lose) {
      record.status = outcome.status;
      record.resultCode = outcome.body.resultCode as string | undefined;
      return loseAnswer(c, lose, record, () => c.text('Internal Server Error', 500));
    }
    return finish(outcome);
  }

  /** The checks shared by approval and net-cancel: fields, MID, IDC, and both signatures. */
  function checkApprovalRequest(
    form: Record<string, string>,
    pathIdc: string,
  ): { auth: InicisAuth } | Outcome {
    for (const name of ['mid', 'authToken', 'timestamp', 'signature'])
      if (!form[name]) return answer(SIM_CODES.missingField, { detail: name });
    const merchant = merchants.get(form.mid!);
    if (!merchant) return answer(SIM_CODES.wrongMid);
    const { authToken, timestamp } = form as { authToken: string; timestamp: string };
    if (form.signature!.toLowerCase() !== sha256(sortedQuery({ authToken, timestamp })))
      return answer(SIM_CODES.badSignature, { detail: 'signature' });
    if (
      form.verification !== undefined &&
      form.verification.toLowerCase() !==
        sha256(sortedQuery({ authToken, signKey: merchant.signKey, timestamp }))
    )
      return answer(SIM_CODES.badSignature, { detail: 'verification' });
    const auth = state.auths.get(authToken);
    if (!auth) return answer(SIM_CODES.unknownAuth);
    if (auth.mid !== form.mid) return answer(SIM_CODES.wrongMid);
    if (auth.idc !== pathIdc) return answer(SIM_CODES.wrongIdc);
    return { auth };
  }

  function approve(form: Record<string, string>, pathIdc: string, forge: boolean): Outcome {
    const checked = checkApprovalRequest(form, pathIdc);
    if (!('auth' in checked)) return checked;
    const { auth } = checked;
    if (auth.state !== 'authenticated') return answer(SIM_CODES.authUsed);
    const decline = spendFault(state.faults, 'decline');
    if (decline) {
      auth.state = 'declined';
      return answer([decline.code ?? SIM_CODES.declined[0], decline.message ?? SIM_CODES.declined[1]]);
    }
    const at = now();
    const payMethod = auth.gopaymethod === 'DirectBank' ? 'DirectBank' : 'Card';
    const tid = `StdpayCARD${auth.mid}${kstParts(at).date.slice(2)}${kstParts(at).time}${randomBytes(3).toString('hex')}`;
    auth.state = 'approved';
    auth.tid = tid;
    state.transactions.set(tid, {
      tid,
      mid: auth.mid,
      oid: auth.oid,
      price: auth.price,
      balance: auth.price,
      payMethod,
      cancelled: false,
      refunds: [],
      approvedAt: at,
    });
    const TotPrice = String(auth.price);
    const signature = authSignature({ mid: auth.mid, tstamp: form.timestamp!, MOID: auth.oid, TotPrice });
    return answer(['0000', '정상처리되었습니다.'], {
      tid,
      mid: auth.mid,
      MOID: auth.oid,
      TotPrice,
      goodName: auth.goodname,
      payMethod,
      applNum: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      applDate: kstParts(at).date,
      applTime: kstParts(at).time,
      currency: 'WON',
      ...(payMethod === 'Card'
        ? { CARD_Num: '94905100****123*', CARD_Quota: '00', CARD_Code: '14', CARD_Interest: '0' }
        : { ACCT_BankCode: '04' }),
      authSignature: forge ? sha256(`forged${signature}`) : signature,
    });
  }

  function netCancel(form: Record<string, string>, pathIdc: string): Outcome {
    const checked = checkApprovalRequest(form, pathIdc);
    if (!('auth' in checked)) return checked;
    const { auth } = checked;
    const tx = auth.tid ? state.transactions.get(auth.tid) : undefined;
    if (!tx) {
      auth.state = auth.state === 'authenticated' ? 'net-cancelled' : auth.state;
      return answer(['0000', '망취소 처리되었습니다 (승인 내역 없음)']);
    }
    if (!tx.cancelled) {
      tx.cancelled = true;
      tx.refunds.push({ tid: tx.tid, price: tx.balance, at: now().toISOString(), type: 'NetCancel' });
      tx.balance = 0;
    }
    auth.state = 'net-cancelled';
    return answer(['0000', '망취소 처리되었습니다'], {
      tid: tx.tid,
      MOID: tx.oid,
      TotPrice: String(tx.price),
    });
  }

  function refund(form: Record<string, string>): Outcome {
    for (const name of ['type', 'paymethod', 'timestamp', 'clientIp', 'mid', 'tid', 'hashData'])
      if (!form[name]) return answer(['01', `[${name}] 필수 파라미터 누락`]);
    const merchant = merchants.get(form.mid!);
    if (!merchant) return answer(['01', '[mid] 등록되지 않은 상점']);
    const { type, paymethod, timestamp, clientIp, mid, tid } = form as Record<string, string>;
    if (type !== 'Refund' && type !== 'PartialRefund')
      return answer(['01', '[type] Refund 또는 PartialRefund']);
    if (!/^\d{14}$/.test(timestamp!)) return answer(['01', '[timestamp] YYYYMMDDhhmmss']);
    const tail = type === 'PartialRefund' ? `${form.price ?? ''}${form.confirmPrice ?? ''}` : '';
    const expected = sha512(
      `${merchant.iniapiKey}${type}${paymethod}${timestamp}${clientIp}${mid}${tid}${tail}`,
    );
    if (form.hashData!.toLowerCase() !== expected) return answer(SIM_CODES.refundHash);
    const tx = state.transactions.get(tid!);
    if (!tx || tx.mid !== mid) return answer(SIM_CODES.refundUnknown);
    if (tx.cancelled) return answer(SIM_CODES.refundDone);
    const { date, time } = kstParts(now());
    if (type === 'Refund') {
      tx.refunds.push({ tid: tx.tid, price: tx.balance, at: now().toISOString(), type });
      tx.balance = 0;
      tx.cancelled = true;
      return answer(['00', '정상처리되었습니다.'], {
        cancelDate: date,
        cancelTime: time,
        cshrCancelNum: '',
        detailResultCode: '0000',
      });
    }
    const price = Number(form.price);
    const confirmPrice = Number(form.confirmPrice);
    if (!Number.isSafeInteger(price) || price <= 0 || price > tx.balance)
      return answer(['01', '[price] 취소 금액 오류']);
    if (confirmPrice !== tx.balance - price) return answer(SIM_CODES.refundAmount);
    const partialTid = `StdpayPRTC${tx.mid}${date.slice(2)}${time}${randomBytes(3).toString('hex')}`;
    tx.balance -= price;
    tx.refunds.push({ tid: partialTid, price, at: now().toISOString(), type });
    if (tx.balance === 0) tx.cancelled = true;
    return answer(['00', '정상처리되었습니다.'], {
      tid: partialTid,
      prtcTid: tx.tid,
      prtcPrice: String(price),
      prtcRemains: String(tx.balance),
      prtcCnt: String(tx.refunds.length),
      cancelDate: date,
      cancelTime: time,
    });
  }

  const api = new Hono();
  api.post('/stdpay/:idc/api/payAuth', async (c) => {
    const form = await formOf(c);
    return handle(c, 'approve', () => {
      const forge = takeFault(state.faults, 'badSignature', 'approve', 'approve');
      return approve(form, c.req.param('idc'), !!forge);
    });
  });
  api.post('/stdpay/:idc/api/netCancel', async (c) => {
    const form = await formOf(c);
    return handle(c, 'netCancel', () => netCancel(form, c.req.param('idc')));
  });
  api.post('/iniapi/api/v1/refund', async (c) => {
    const form = await formOf(c);
    return handle(c, 'refund', () => refund(form));
  });
  api.notFound((c) => c.text('Not Found', 404));

  type WindowForm = {
    mid: string;
    oid: string;
    price: number;
    goodname: string;
    timestamp: string;
    returnUrl: string;
    closeUrl?: string;
    gopaymethod: string;
    merchantData: string;
  };
  /** The request form as INIStdPay checks it: required fields, a known MID, and the three hashes. */
  function windowForm(fields: Record<string, string | undefined>): WindowForm | { error: string } {
    for (const name of [
      'version',
      'mid',
      'oid',
      'price',
      'goodname',
      'currency',
      'timestamp',
      'signature',
      'mKey',
      'returnUrl',
    ])
      if (!fields[name]) return { error: `${name} is required` };
    const merchant = merchants.get(fields.mid!);
    if (!merchant) return { error: `mid ${fields.mid} is not a registered merchant` };
    const price = Number(fields.price);
    if (!Number.isSafeInteger(price) || price <= 0)
      return { error: 'price must be a positive integer (KRW)' };
    const signed = { oid: fields.oid!, price: fields.price!, timestamp: fields.timestamp! };
    if (fields.signature!.toLowerCase() !== sha256(sortedQuery(signed)))
      return { error: 'signature 검증 실패' };
    if (
      fields.verification !== undefined &&
      fields.verification.toLowerCase() !== sha256(sortedQuery({ ...signed, signKey: merchant.signKey }))
    )
      return { error: 'verification 검증 실패' };
    if (fields.mKey!.toLowerCase() !== sha256(merchant.signKey)) return { error: 'mKey 검증 실패' };
    if (!isHttpUrl(fields.returnUrl)) return { error: 'returnUrl must be an absolute http(s) URL' };
    if (fields.closeUrl && !isHttpUrl(fields.closeUrl))
      return { error: 'closeUrl must be an absolute http(s) URL' };
    return {
      mid: fields.mid!,
      oid: fields.oid!,
      price,
      goodname: fields.goodname!,
      timestamp: fields.timestamp!,
      returnUrl: fields.returnUrl!,
      closeUrl: fields.closeUrl || undefined,
      gopaymethod: fields.gopaymethod || 'Card',
      merchantData: fields.merchantData ?? '',
    };
  }
  const paidBefore = (oid: string) =>
    [...state.auths.values()].some((a) => a.oid === oid && a.state === 'approved');

  const sandbox = new Hono();
  const showWindow = (c: Context, fields: Record<string, string | undefined>) => {
    const form = windowForm(fields);
    if ('error' in form) return c.html(renderErrorPage(form.error), 400);
    if (paidBefore(form.oid)) return c.html(renderErrorPage('이미 결제된 주문번호(oid)입니다.'), 400);
    const hidden = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? '']));
    return c.html(
      renderWindowPage({
        title: 'KG이니시스 결제창',
        facts: [
          ['상품명', form.goodname],
          ['주문번호', form.oid],
          ['결제 금액', `${form.price.toLocaleString('ko-KR')}원`],
          ['결제 수단', form.gopaymethod === 'DirectBank' ? '실시간 계좌이체' : '신용카드'],
        ],
        actionBase: c.req.path.replace(/\/+$/, ''),
        hidden,
      }),
    );
  };
  sandbox.get('/checkout', (c) => showWindow(c, c.req.query()));
  // INIStdPay.js posts the merchant's form to the window: accepted too.
  sandbox.post('/checkout', async (c) => showWindow(c, await formOf(c)));
  sandbox.post('/checkout/approve', async (c) => {
    const form = windowForm(await formOf(c));
    if ('error' in form) return c.html(renderErrorPage(form.error), 400);
    if (paidBefore(form.oid)) return c.html(renderErrorPage('이미 결제된 주문번호(oid)입니다.'), 400);
    const auth: InicisAuth = {
      authToken: randomBytes(48).toString('base64'),
      mid: form.mid,
      oid: form.oid,
      price: form.price,
      goodname: form.goodname,
      gopaymethod: form.gopaymethod,
      idc,
      createdAt: now(),
      state: 'authenticated',
    };
    state.auths.set(auth.authToken, auth);
    const origin = new URL(c.req.url).origin;
    return c.html(
      renderAutoPost(
        form.returnUrl,
        {
          resultCode: '0000',
          resultMsg: '성공',
          mid: form.mid,
          orderNumber: form.oid,
          authToken: auth.authToken,
          authUrl: `${origin}/inicis/stdpay/${idc}/api/payAuth`,
          netCancelUrl: `${origin}/inicis/stdpay/${idc}/api/netCancel`,
          idc_name: idc,
          charset: 'UTF-8',
          merchantData: form.merchantData,
        },
        'KG이니시스 인증 결과',
      ),
    );
  });
  sandbox.post('/checkout/fail', async (c) => {
    const form = windowForm(await formOf(c));
    if ('error' in form) return c.html(renderErrorPage(form.error), 400);
    return c.html(
      renderAutoPost(
        form.returnUrl,
        {
          resultCode: SIM_CODES.windowFailed[0],
          resultMsg: SIM_CODES.windowFailed[1],
          mid: form.mid,
          orderNumber: form.oid,
          charset: 'UTF-8',
          merchantData: form.merchantData,
        },
        'KG이니시스 인증 결과',
      ),
    );
  });
  sandbox.post('/checkout/cancel', async (c) => {
    const form = windowForm(await formOf(c));
    if ('error' in form) return c.html(renderErrorPage(form.error), 400);
    if (form.closeUrl) return c.redirect(form.closeUrl, 303);
    return c.html(
      '<!doctype html><html lang="ko"><meta charset="utf-8"><p>결제를 취소했습니다. 창을 닫아주세요.</p></html>',
    );
  });

  return moduleWithoutWebhooks({
    name: 'inicis',
    state,
    api,
    sandbox,
    knobs,
    sleeper,
    payments: () => [...state.transactions.values()].map((tx) => structuredClone(tx)),
    forget() {
      state.auths.clear();
      state.transactions.clear();
    },
  });
}
