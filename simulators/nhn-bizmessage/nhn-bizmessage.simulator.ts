import { randomBytes } from 'node:crypto';
import { serveApp } from '../shared/serve-app';
import { controlsOf, flushPending, mountSimulatorControls } from '../shared/sim-controls';
import { stateFile } from '../shared/state-file';
import { Hono, type Context } from 'hono';

/**
 * NHN Cloud KakaoTalk Bizmessage (AlimTalk API v2.3) and NHN Cloud SMS (API v3.0), written from the
 * vendor contract (docs/vendors/nhn-bizmessage.md). Imports nothing from the application.
 *
 * Simulator choices where the contract is silent (marked [sim]):
 * - auth failures answer HTTP 401, system errors HTTP 500, everything else HTTP 200 with
 *   header.isSuccessful=false;
 * - rate limiting answers HTTP 429 with a `Retry-After` (seconds) header and resultCode -429;
 * - an idempotency key is remembered only when its request was accepted (a failed request may be
 *   retried with the same key);
 * - messages are delivered at once (unless `requestDate` is in the future) and reported by webhook.
 */

export interface NhnTemplate {
  /** AlimTalk text with #{변수} placeholders. */
  content: string;
  /** TSC03 = approved; anything else answers -3005 (template not approved). */
  status?: 'TSC01' | 'TSC02' | 'TSC03' | 'TSC04';
}

export interface NhnBizmessageSimulatorOptions {
  alimtalkAppKey?: string;
  smsAppKey?: string;
  secretKey?: string;
  senderKey?: string;
  /** Sender numbers registered in NHN SMS (fallback and SMS sends must use one of them). */
  sendNos?: string[];
  /** Registered templates; without them any template code is accepted and parameters are not checked. */
  templates?: Record<string, NhnTemplate>;
  /** Console setting "대체 발송" used when a recipient gives no resendParameter.isResend. */
  resendByDefault?: boolean;
  webhook?: { url: string; signature: string; webhookConfigId?: string };
  /** Requests per second per API before 429 (0 = unlimited). */
  rateLimitPerSecond?: number;
  now?: () => Date;
  fetch?: typeof fetch;
  /** A JSON file keeping the sent messages across restarts (the local sandbox's); absent: memory only. */
  stateFile?: string;
}

export interface NhnFaults {
  /** The next N send requests fail with -9999 (HTTP 500). */
  transientFailures: number;
  /** The next N requests answer 429. */
  rateLimited: number;
  retryAfterSeconds: number;
  /** Numbers answered with -4019 (AlimTalk) / -2019 (SMS) per recipient. */
  invalidRecipients: string[];
  /** Template codes answered with -3005 (not approved / blocked). */
  blockedTemplates: string[];
  /** Numbers KakaoTalk cannot deliver to: the delivery result is `undeliverableCode`. */
  undeliverable: string[];
  undeliverableCode: string;
  /** Numbers whose provider SMS fallback fails (resendStatus RSC05). */
  resendFailures: string[];
  latencyMs: number;
}

export type NhnMessageKind = 'ALIMTALK' | 'SMS' | 'LMS';

export interface NhnSimMessage {
  kind: NhnMessageKind;
  requestId: string;
  recipientSeq: number;
  recipientNo: string;
  templateCode?: string;
  title?: string;
  content: string;
  templateParameter?: Record<string, string>;
  sendNo?: string;
  senderGroupingKey?: string;
  recipientGroupingKey?: string;
  /** For SMS created by an AlimTalk fallback: the AlimTalk message it replaces. */
  fallbackOf?: { requestId: string; recipientSeq: number };
  isResend: boolean;
  resendParameter?: Record<string, unknown>;
  messageStatus: 'READY' | 'COMPLETED' | 'FAILED' | 'CANCEL';
  resultCode: string;
  resultCodeName: string;
  resendStatus: 'RSC01' | 'RSC02' | 'RSC03' | 'RSC04' | 'RSC05';
  resendResultCode?: string;
  requestDate: string;
  createDate: string;
  receiveDate?: string;
}

export interface NhnWebhookDelivery {
  url: string;
  body: unknown;
  status?: number;
  error?: string;
}

export interface NhnBizmessageState {
  messages: NhnSimMessage[];
  webhookDeliveries: NhnWebhookDelivery[];
  faults: NhnFaults;
  idempotencyKeys: Map<string, number>;
  requestCount: number;
}

