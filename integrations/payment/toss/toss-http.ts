import { fieldsOf, sendToPg, trimBaseUrl, type PgTransportFailure } from '../pg-http';

/**
 * The HTTP layer of the Toss adapter: Basic auth (`base64("<secretKey>:")`, colon included),
 * JSON bodies, Idempotency-Key on POSTs, a timeout per call, and the three ways a call can end —
 * a Toss answer (2xx body or `{code, message}` error body), or a transport failure (no answer).
 */
export interface TossHttpConfig {
  /** `https://api.tosspayments.com` in production, `<simulator>/toss` in sandbox. */
  apiBaseUrl: string;
  secretKey: string;
  /** Read timeout per call (docs/vendors/toss.md#timeouts: 30–60 s on confirm). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type TossHttpResult =
  | { kind: 'ok'; status: number; body: Record<string, unknown> }
  | { kind: 'error'; status: number; code: string; message: string; body: unknown }
  | PgTransportFailure;

export interface TossHttp {
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: unknown; idempotencyKey?: string },
  ): Promise<TossHttpResult>;
}

export function createTossHttp(config: TossHttpConfig): TossHttp {
  const base = trimBaseUrl(config.apiBaseUrl);
  const authorization = `Basic ${Buffer.from(`${config.secretKey}:`, 'utf8').toString('base64')}`;

  return {
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { authorization, accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      const answer = await sendToPg(
        {
          method,
          url: `${base}${path}`,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        },
        { pg: 'Toss', timeoutMs: config.timeoutMs, fetch: config.fetch },
      );
      if (answer.kind === 'transport') return answer;
      const { status, body } = answer;
      if (answer.ok && body && typeof body === 'object')
        return { kind: 'ok', status, body: body as Record<string, unknown> };
      const errorBody = fieldsOf(body);
      return {
        kind: 'error',
        status,
        code: typeof errorBody.code === 'string' ? errorBody.code : `HTTP_${status}`,
        message: typeof errorBody.message === 'string' ? errorBody.message : `Toss answered HTTP ${status}`,
        body,
      };
    },
  };
}
