import { Hono, type Context } from 'hono';
import { serveApp, type ServedSimulator } from '../shared/serve-app';
import { flushPending, mountSimulatorControls } from '../shared/sim-controls';
import { stateFile } from '../shared/state-file';

/**
 * SweetTracker 스마트택배 (query API) and its 추적(push) API, written from the vendor contract
 * (docs/vendors/sweettracker.md). Imports nothing from the application.
 *
 * Query API (auth: `t_key` query parameter; errors are HTTP 200 `{status: false, code, msg}`):
 *   GET  /api/v1/companylist?t_key=                      couriers
 *   GET  /api/v1/recommend?t_key=&t_invoice=             couriers whose invoices look like this one
 *   GET  /api/v1/trackingInfo?t_key=&t_code=&t_invoice=  tracking details, levels 1–6
 * Push API:
 *   POST /add_invoice  num, code, fid, callback_url, callback_type, tier, key (form or JSON)
 * Controls (tests and developers):
 *   GET  /__sim/parcels                       every parcel and its steps
 *   POST /__sim/parcels {code, invoice, level?, auto?}   a parcel the courier knows (without a push registration)
 *   POST /__sim/parcels/{code}/{invoice}/advance {level?} one step (or every step up to `level`), pushed
 *   GET  /__sim/calls                         query API calls received (for polling cadence)
 *   POST /__sim/config {stepIntervalMs}       sandbox auto-progress interval (0 = manual)
 *   GET/POST /__sim/faults, GET /__sim/webhooks, POST /__sim/webhooks/flush, POST /reset
 *
 * Simulator choices where the contract is silent (marked [sim] in docs/shipping.md): the push
 * callback is one JSON POST per step (`callback_type=json`) with the fields below, answered 2xx when
 * taken (else retried); `add_invoice` answers `{success, e_code, e_message}`; a registered invoice is
 * unknown to look-ups (104) until the courier's first scan; times are Korean local time.
 */

/** The query key the sandbox accepts (never a real key). */
export const SANDBOX_SWEETTRACKER_KEY = 'sandbox-sweettracker-key';

export const SWEETTRACKER_COMPANIES: ReadonlyArray<{ Code: string; Name: string; International: string }> = [
  { Code: '01', Name: '우체국택배', International: 'false' },
  { Code: '04', Name: 'CJ대한통운', International: 'false' },
  { Code: '05', Name: '한진택배', International: 'false' },
  { Code: '06', Name: '로젠택배', International: 'false' },
  { Code: '08', Name: '롯데택배', International: 'false' },
  { Code: '11', Name: '일양로지스', International: 'false' },
  { Code: '12', Name: 'EMS', International: 'true' },
  { Code: '13', Name: 'DHL', International: 'true' },
  { Code: '14', Name: 'UPS', International: 'true' },
  { Code: '17', Name: '천일택배', International: 'false' },
  { Code: '18', Name: '건영택배', International: 'false' },
  { Code: '21', Name: 'Fedex', International: 'true' },
  { Code: '22', Name: '대신택배', International: 'false' },
  { Code: '23', Name: '경동택배', International: 'false' },
  { Code: '24', Name: 'GS Postbox 택배', International: 'false' },
  { Code: '46', Name: 'CU 편의점택배', International: 'false' },
  { Code: '53', Name: '농협택배', International: 'false' },
  { Code: '54', Name: '홈픽택배', International: 'false' },
];

/** Invoice lengths the simulator takes per courier (what `recommend` guesses from). */
const INVOICE_LENGTHS: Record<string, number[]> = {
  '01': [13],
  '04': [10, 12],
  '05': [10, 12],
  '06': [11],
  '08': [10, 11, 12, 13],
  '22': [10, 11, 12, 13, 14],
  '23': [10, 11, 12, 13, 14],
};

/** The way every sandbox parcel travels: one step per level. */
const ROUTE: ReadonlyArray<{ level: number; kind: string; where: string }> = [
  { level: 1, kind: '상품인수', where: '서울강남' },
  { level: 2, kind: '집화처리', where: '서울강남' },
  { level: 3, kind: '간선상차', where: '옥천HUB' },
  { level: 4, kind: '간선하차', where: '대전유성' },
  { level: 5, kind: '배달출발', where: '대전유성' },
  { level: 6, kind: '배달완료', where: '대전유성' },
];

