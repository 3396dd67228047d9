import { fieldsOf, isJsonObject, sendToPg, trimBaseUrl, type PgTransportFailure } from '../pg-http';

/**
 * The HTTP layer of the NicePay adapter: JSON (`application/json;charset=utf-8`), a read timeout per call,
 * and NicePay's two auth modes (docs/vendors/nicepay.md#auth): Basic `base64("<clientKey>:<secretKey>")` on
 * every call, or Bearer — a token from `POST /v1/access-token` (Basic), valid 30 minutes, reused until
 * shortly before it expires and fetched again after a 401.
 */
export interface NicepayHttpConfig {
  /** `https://api.nicepay.co.kr`, `https://sandbox-api.nicepay.co.kr`, or `<simulator>/nicepay`. */
  apiBaseUrl: string;
  clientKey: string;
  secretKey: string;
  authMode: 'basic' | 'bearer';
  /** Read timeout per call (NicePay documents connect 5 s, read 30 s). */
  timeoutMs: number;
  now: () => Date;
  fetch?: typeof fetch;
}

export type NicepayHttpResult =
  /** NicePay answered HTTP 200 with a JSON body: the business outcome is in its `resultCode`. */
  | { kind: 'ok'; status: number; body: Record<string, unknown> }
  /** Any other HTTP answer (401 auth, 403, 404, 405, 5xx). */
  | { kind: 'error'; status: number; code: string; message: string; body: unknown }
  /** No NicePay answer: TIMEOUT (read timeout), NETWORK_ERROR (refused, reset, dropped). */
  | PgTransportFailure;

export interface NicepayHttp {
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<NicepayHttpResult>;
}

/** Refresh the Bearer token this long before NicePay's `expireAt`. */
const TOKEN_MARGIN_MS = 60_000;

export function createNicepayHttp(config: NicepayHttpConfig): NicepayHttp {
  const base = trimBaseUrl(config.apiBaseUrl);
  const basic = `Basic ${Buffer.from(`${config.clientKey}:${config.secretKey}`, 'utf8').toString('base64')}`;
  let token: { value: string; expiresAtMs: number } | undefined;

  async function send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    authorization: string,
  ): Promise<NicepayHttpResult> {
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json;charset=utf-8';
    const answer = await sendToPg(
      {
        method,
        url: `${base}${path}`,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { pg: 'NicePay', timeoutMs: config.timeoutMs, fetch: config.fetch },
    );
    if (answer.kind === 'transport') return answer;
    const { status, body: parsed } = answer;
    if (status === 200 && isJsonObject(parsed)) return { kind: 'ok', status: 200, body: parsed };
    const errorBody = fieldsOf(parsed);
    return {
      kind: 'error',
      status,
      code: typeof errorBody.resultCode === 'string' ? errorBody.resultCode : `HTTP_${status}`,
      message:
        typeof errorBody.resultMsg === 'string' ? errorBody.resultMsg : `NicePay answered HTTP ${status}`,
      body: parsed,
    };
  }

  async function bearer(): Promise<string | NicepayHttpResult> {
    const nowMs = config.now().getTime();
    if (token && token.expiresAtMs - TOKEN_MARGIN_MS > nowMs) return `Bearer ${token.value}`;
    const result = await send('POST', '/v1/access-token', undefined, basic);
    if (result.kind !== 'ok') return result;
    const { resultCode, resultMsg, accessToken, expireAt } = result.body;
    if (resultCode !== '0000' || typeof accessToken !== 'string')
      return {
        kind: 'error',
        status: 401,
        code: typeof resultCode === 'string' ? resultCode : 'TOKEN_NOT_ISSUED',
        message: typeof resultMsg === 'string' ? resultMsg : 'NicePay issued no access token',
        body: result.body,
      };
    const expiresAtMs = typeof expireAt === 'string' ? Date.parse(expireAt) : Number.NaN;
    token = {
      value: accessToken,
      expiresAtMs: Number.isNaN(expiresAtMs) ? nowMs + 30 * 60_000 : expiresAtMs,
    };
    return `Bearer ${token.value}`;
  }

  return {
    async request(method, path, body) {
      if (config.authMode === 'basic') return send(method, path, body, basic);
      const authorization = await bearer();
      if (typeof authorization !== 'string') return authorization;
      const result = await send(method, path, body, authorization);
      if (result.kind !== 'error' || result.status !== 401) return result;
      // A 401 means NicePay did nothing with the call: a revoked or expired token, so ask for a new one once.
      token = undefined;
      const fresh = await bearer();
      return typeof fresh === 'string' ? send(method, path, body, fresh) : fresh;
    },
  };
}
