import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { serveApp, type ServedSimulator } from '../shared/serve-app';
import { mountSimulatorControls } from '../shared/sim-controls';

/**
 * Popbill (LinkHub) 전자세금계산서 as the shop uses it, written from docs/vendors/popbill.md and the
 * contract notes in docs/settlement.md; imports nothing from the shop. One server plays both hosts:
 *
 *   POST /{ServiceID}/Token        LinkHub auth: `Authorization: LINKHUB <LinkID> <signature>`, x-lh-date,
 *                                  x-lh-version 2.0, body {access_id: CorpNum, scope: [...]}
 *   POST /Taxinvoice               Bearer session token, `X-HTTP-Method-Override: ISSUE` (즉시발행)
 *   GET  /Taxinvoice/SELL/{key}    the document's state by invoicerMgtKey (-11000005 when unknown)
 *   GET  /__sim/invoices           every issued invoice;  GET|POST /__sim/faults;  POST /reset
 *
 * The signature is base64(HMAC-SHA256(base64-decoded SecretKey, "POST\n" + base64(SHA-256(body)) +
 * "\n" + x-lh-date + "\n" + "2.0\n" + "/{ServiceID}/Token")). Issuing a key that is already issued
 * answers -11000003 and issues nothing (the invoicerMgtKey is the idempotency key).
 */
export interface PopbillSimulatorOptions {
  linkId?: string;
  /** Base64, as LinkHub hands it out. */
  secretKey?: string;
  serviceId?: string;
  /** Members whose 공동인증서 is registered; others cannot issue (-11000001). Empty = every member. */
  certifiedCorpNums?: string[];
  now?: () => Date;
}

export interface PopbillFaults {
  latencyMs: number;
  /** The next N API calls answer 500 without doing anything. */
  transient: number;
  /** The next N issues are done, then the connection is dropped before the answer. */
  loseResponse: number;
  /** The next N issues are refused with this code (a rule the document breaks). */
  reject: { times: number; code: number; message: string };
}

export interface IssuedInvoice {
  mgtKey: string;
  corpNum: string;
  ntsConfirmNum: string;
  issuedAt: string;
  document: Record<string, unknown>;
}

export const POPBILL_SIM_DEFAULTS = {
  linkId: 'TESTER',
  secretKey: Buffer.from('jangteo-sandbox-popbill-secret-key!!').toString('base64'),
  serviceId: 'POPBILL_TEST',
} as const;

export const POPBILL_CODES = {
  NOT_FOUND: -11000005,
  KEY_IN_USE: -11000003,
  NO_CERTIFICATE: -11000001,
  INVALID: -11000013,
  UNAUTHORIZED: -10001001,
  INTERNAL: -99999999,
} as const;

type NodeEnv = { incoming?: { socket?: { destroy(): void } } };

const noFaults = (): PopbillFaults => ({
  latencyMs: 0,
  transient: 0,
  loseResponse: 0,
  reject: { times: 0, code: POPBILL_CODES.INVALID, message: '세금계산서 정보가 올바르지 않습니다' },
});

const kstDate = (instant: Date) =>
  new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');