export const ERROR_MESSAGES: Record<string, string> = {
  '101': '유효하지 않은 키입니다.',
  '102': '만료된 키입니다.',
  '103': '조회 가능 횟수를 초과하였습니다.',
  '104': '유효하지 않은 운송장번호 이거나 택배사 코드 입니다.',
  '105': '하나의 운송장에 대한 일일 조회 가능 횟수를 초과하였습니다.',
  '106': '조회 중 오류가 발생하였습니다.',
};

export interface SimTrackingDetail {
  time: number;
  timeString: string;
  where: string;
  kind: string;
  level: number;
  code: string | null;
  telno: string;
  telno2: string;
  manName: string;
  manPic: string;
  remark: string | null;
}

export interface SimRegistration {
  fid: string;
  callbackUrl: string;
  callbackType: string;
  tier?: string;
}

export interface SimParcel {
  code: string;
  invoice: string;
  /** 0 until the courier's first scan. */
  level: number;
  details: SimTrackingDetail[];
  registrations: SimRegistration[];
  /** Moves forward by itself every `stepIntervalMs`. */
  auto: boolean;
  createdAt: string;
}

export interface CourierFaults {
  /** The next `lookupErrorCount` look-ups answer `{status: false, code: lookupErrorCode}`. */
  lookupErrorCode: string | null;
  lookupErrorCount: number;
  /** The next N query or push calls answer HTTP 500. */
  serverErrors: number;
  latencyMs: number;
  /** Steps are not pushed at all (the shop has to poll). */
  dropCallbacks: boolean;
  /** Every push is sent twice. */
  duplicateCallbacks: boolean;
  /** Pushes are held until POST /__sim/webhooks/flush, which sends them newest first (out of order). */
  holdCallbacks: boolean;
  /** add_invoice answers `{success: false}` with this code. */
  registerErrorCode: string | null;
}

export interface SimCall {
  operation: 'companylist' | 'recommend' | 'trackingInfo' | 'add_invoice';
  code?: string;
  invoice?: string;
  at: string;
  answer: string;
}

export interface SimCallbackDelivery {
  url: string;
  body: Record<string, unknown>;
  attempts: number;
  status?: number;
  error?: string;
}

export interface CourierSimulatorOptions {
  /** Accepted `t_key`/`key` values; default the sandbox key. */
  apiKeys?: string[];
  /** Sandbox auto-progress of registered parcels, one level per interval (0 or absent = manual). */
  stepIntervalMs?: number;
  /** Waits before the 2nd, 3rd… try of a push the shop did not take. */
  callbackRetryDelaysMs?: number[];
  now?: () => Date;
  fetch?: typeof fetch;
  /** A JSON file keeping the parcels across restarts (the local sandbox's); absent: memory only. */
  stateFile?: string;
}

const noFaults = (): CourierFaults => ({
  lookupErrorCode: null,
  lookupErrorCount: 0,
  serverErrors: 0,
  latencyMs: 0,
  dropCallbacks: false,
  duplicateCallbacks: false,
  holdCallbacks: false,
  registerErrorCode: null,
});