const RESEND_STATUS_NAMES = {
  RSC01: '대체 발송 미대상',
  RSC02: '대체 발송 대기',
  RSC03: '대체 발송 중',
  RSC04: '대체 발송 성공',
  RSC05: '대체 발송 실패',
};
const KAKAO_RESULT_NAMES: Record<string, string> = {
  '1000': '성공',
  '3018': '메시지를 전송할 수 없음',
  '3019': '톡 유저가 아님',
  '3020': '알림톡 수신 차단',
  '3005': '메시지 결과 미확인',
};

const noFaults = (): NhnFaults => ({
  transientFailures: 0,
  rateLimited: 0,
  retryAfterSeconds: 1,
  invalidRecipients: [],
  blockedTemplates: [],
  undeliverable: [],
  undeliverableCode: '3019',
  resendFailures: [],
  latencyMs: 0,
});

const KST_OFFSET_MS = 9 * 3600 * 1000;
const kst = (date: Date): string =>
  new Date(date.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
const eucKrBytes = (text: string): number =>
  [...text].reduce((sum, ch) => sum + (ch.codePointAt(0)! < 0x80 ? 1 : 2), 0);
const hasEmoji = (text: string): boolean =>
  [...text].some((ch) => ch.codePointAt(0)! > 0xffff || ch === '\ufe0f');
const isKoreanNumber = (no: string): boolean => /^0\d{8,10}$/.test(no);

interface SendRecipient {
  recipientNo?: unknown;
  templateParameter?: Record<string, unknown>;
  resendParameter?: Record<string, unknown>;
  recipientGroupingKey?: unknown;
}

export function createNhnBizmessageSimulator(options: NhnBizmessageSimulatorOptions = {}) {
  const config = {
    alimtalkAppKey: options.alimtalkAppKey ?? 'sim-alimtalk-appkey',
    smsAppKey: options.smsAppKey ?? 'sim-sms-appkey',
    secretKey: options.secretKey ?? 'sim-secret-key',
    senderKey: options.senderKey ?? 'a'.repeat(40),
    sendNos: options.sendNos ?? ['0212345678'],
    templates: options.templates,
    resendByDefault: options.resendByDefault ?? false,
    webhook: options.webhook,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 0,
  };
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;

  const saved = options.stateFile ? stateFile<{ messages: NhnSimMessage[] }>(options.stateFile) : null;
  const state: NhnBizmessageState = {
    messages: saved?.load()?.messages ?? [],
    webhookDeliveries: [],
    faults: noFaults(),
    idempotencyKeys: new Map(),
    requestCount: 0,
  };
  const pendingWebhooks = new Set<Promise<void>>();
  let window = { second: 0, count: 0 };

  const envelope = (resultCode: number, resultMessage: string) => ({
    header: { isSuccessful: resultCode === 0, resultCode, resultMessage },
  });
  const fail = (
    c: Context,
    resultCode: number,
    resultMessage: string,
    status: 200 | 400 | 401 | 429 | 500 = 200,
  ) => c.json(envelope(resultCode, resultMessage), status);
  const newRequestId = () =>
    `${kst(now()).replace(/\D/g, '')}${randomBytes(6).toString('base64url').slice(0, 8)}`;

  function postWebhook(body: unknown): void {
    const hook = config.webhook;
    if (!hook) return;
    const delivery: NhnWebhookDelivery = { url: hook.url, body };
    state.webhookDeliveries.push(delivery);
    const sending = (async () => {
      try {
        const response = await doFetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Toast-Webhook-Signature': hook.signature },
          body: JSON.stringify(body),
        });
        delivery.status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        delivery.error = (error as Error).message;
      }
    })();
    pendingWebhooks.add(sending);
    void sending.finally(() => pendingWebhooks.delete(sending));
  }

  function deliverAlimTalk(message: NhnSimMessage): void {
    const at = kst(now());
    const faults = state.faults;
    if (faults.undeliverable.includes(message.recipientNo)) {
      message.messageStatus = 'FAILED';
      message.resultCode = faults.undeliverableCode;
      message.resultCodeName = KAKAO_RESULT_NAMES[faults.undeliverableCode] ?? '전송 실패';
      if (message.isResend) {
        const resend = message.resendParameter ?? {};
        const content = typeof resend.resendContent === 'string' ? resend.resendContent : message.content;
        const kind: NhnMessageKind =
          resend.resendType === 'LMS' || resend.resendType === 'SMS'
            ? resend.resendType
            : eucKrBytes(content) > 90
              ? 'LMS'
              : 'SMS';
        const failed = faults.resendFailures.includes(message.recipientNo);
        message.resendStatus = failed ? 'RSC05' : 'RSC04';
        message.resendResultCode = failed ? '3001' : '1000';
        state.messages.push({
          kind,
          requestId: newRequestId(),
          recipientSeq: 1,
          recipientNo: message.recipientNo,
          title: kind === 'LMS' ? String(resend.resendTitle ?? '알림톡 대체 발송') : undefined,
          content,
          sendNo: typeof resend.resendSendNo === 'string' ? resend.resendSendNo : config.sendNos[0],
          fallbackOf: { requestId: message.requestId, recipientSeq: message.recipientSeq },
          isResend: false,
          messageStatus: failed ? 'FAILED' : 'COMPLETED',
          resultCode: failed ? '3001' : '1000',
          resultCodeName: failed ? '가입자 없음' : '성공',
          resendStatus: 'RSC01',
          requestDate: at,
          createDate: at,
          receiveDate: at,
        });
      } else {
        message.resendStatus = 'RSC01';
      }
    } else {
      message.messageStatus = 'COMPLETED';
      message.resultCode = '1000';
      message.resultCodeName = KAKAO_RESULT_NAMES['1000']!;
      message.resendStatus = 'RSC01';
    }
    message.receiveDate = at;
  }

  function lookupView(message: NhnSimMessage) {
    return {
      requestId: message.requestId,
      recipientSeq: message.recipientSeq,
      plusFriendId: '@jangteo',
      senderKey: config.senderKey,
      templateCode: message.templateCode,
      recipientNo: message.recipientNo,
      content: message.content,
      requestDate: message.requestDate,
      receiveDate: message.receiveDate ?? null,
      createDate: message.createDate,
      resendStatus: message.resendStatus,
      resendStatusName: RESEND_STATUS_NAMES[message.resendStatus],
      resendResultCode: message.resendResultCode ?? null,
      messageStatus: message.messageStatus,
      resultCode: message.resultCode,
      resultCodeName: message.resultCodeName,
      senderGroupingKey: message.senderGroupingKey ?? null,
      recipientGroupingKey: message.recipientGroupingKey ?? null,
      buttons: [],
    };
  }

  const app = new Hono();
  // The sent list is kept after every change through the API (the local sandbox's restarts).
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET') saved?.save({ messages: state.messages });
  });

  // Latency, rate limiting and auth apply to every vendor API call (not to /__sim or /reset).
  async function guard(c: Context, appKey: string, expectedAppKey: string): Promise<Response | undefined> {
    state.requestCount += 1;
    if (state.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, state.faults.latencyMs));
    const second = Math.floor(now().getTime() / 1000);
    if (window.second !== second) window = { second, count: 0 };
    window.count += 1;
    const overLimit = config.rateLimitPerSecond > 0 && window.count > config.rateLimitPerSecond;
    if (state.faults.rateLimited > 0 || overLimit) {
      if (state.faults.rateLimited > 0) state.faults.rateLimited -= 1;
      c.header('Retry-After', String(state.faults.retryAfterSeconds));
      return fail(c, -429, 'Too many requests.', 429);
    }
    if (appKey !== expectedAppKey) return fail(c, -1000, 'Invalid appKey.', 401);
    if (c.req.header('X-Secret-Key') !== config.secretKey) return fail(c, -1001, 'Invalid secretKey.', 401);
    return undefined;
  }

  async function jsonBody(c: Context): Promise<Record<string, unknown> | Response> {
    if (!(c.req.header('content-type') ?? '').toLowerCase().includes('application/json')) {
      return fail(c, -9996, 'Only application/json Content-type is supported.', 400);
    }
    try {
      const body: unknown = await c.req.json();
      if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch {
      // fall through
    }
    return fail(c, -9997, 'Invalid API parameters.', 400);
  }

  function takeTransientFault(c: Context): Response | undefined {
    if (state.faults.transientFailures <= 0) return undefined;
    state.faults.transientFailures -= 1;
    return fail(c, -9999, 'System error.', 500);
  }

  // ---- AlimTalk v2.3 ----------------------------------------------------------------------------

  app.post('/alimtalk/v2.3/appkeys/:appkey/messages', async (c) => {
    const denied = await guard(c, c.req.param('appkey'), config.alimtalkAppKey);
    if (denied) return denied;
    const body = await jsonBody(c);
    if (body instanceof Response) return body;

    const idempotencyKey = c.req.header('X-NC-API-IDEMPOTENCY-KEY');
    const nowMs = now().getTime();
    for (const [key, at] of state.idempotencyKeys)
      if (nowMs - at > 10 * 60 * 1000) state.idempotencyKeys.delete(key);
    if (idempotencyKey && state.idempotencyKeys.has(idempotencyKey))
      return fail(c, -1005, 'Duplicated request (idempotency key).');

    if (body.senderKey !== config.senderKey) return fail(c, -1006, 'Not exist sender profile.');
    const templateCode = body.templateCode;
    if (typeof templateCode !== 'string' || templateCode.length === 0 || templateCode.length > 20)
      return fail(c, -3000, 'Invalid templateCode.');
    const template = config.templates?.[templateCode];
    if (config.templates && !template) return fail(c, -3003, 'Not exist template.');
    if (
      state.faults.blockedTemplates.includes(templateCode) ||
      (template && (template.status ?? 'TSC03') !== 'TSC03')
    ) {
      return fail(c, -3005, 'Template is not approved.');
    }
    const recipients = body.recipientList;
    if (!Array.isArray(recipients) || recipients.length === 0 || recipients.length > 1000)
      return fail(c, -2000, 'recipientList must hold 1 to 1000 recipients.');
    let requestDate = kst(now()).slice(0, 16);
    let scheduled = false;
    if (body.requestDate !== undefined) {
      const match =
        typeof body.requestDate === 'string' && /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(body.requestDate);
      if (!match) return fail(c, -2025, 'Invalid requestDate.');
      requestDate = body.requestDate as string;
      scheduled = new Date(`${match[1]}T${match[2]}:00+09:00`).getTime() > nowMs;
    }
    const placeholders = template
      ? [...new Set([...template.content.matchAll(/#\{([^{}]+)\}/g)].map((m) => m[1]!))]
      : [];
    const prepared: Array<{ recipient: SendRecipient; content: string; parameters: Record<string, string> }> =
      [];
    for (const raw of recipients as SendRecipient[]) {
      const parameters = Object.fromEntries(
        Object.entries(raw?.templateParameter ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const missing = placeholders.find((name) => parameters[name] === undefined);
      if (missing) return fail(c, -3025, `Template parameter mismatch: #{${missing}} is missing.`);
      const content = template
        ? template.content.replace(/#\{([^{}]+)\}/g, (_, name: string) => parameters[name]!)
        : JSON.stringify(parameters);
      if (content.length > 1300) return fail(c, -2019, 'Message content exceeds 1300 characters.');
      const resend = raw?.resendParameter;
      if (resend?.resendSendNo !== undefined && !config.sendNos.includes(String(resend.resendSendNo)))
        return fail(c, -1003, 'Not registered resend sendNo.');
      prepared.push({ recipient: raw, content, parameters });
    }
    const transient = takeTransientFault(c);
    if (transient) return transient;

    const requestId = newRequestId();
    const createDate = kst(now());
    const accepted: NhnSimMessage[] = [];
    const sendResults = prepared.map(({ recipient, content, parameters }, index) => {
      const recipientNo =
        typeof recipient?.recipientNo === 'string' ? recipient.recipientNo.replace(/-/g, '') : '';
      const recipientGroupingKey =
        typeof recipient?.recipientGroupingKey === 'string' ? recipient.recipientGroupingKey : undefined;
      const base = {
        recipientSeq: index + 1,
        recipientNo,
        recipientGroupingKey: recipientGroupingKey ?? null,
      };
      if (!isKoreanNumber(recipientNo) || state.faults.invalidRecipients.includes(recipientNo)) {
        return { ...base, resultCode: -4019, resultMessage: 'Invalid recipientNo.' };
      }
      const message: NhnSimMessage = {
        kind: 'ALIMTALK',
        requestId,
        recipientSeq: index + 1,
        recipientNo,
        templateCode,
        content,
        templateParameter: parameters,
        senderGroupingKey: typeof body.senderGroupingKey === 'string' ? body.senderGroupingKey : undefined,
        recipientGroupingKey,
        isResend:
          typeof recipient.resendParameter?.isResend === 'boolean'
            ? recipient.resendParameter.isResend
            : config.resendByDefault,
        resendParameter: recipient.resendParameter,
        messageStatus: 'READY',
        resultCode: '',
        resultCodeName: '',
        resendStatus: 'RSC01',
        requestDate,
        createDate,
      };
      state.messages.push(message);
      accepted.push(message);
      return { ...base, resultCode: 0, resultMessage: 'SUCCESS' };
    });
    if (idempotencyKey) state.idempotencyKeys.set(idempotencyKey, nowMs);

    if (!scheduled && accepted.length > 0) {
      for (const message of accepted) deliverAlimTalk(message);
      postWebhook({
        hooksId: randomBytes(8).toString('hex'),
        webhookConfigId: config.webhook?.webhookConfigId ?? 'sim-webhook-config',
        productName: 'KakaoTalk Bizmessage',
        appKey: config.alimtalkAppKey,
        event: 'MESSAGE_RESULT_UPDATE',
        hooks: accepted.map((m) => ({
          kakaoMessageType: 'ALIMTALK_NORMAL',
          requestId: m.requestId,
          recipientSeq: m.recipientSeq,
          requestDate: m.requestDate,
          createDate: m.createDate,
          receiveDate: m.receiveDate,
          recipientNo: m.recipientNo,
          resultCode: m.resultCode,
          senderGroupingKey: m.senderGroupingKey ?? null,
          recipientGroupingKey: m.recipientGroupingKey ?? null,
        })),
      });
    }
    return c.json({
      ...envelope(0, 'SUCCESS'),
      message: { requestId, senderGroupingKey: body.senderGroupingKey ?? null, sendResults },
    });
  });

  app.get('/alimtalk/v2.3/appkeys/:appkey/messages/:requestId/:recipientSeq', async (c) => {
    const denied = await guard(c, c.req.param('appkey'), config.alimtalkAppKey);
    if (denied) return denied;
    const message = state.messages.find(
      (m) =>
        m.kind === 'ALIMTALK' &&
        m.requestId === c.req.param('requestId') &&
        m.recipientSeq === Number(c.req.param('recipientSeq')),
    );
    if (!message) return fail(c, -2008, 'Invalid requestId or recipientSeq.');
    return c.json({ ...envelope(0, 'SUCCESS'), message: lookupView(message) });
  });

  app.get('/alimtalk/v2.3/appkeys/:appkey/messages', async (c) => {
    const denied = await guard(c, c.req.param('appkey'), config.alimtalkAppKey);
    if (denied) return denied;
    const q = c.req.query();
    if (!q.requestId && !(q.startRequestDate && q.endRequestDate) && !q.senderGroupingKey) {
      return fail(c, -2011, 'requestId or startRequestDate/endRequestDate is required.');
    }
    const matches = state.messages.filter(
      (m) =>
        m.kind === 'ALIMTALK' &&
        (!q.requestId || m.requestId === q.requestId) &&
        (!q.senderGroupingKey || m.senderGroupingKey === q.senderGroupingKey) &&
        (!q.recipientGroupingKey || m.recipientGroupingKey === q.recipientGroupingKey) &&
        (!q.recipientNo || m.recipientNo === q.recipientNo) &&
        (!q.templateCode || m.templateCode === q.templateCode),
    );
    const pageNum = Math.max(1, Number(q.pageNum ?? 1));
    const pageSize = Math.min(1000, Math.max(1, Number(q.pageSize ?? 15)));
    return c.json({
      ...envelope(0, 'SUCCESS'),
      messageSearchResultResponse: {
        messages: matches.slice((pageNum - 1) * pageSize, pageNum * pageSize).map(lookupView),
        pageNum,
        pageSize,
        totalCount: matches.length,
      },
    });
  });

  app.delete('/alimtalk/v2.3/appkeys/:appkey/messages/:requestId', async (c) => {
    const denied = await guard(c, c.req.param('appkey'), config.alimtalkAppKey);
    if (denied) return denied;
    const messages = state.messages.filter((m) => m.requestId === c.req.param('requestId'));
    if (messages.length === 0) return fail(c, -2008, 'Invalid requestId.');
    for (const m of messages) if (m.messageStatus === 'READY') m.messageStatus = 'CANCEL';
    return c.json(envelope(0, 'SUCCESS'));
  });

  // ---- SMS v3.0 -----------------------------------------------------------------------------------

  for (const [path, kind] of [
    ['/sms/v3.0/appKeys/:appKey/sender/sms', 'SMS'],
    ['/sms/v3.0/appKeys/:appKey/sender/mms', 'LMS'],
  ] as const) {
    app.post(path, async (c) => {
      const denied = await guard(c, c.req.param('appKey'), config.smsAppKey);
      if (denied) return denied;
      const body = await jsonBody(c);
      if (body instanceof Response) return body;
      if (typeof body.sendNo !== 'string' || !config.sendNos.includes(body.sendNo))
        return fail(c, -2312, 'Not regist sendno.');
      const text = typeof body.body === 'string' ? body.body : '';
      const title = typeof body.title === 'string' ? body.title : '';
      if (!text || (kind === 'LMS' && !title)) return fail(c, -2014, 'Title or body can not be empty.');
      if (hasEmoji(text) || hasEmoji(title))
        return fail(c, -2023, 'Unacceptable characters in title and body');
      if (
        (kind === 'SMS' && eucKrBytes(text) > 90) ||
        (kind === 'LMS' && (eucKrBytes(title) > 40 || eucKrBytes(text) > 2000))
      ) {
        return fail(c, -2015, 'Title or Body exceed maximum byte.');
      }
      const recipients = body.recipientList;
      if (!Array.isArray(recipients) || recipients.length === 0)
        return fail(c, -2001, 'RecipientList can not be null.');
      if (recipients.length > 1000) return fail(c, -2016, 'The max recipient size is 1000.');
      const transient = takeTransientFault(c);
      if (transient) return transient;

      const requestId = newRequestId();
      const at = kst(now());
      const senderGroupingKey =
        typeof body.senderGroupingKey === 'string' ? body.senderGroupingKey : undefined;
      const sendResultList = (recipients as SendRecipient[]).map((recipient, index) => {
        const recipientNo =
          typeof recipient?.recipientNo === 'string' ? recipient.recipientNo.replace(/-/g, '') : '';
        const recipientGroupingKey =
          typeof recipient?.recipientGroupingKey === 'string' ? recipient.recipientGroupingKey : undefined;
        const base = {
          recipientNo,
          recipientSeq: index + 1,
          recipientGroupingKey: recipientGroupingKey ?? null,
        };
        if (!isKoreanNumber(recipientNo) || state.faults.invalidRecipients.includes(recipientNo)) {
          return { ...base, resultCode: -2019, resultMessage: 'RecipientNo is invalid.' };
        }
        state.messages.push({
          kind,
          requestId,
          recipientSeq: index + 1,
          recipientNo,
          title: kind === 'LMS' ? title : undefined,
          content: text,
          sendNo: body.sendNo as string,
          senderGroupingKey,
          recipientGroupingKey,
          isResend: false,
          messageStatus: 'COMPLETED',
          resultCode: '1000',
          resultCodeName: '성공',
          resendStatus: 'RSC01',
          requestDate: at,
          createDate: at,
          receiveDate: at,
        });
        return { ...base, resultCode: 0, resultMessage: 'SUCCESS' };
      });
      return c.json({
        ...envelope(0, 'SUCCESS'),
        body: {
          data: { requestId, statusCode: '2', senderGroupingKey: senderGroupingKey ?? null, sendResultList },
        },
      });
    });
  }

  // ---- simulator controls ---------------------------------------------------------------------------

  function reset(): void {
    state.messages.length = 0;
    state.webhookDeliveries.length = 0;
    state.faults = noFaults();
    state.idempotencyKeys.clear();
    state.requestCount = 0;
    window = { second: 0, count: 0 };
  }

  function setFaults(faults: Partial<NhnFaults>): NhnFaults {
    state.faults = { ...state.faults, ...faults };
    return state.faults;
  }

  app.get('/__sim/messages', (c) => {
    const { recipientNo, kind } = c.req.query();
    return c.json({
      messages: state.messages.filter(
        (m) => (!recipientNo || m.recipientNo === recipientNo) && (!kind || m.kind === kind),
      ),
    });
  });
  mountSimulatorControls(app, controlsOf(state, setFaults, reset));

  return {
    app,
    state,
    config,
    reset,
    setFaults,
    /** Resolves once every webhook posted so far has been answered (or failed). */
    flushWebhooks: () => flushPending(pendingWebhooks),
    start({ port = 0, hostname = '127.0.0.1' }: { port?: number; hostname?: string } = {}) {
      return serveApp(app, port, hostname);
    },
  };
}

export type NhnBizmessageSimulator = ReturnType<typeof createNhnBizmessageSimulator>;