export function createPopbillSimulator(options: PopbillSimulatorOptions = {}) {
  const config = { ...POPBILL_SIM_DEFAULTS, ...options };
  const now = options.now ?? (() => new Date());
  const state = {
    sessions: new Map<string, { corpNum: string; expires: number }>(),
    invoices: new Map<string, IssuedInvoice>(),
    calls: [] as Array<{ operation: string; mgtKey?: string; status: number; delivery: string }>,
    faults: noFaults(),
  };
  const failure = (c: Context, status: 400 | 401 | 500, code: number, message: string) =>
    c.json({ code, message }, status);

  const app = new Hono();

  app.post(`/:serviceId/Token`, async (c) => {
    const raw = await c.req.text();
    const xDate = c.req.header('x-lh-date') ?? '';
    const auth = /^LINKHUB (\S+) (\S+)$/.exec(c.req.header('authorization') ?? '');
    const serviceId = c.req.param('serviceId');
    const target = `POST\n${createHash('sha256').update(raw).digest('base64')}\n${xDate}\n2.0\n/${serviceId}/Token`;
    const expected = createHmac('sha256', Buffer.from(config.secretKey, 'base64'))
      .update(target)
      .digest('base64');
    const skew = Math.abs(now().getTime() - Date.parse(xDate));
    let body: { access_id?: unknown; scope?: unknown } = {};
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      // stays empty: refused below
    }
    const refused =
      serviceId !== config.serviceId
        ? 'unknown ServiceID'
        : c.req.header('x-lh-version') !== '2.0'
          ? 'x-lh-version must be 2.0'
          : !auth || auth[1] !== config.linkId || auth[2] !== expected
            ? 'LINKHUB signature does not match'
            : !(skew <= 5 * 60_000)
              ? 'x-lh-date is missing or more than 5 minutes off'
              : typeof body.access_id !== 'string' || !/^\d{10}$/.test(body.access_id)
                ? 'access_id must be the member’s 10-digit CorpNum'
                : null;
    state.calls.push({ operation: 'token', status: refused ? 401 : 200, delivery: 'answered' });
    if (refused) return failure(c, 401, POPBILL_CODES.UNAUTHORIZED, `[LinkHub] ${refused}`);
    const token = randomBytes(24).toString('base64url');
    const expires = now().getTime() + 3 * 3_600_000;
    state.sessions.set(token, { corpNum: body.access_id as string, expires });
    return c.json({
      session_token: token,
      serviceID: serviceId,
      linkID: config.linkId,
      usercode: body.access_id,
      ipaddress: '*',
      expiration: new Date(expires).toISOString(),
      scope: Array.isArray(body.scope) ? body.scope : ['member', '110'],
    });
  });

  function session(c: Context): { corpNum: string } | null {
    const match = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '');
    const found = match ? state.sessions.get(match[1]!) : undefined;
    return found && found.expires > now().getTime() ? found : null;
  }

  const info = (invoice: IssuedInvoice) => {
    const doc = invoice.document;
    return {
      itemKey: createHash('sha1').update(invoice.mgtKey).digest('hex').slice(0, 18),
      taxType: doc.taxType,
      writeDate: doc.writeDate,
      regDT: invoice.issuedAt,
      issueType: doc.issueType,
      supplyCostTotal: doc.supplyCostTotal,
      taxTotal: doc.taxTotal,
      purposeType: doc.purposeType,
      issueDT: invoice.issuedAt,
      stateCode: 300,
      stateDT: invoice.issuedAt,
      ntsconfirmNum: invoice.ntsConfirmNum,
      invoicerCorpName: doc.invoicerCorpName,
      invoicerCorpNum: doc.invoicerCorpNum,
      invoicerMgtKey: invoice.mgtKey,
      invoiceeCorpName: doc.invoiceeCorpName,
      invoiceeCorpNum: doc.invoiceeCorpNum,
    };
  };

  app.get('/Taxinvoice/SELL/:mgtKey', async (c) => {
    const mgtKey = c.req.param('mgtKey');
    const call = { operation: 'info', mgtKey, status: 200, delivery: 'answered' };
    state.calls.push(call);
    const member = session(c);
    if (!member) {
      call.status = 401;
      return failure(c, 401, POPBILL_CODES.UNAUTHORIZED, '인증 토큰이 유효하지 않습니다');
    }
    if (state.faults.transient > 0) {
      state.faults.transient -= 1;
      call.status = 500;
      return failure(c, 500, POPBILL_CODES.INTERNAL, '일시적인 오류입니다');
    }
    const invoice = state.invoices.get(`${member.corpNum}/${mgtKey}`);
    if (!invoice) {
      call.status = 400;
      return failure(c, 400, POPBILL_CODES.NOT_FOUND, '해당 관리번호의 세금계산서가 존재하지 않습니다');
    }
    return c.json(info(invoice));
  });

  app.post('/Taxinvoice', async (c) => {
    const call: { operation: string; mgtKey?: string; status: number; delivery: string } = {
      operation: 'issue',
      status: 200,
      delivery: 'answered',
    };
    state.calls.push(call);
    const member = session(c);
    if (!member) {
      call.status = 401;
      return failure(c, 401, POPBILL_CODES.UNAUTHORIZED, '인증 토큰이 유효하지 않습니다');
    }
    if (c.req.header('x-http-method-override') !== 'ISSUE') {
      call.status = 400;
      return failure(
        c,
        400,
        POPBILL_CODES.INVALID,
        '이 시뮬레이터는 즉시발행(X-HTTP-Method-Override: ISSUE)만 지원합니다',
      );
    }
    if (state.faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, state.faults.latencyMs));
    if (state.faults.transient > 0) {
      state.faults.transient -= 1;
      call.status = 500;
      call.delivery = 'failed';
      return failure(c, 500, POPBILL_CODES.INTERNAL, '일시적인 오류입니다');
    }
    const doc = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const problem = doc ? validate(doc, member.corpNum) : '요청 본문이 JSON 이 아닙니다';
    call.mgtKey = typeof doc?.invoicerMgtKey === 'string' ? doc.invoicerMgtKey : undefined;
    if (problem) {
      call.status = 400;
      return failure(c, 400, POPBILL_CODES.INVALID, problem);
    }
    const mgtKey = doc!.invoicerMgtKey as string;
    const scopeKey = `${member.corpNum}/${mgtKey}`;
    if (state.invoices.has(scopeKey)) {
      call.status = 400;
      return failure(c, 400, POPBILL_CODES.KEY_IN_USE, '이미 사용중인 관리번호입니다');
    }
    const certified = config.certifiedCorpNums ?? [];
    if (certified.length > 0 && !certified.includes(member.corpNum)) {
      call.status = 400;
      return failure(c, 400, POPBILL_CODES.NO_CERTIFICATE, '등록된 공동인증서가 없습니다');
    }
    if (state.faults.reject.times > 0) {
      state.faults.reject.times -= 1;
      call.status = 400;
      return failure(c, 400, state.faults.reject.code, state.faults.reject.message);
    }
    const issued: IssuedInvoice = {
      mgtKey,
      corpNum: member.corpNum,
      ntsConfirmNum: `${doc!.writeDate as string}4100${String(randomInt(0, 1e6)).padStart(6, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`,
      issuedAt: now().toISOString(),
      document: doc!,
    };
    state.invoices.set(scopeKey, issued);
    const answer = { code: 1, message: '발행 완료', ntsConfirmNum: issued.ntsConfirmNum };
    if (state.faults.loseResponse > 0) {
      state.faults.loseResponse -= 1;
      call.delivery = 'dropped';
      (c.env as NodeEnv | undefined)?.incoming?.socket?.destroy();
      return c.body(null, 500);
    }
    return c.json(answer);
  });

  function validate(doc: Record<string, unknown>, corpNum: string): string | null {
    const str = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : '');
    const won = (key: string) => (/^-?\d{1,15}$/.test(str(key)) ? Number(str(key)) : NaN);
    if (!/^\d{8}$/.test(str('writeDate'))) return 'writeDate 는 yyyyMMdd 입니다';
    if (str('writeDate') > kstDate(now())) return '작성일자(writeDate)는 미래일 수 없습니다';
    if (str('chargeDirection') !== '정과금') return 'chargeDirection 은 정과금입니다';
    if (str('issueType') !== '정발행') return 'issueType 은 정발행입니다';
    if (!['영수', '청구'].includes(str('purposeType'))) return 'purposeType 은 영수 또는 청구입니다';
    if (!['과세', '영세', '면세'].includes(str('taxType')))
      return 'taxType 은 과세, 영세, 면세 중 하나입니다';
    if (str('invoicerCorpNum') !== corpNum) return 'invoicerCorpNum 이 연동회원 사업자번호와 다릅니다';
    if (!/^[A-Za-z0-9_-]{1,24}$/.test(str('invoicerMgtKey')))
      return 'invoicerMgtKey 는 영문, 숫자, -, _ 로 24자 이내입니다';
    for (const key of ['invoicerCorpName', 'invoicerCEOName', 'invoiceeCorpName', 'invoiceeCEOName'])
      if (!str(key)) return `${key} 가 없습니다`;
    if (!['사업자', '개인', '외국인'].includes(str('invoiceeType')))
      return 'invoiceeType 이 올바르지 않습니다';
    if (str('invoiceeType') === '사업자' && !/^\d{10}$/.test(str('invoiceeCorpNum')))
      return 'invoiceeCorpNum 은 10자리 사업자번호입니다';
    const supply = won('supplyCostTotal');
    const tax = won('taxTotal');
    const total = won('totalAmount');
    if ([supply, tax, total].some(Number.isNaN))
      return 'supplyCostTotal, taxTotal, totalAmount 는 정수 문자열입니다';
    if (supply + tax !== total) return '합계금액은 공급가액과 세액의 합입니다';
    if (str('taxType') === '과세' && Math.abs(tax - supply / 10) > 1) return '세액은 공급가액의 10% 입니다';
    const details = Array.isArray(doc.detailList) ? (doc.detailList as Array<Record<string, unknown>>) : [];
    if (details.length === 0) return 'detailList 가 없습니다';
    const sum = (key: string) => details.reduce((acc, d) => acc + Number(d[key] ?? NaN), 0);
    if (sum('supplyCost') !== supply || sum('tax') !== tax) return '품목 합계가 총액과 다릅니다';
    return null;
  }

  app.get('/__sim/invoices', (c) => c.json({ invoices: [...state.invoices.values()] }));
  app.get('/__sim/calls', (c) => c.json({ calls: state.calls }));
  mountSimulatorControls<PopbillFaults>(app, {
    faults: () => state.faults,
    setFaults: (changes) => {
      state.faults = { ...state.faults, ...changes };
      return state.faults;
    },
    reset: () => {
      state.sessions.clear();
      state.invoices.clear();
      state.calls.length = 0;
      state.faults = noFaults();
    },
    webhookDeliveries: () => [],
  });
  app.get('/', (c) => c.json({ simulator: 'jangteo-popbill', serviceId: config.serviceId }));

  return {
    app,
    state,
    config,
    start(port = 0, hostname = '127.0.0.1'): Promise<ServedSimulator> {
      return serveApp(app, port, hostname);
    },
  };
}

export type PopbillSimulator = ReturnType<typeof createPopbillSimulator>;