const KST_OFFSET_MS = 9 * 3600_000;
/** `YYYY-MM-DD HH:mm:ss` in Korean time. */
const kst = (at: Date) => new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export function createCourierSimulator(options: CourierSimulatorOptions = {}) {
  const apiKeys = options.apiKeys ?? [SANDBOX_SWEETTRACKER_KEY];
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  const retryDelays = options.callbackRetryDelaysMs ?? [1_000, 5_000, 30_000];
  const state = {
    parcels: new Map<string, SimParcel>(),
    calls: [] as SimCall[],
    deliveries: [] as SimCallbackDelivery[],
    held: [] as Array<{ url: string; body: Record<string, unknown> }>,
    faults: noFaults(),
    stepIntervalMs: options.stepIntervalMs ?? 0,
  };
  const pending = new Set<Promise<void>>();
  const retryTimers = new Set<ReturnType<typeof setTimeout>>();
  let ticker: ReturnType<typeof setInterval> | undefined;
  const saved = options.stateFile ? stateFile<{ parcels: SimParcel[] }>(options.stateFile) : null;
  for (const parcel of saved?.load()?.parcels ?? [])
    state.parcels.set(`${parcel.code}:${parcel.invoice}`, parcel);
  const persist = () => saved?.save({ parcels: [...state.parcels.values()] });

  const parcelKey = (code: string, invoice: string) => `${code}:${invoice}`;
  const knownCourier = (code: string) => SWEETTRACKER_COMPANIES.some((c) => c.Code === code);

  function parcelOf(code: string, invoice: string): SimParcel {
    const key = parcelKey(code, invoice);
    let parcel = state.parcels.get(key);
    if (!parcel) {
      parcel = {
        code,
        invoice,
        level: 0,
        details: [],
        registrations: [],
        auto: false,
        createdAt: now().toISOString(),
      };
      state.parcels.set(key, parcel);
    }
    return parcel;
  }

  function callbackBody(parcel: SimParcel, registration: SimRegistration, detail: SimTrackingDetail) {
    return {
      fid: registration.fid,
      invoice_no: parcel.invoice,
      code: parcel.code,
      level: detail.level,
      time_trans: detail.timeString,
      time_sweet: kst(now()),
      where: detail.where,
      telno_office: detail.telno,
      telno_man: detail.telno2,
      details: detail.kind,
      recv_addr: '',
      recv_name: '',
      send_name: '',
      man: detail.manName,
      estmate: '',
    };
  }

  function send(url: string, body: Record<string, unknown>, delivery?: SimCallbackDelivery): void {
    const record = delivery ?? { url, body, attempts: 0 };
    if (!delivery) state.deliveries.push(record);
    record.attempts += 1;
    const sending = (async () => {
      try {
        const response = await doFetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        record.status = response.status;
        record.error = undefined;
        await response.arrayBuffer();
      } catch (error) {
        record.error = (error as Error).message;
      }
      const failed = record.status === undefined || record.status < 200 || record.status >= 300;
      const delay = retryDelays[record.attempts - 1];
      if (failed && delay !== undefined) {
        const timer = setTimeout(() => {
          retryTimers.delete(timer);
          send(url, body, record);
        }, delay);
        timer.unref?.();
        retryTimers.add(timer);
      }
    })();
    pending.add(sending);
    void sending.finally(() => pending.delete(sending));
  }

  function push(parcel: SimParcel, detail: SimTrackingDetail): void {
    if (state.faults.dropCallbacks) return;
    for (const registration of parcel.registrations) {
      const body = callbackBody(parcel, registration, detail);
      if (state.faults.holdCallbacks) {
        state.held.push({ url: registration.callbackUrl, body });
        continue;
      }
      send(registration.callbackUrl, body);
      if (state.faults.duplicateCallbacks) send(registration.callbackUrl, body);
    }
  }

  function step(parcel: SimParcel): SimTrackingDetail | null {
    const next = ROUTE.find((r) => r.level === parcel.level + 1);
    if (!next) return null;
    const at = now();
    const detail: SimTrackingDetail = {
      time: at.getTime(),
      timeString: kst(at),
      where: next.where,
      kind: next.kind,
      level: next.level,
      code: null,
      telno: '1588-1255',
      telno2: '010-1234-5678',
      manName: '김기사',
      manPic: '',
      remark: null,
    };
    parcel.details.push(detail);
    parcel.level = next.level;
    push(parcel, detail);
    return detail;
  }

  function restartTicker(): void {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    if (state.stepIntervalMs > 0) {
      ticker = setInterval(() => {
        let moved = false;
        for (const parcel of state.parcels.values())
          if (parcel.auto && parcel.level < 6) moved = step(parcel) !== null || moved;
        if (moved) persist();
      }, state.stepIntervalMs);
      ticker.unref?.();
    }
  }
  restartTicker();

  function reset(): void {
    state.parcels.clear();
    state.calls = [];
    state.deliveries = [];
    state.held = [];
    state.faults = noFaults();
    state.stepIntervalMs = options.stepIntervalMs ?? 0;
    for (const timer of retryTimers) clearTimeout(timer);
    retryTimers.clear();
    restartTicker();
    persist();
  }

  function setFaults(patch: Partial<CourierFaults>): CourierFaults {
    const known = noFaults();
    for (const name of Object.keys(patch))
      if (!(name in known))
        throw new Error(`unknown fault knob "${name}" (known: ${Object.keys(known).join(', ')})`);
    state.faults = { ...state.faults, ...patch };
    return state.faults;
  }

  const error = (c: Context, code: string) =>
    c.json({ status: false, code, msg: ERROR_MESSAGES[code] ?? '오류' });
  const delay = async () => {
    if (state.faults.latencyMs > 0) await new Promise((done) => setTimeout(done, state.faults.latencyMs));
  };
  /** A fault that answers for the call (HTTP 500), or null. */
  const serverError = (c: Context) => {
    if (state.faults.serverErrors <= 0) return null;
    state.faults.serverErrors -= 1;
    return c.text('Internal Server Error', 500);
  };
  const record = (call: Omit<SimCall, 'at'>) => state.calls.push({ ...call, at: now().toISOString() });

  const app = new Hono();
  // Every change through the API is kept (the ticker's steps are kept where they happen).
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET') persist();
  });

  app.get('/api/v1/companylist', async (c) => {
    await delay();
    const failed = serverError(c);
    if (failed) return (record({ operation: 'companylist', answer: '500' }), failed);
    if (!apiKeys.includes(c.req.query('t_key') ?? ''))
      return (record({ operation: 'companylist', answer: '101' }), error(c, '101'));
    record({ operation: 'companylist', answer: 'ok' });
    return c.json({ Company: SWEETTRACKER_COMPANIES });
  });

  app.get('/api/v1/recommend', async (c) => {
    await delay();
    if (!apiKeys.includes(c.req.query('t_key') ?? '')) return error(c, '101');
    const invoice = (c.req.query('t_invoice') ?? '').replace(/[\s-]/g, '');
    record({ operation: 'recommend', invoice, answer: 'ok' });
    const codes = /^\d+$/.test(invoice)
      ? Object.entries(INVOICE_LENGTHS)
          .filter(([, lengths]) => lengths.includes(invoice.length))
          .map(([code]) => code)
      : [];
    return c.json({
      Recommend: SWEETTRACKER_COMPANIES.filter((company) => codes.includes(company.Code)).map(
        ({ Code, Name }) => ({
          Code,
          Name,
        }),
      ),
    });
  });

  app.get('/api/v1/trackingInfo', async (c) => {
    await delay();
    const code = c.req.query('t_code') ?? '';
    const invoice = c.req.query('t_invoice') ?? '';
    const answer = (result: string) => record({ operation: 'trackingInfo', code, invoice, answer: result });
    const failed = serverError(c);
    if (failed) return (answer('500'), failed);
    if (!apiKeys.includes(c.req.query('t_key') ?? '')) return (answer('101'), error(c, '101'));
    if (state.faults.lookupErrorCode && state.faults.lookupErrorCount > 0) {
      state.faults.lookupErrorCount -= 1;
      const faultCode = state.faults.lookupErrorCode;
      return (answer(faultCode), error(c, faultCode));
    }
    const parcel = state.parcels.get(parcelKey(code, invoice));
    if (!knownCourier(code) || !/^\d{9,14}$/.test(invoice) || !parcel || parcel.level === 0)
      return (answer('104'), error(c, '104'));
    answer('ok');
    const first = parcel.details[0] ?? null;
    const last = parcel.details.at(-1) ?? null;
    const complete = parcel.level >= 6;
    return c.json({
      invoiceNo: parcel.invoice,
      complete,
      completeYN: complete ? 'Y' : 'N',
      level: parcel.level,
      itemName: '장터 주문 상품',
      itemImage: '',
      senderName: '장*',
      receiverName: '김*비',
      receiverAddr: '대전광역시 유성구 ***',
      recipient: complete ? '본인' : '',
      orderNumber: null,
      estimate: null,
      productInfo: null,
      zipCode: null,
      adUrl: '',
      result: 'Y',
      trackingDetails: parcel.details,
      firstDetail: first,
      lastDetail: last,
      lastStateDetail: last,
    });
  });

  app.post('/add_invoice', async (c) => {
    await delay();
    const contentType = c.req.header('content-type') ?? '';
    const raw = contentType.includes('application/json')
      ? ((await c.req.json().catch(() => ({}))) as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(await c.req.text()));
    const field = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
    const [num, code, fid, callbackUrl] = [field('num'), field('code'), field('fid'), field('callback_url')];
    const answer = (result: string) =>
      record({ operation: 'add_invoice', code, invoice: num, answer: result });
    const failed = serverError(c);
    if (failed) return (answer('500'), failed);
    const refuse = (eCode: string, message: string) => (
      answer(eCode),
      c.json({ success: false, e_code: eCode, e_message: message })
    );
    if (!apiKeys.includes(field('key'))) return refuse('101', ERROR_MESSAGES['101']!);
    if (state.faults.registerErrorCode)
      return refuse(
        state.faults.registerErrorCode,
        ERROR_MESSAGES[state.faults.registerErrorCode] ?? '등록 실패',
      );
    if (!knownCourier(code) || !/^\d{9,14}$/.test(num)) return refuse('104', ERROR_MESSAGES['104']!);
    if (!fid || !/^https?:\/\//.test(callbackUrl)) return refuse('107', 'fid와 callback_url은 필수입니다.');
    const parcel = parcelOf(code, num);
    const registration: SimRegistration = {
      fid,
      callbackUrl,
      callbackType: field('callback_type') || 'map',
      tier: field('tier') || undefined,
    };
    const existing = parcel.registrations.findIndex((r) => r.fid === fid);
    if (existing >= 0) parcel.registrations[existing] = registration;
    else parcel.registrations.push(registration);
    parcel.auto = true;
    answer('ok');
    return c.json({ success: true, e_code: null, e_message: null });
  });

  app.get('/__sim/parcels', (c) => c.json({ parcels: [...state.parcels.values()] }));
  app.post('/__sim/parcels', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as {
      code?: string;
      invoice?: string;
      level?: number;
      auto?: boolean;
    };
    if (!body.code || !body.invoice) return c.json({ error: 'code and invoice are required' }, 400);
    const parcel = parcelOf(body.code, body.invoice);
    if (body.auto !== undefined) parcel.auto = body.auto;
    while (parcel.level < Math.min(body.level ?? 0, 6)) step(parcel);
    return c.json(parcel, 201);
  });
  app.post('/__sim/parcels/:code/:invoice/advance', async (c) => {
    const parcel = state.parcels.get(parcelKey(c.req.param('code'), c.req.param('invoice')));
    if (!parcel) return c.json({ error: 'no such parcel' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { level?: number };
    const target = Math.min(body.level ?? parcel.level + 1, 6);
    while (parcel.level < target) step(parcel);
    return c.json(parcel);
  });
  app.get('/__sim/calls', (c) => {
    const invoice = c.req.query('invoice');
    return c.json({ calls: state.calls.filter((call) => !invoice || call.invoice === invoice) });
  });
  app.post('/__sim/config', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { stepIntervalMs?: number };
    if (body.stepIntervalMs !== undefined) {
      if (!Number.isInteger(body.stepIntervalMs) || body.stepIntervalMs < 0)
        return c.json({ error: 'stepIntervalMs must be a whole number ≥ 0' }, 400);
      state.stepIntervalMs = body.stepIntervalMs;
      restartTicker();
    }
    return c.json({ stepIntervalMs: state.stepIntervalMs });
  });
  app.post('/__sim/webhooks/flush', (c) => {
    const held = state.held.reverse();
    state.held = [];
    for (const { url, body } of held) send(url, body);
    return c.json({ delivered: held.length });
  });
  app.post('/__sim/faults', async (c) => {
    try {
      return c.json(setFaults((await c.req.json().catch(() => ({}))) as Partial<CourierFaults>));
    } catch (failure) {
      return c.json({ error: (failure as Error).message }, 400);
    }
  });
  mountSimulatorControls<CourierFaults>(app, {
    faults: () => state.faults,
    setFaults,
    reset,
    webhookDeliveries: () => state.deliveries,
  });
  app.get('/', (c) =>
    c.json({ simulator: 'jangteo-courier', tracker: 'sweettracker', stepIntervalMs: state.stepIntervalMs }),
  );

  function close(): void {
    if (ticker) clearInterval(ticker);
    ticker = undefined;
    for (const timer of retryTimers) clearTimeout(timer);
    retryTimers.clear();
  }

  return {
    app,
    state,
    reset,
    setFaults,
    /** Moves a parcel one level on (or up to `level`), pushing each step. */
    advance(code: string, invoice: string, level?: number): SimParcel {
      const parcel = parcelOf(code, invoice);
      const target = Math.min(level ?? parcel.level + 1, 6);
      while (parcel.level < target) step(parcel);
      persist();
      return parcel;
    },
    /** Resolves once every push sent so far has been answered (or failed). */
    flushCallbacks: () => flushPending(pending),
    /** Stops the sandbox ticker and pending retries (the running server's close() calls it). */
    close,
    async start({
      port = 0,
      hostname = '127.0.0.1',
    }: { port?: number; hostname?: string } = {}): Promise<ServedSimulator> {
      const served = await serveApp(app, port, hostname);
      return {
        ...served,
        close: async () => {
          close();
          await served.close();
        },
      };
    },
  };
}

export type CourierSimulator = ReturnType<typeof createCourierSimulator>;
