/**
 * The HTTP layer of the Toss adapter: Basic auth (`base64("<secretKey>:")`, colon included),
 * JSON bodies, Idempotency-Key on POSTs, a timeout per call, and the three ways a call can end —
 * a Toss answer (2xx body or `{code, message}` error body), or a transport failure (no answer).
 */
export interface TossHttpConfig {
  /** `https://api.tosspayments.com` in production, `<simulator>/toss` in sandbox. */
  apiBaseUrl: string;
  secretKey: string;
  /** Read timeout per call (VENDORS.md [rec]: 30–60 s on confirm). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type TossHttpResult =
  | { kind: 'ok'; status: number; body: Record<string, unknown> }
  | { kind: 'error'; status: number; code: string; message: string; body: unknown }
  /** No Toss answer: TIMEOUT (read timeout), NETWORK_ERROR (refused, reset, dropped). */
  | { kind: 'transport'; code: 'TIMEOUT' | 'NETWORK_ERROR'; message: string };

export interface TossHttp {
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: unknown; idempotencyKey?: string },
  ): Promise<TossHttpResult>;
}

export function createTossHttp(config: TossHttpConfig): TossHttp {
  const base = config.apiBaseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${config.secretKey}:`, 'utf8').toString('base64')}`;
  const doFetch = config.fetch ?? fetch;

  return {
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { authorization, accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          return {
            kind: 'transport',
            code: 'TIMEOUT',
            message: `no answer from Toss within ${config.timeoutMs} ms`,
          };
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        return {
          kind: 'transport',
          code: 'NETWORK_ERROR',
          message: `${error instanceof Error ? error.message : String(error)}${cause}`,
        };
      }
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = text;
      }
      if (response.ok && body && typeof body === 'object')
        return { kind: 'ok', status: response.status, body: body as Record<string, unknown> };
      const errorBody =
        body && typeof body === 'object' ? (body as { code?: unknown; message?: unknown }) : {};
      return {
        kind: 'error',
        status: response.status,
        code: typeof errorBody.code === 'string' ? errorBody.code : `HTTP_${response.status}`,
        message:
          typeof errorBody.message === 'string' ? errorBody.message : `Toss answered HTTP ${response.status}`,
        body,
      };
    },
  };
}
