/**
 * The HTTP layer of the KakaoPay adapter: `Authorization: SECRET_KEY <key>`, JSON bodies (the open
 * API; the legacy form-encoded `KakaoAK` API is never mixed in), a timeout per call, and the three
 * ways a call ends — a KakaoPay answer (2xx body, or an error body `{error_code, error_message,
 * extras}`), or a transport failure (no answer).
 */
export interface KakaoPayHttpConfig {
  /** `https://open-api.kakaopay.com`, or `<simulator>/kakaopay` in sandbox. */
  apiBaseUrl: string;
  secretKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type KakaoPayHttpResult =
  | { kind: 'ok'; status: number; body: Record<string, unknown> }
  | {
      kind: 'error';
      status: number;
      /** `-780`, or `HTTP_<status>` when the body has no error_code. */
      code: string;
      errorCode?: number;
      methodResultCode?: string;
      message: string;
      body: unknown;
    }
  | { kind: 'transport'; code: 'TIMEOUT' | 'NETWORK_ERROR'; message: string };

export interface KakaoPayHttp {
  post(path: string, body: Record<string, unknown>): Promise<KakaoPayHttpResult>;
}

export function createKakaoPayHttp(config: KakaoPayHttpConfig): KakaoPayHttp {
  const base = config.apiBaseUrl.replace(/\/+$/, '');
  const doFetch = config.fetch ?? fetch;
  return {
    async post(path, body) {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            authorization: `SECRET_KEY ${config.secretKey}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          return {
            kind: 'transport',
            code: 'TIMEOUT',
            message: `no answer from KakaoPay within ${config.timeoutMs} ms`,
          };
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        return {
          kind: 'transport',
          code: 'NETWORK_ERROR',
          message: `${error instanceof Error ? error.message : String(error)}${cause}`,
        };
      }
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        parsed = text;
      }
      if (response.ok && parsed && typeof parsed === 'object')
        return { kind: 'ok', status: response.status, body: parsed as Record<string, unknown> };
      const error =
        parsed && typeof parsed === 'object'
          ? (parsed as {
              error_code?: unknown;
              error_message?: unknown;
              extras?: { method_result_code?: unknown; method_result_message?: unknown };
            })
          : {};
      const errorCode = typeof error.error_code === 'number' ? error.error_code : undefined;
      const methodResultCode =
        typeof error.extras?.method_result_code === 'string' ? error.extras.method_result_code : undefined;
      const methodMessage =
        typeof error.extras?.method_result_message === 'string'
          ? error.extras.method_result_message
          : undefined;
      return {
        kind: 'error',
        status: response.status,
        code: errorCode !== undefined ? String(errorCode) : `HTTP_${response.status}`,
        errorCode,
        methodResultCode,
        // The method result (card company, USER_LOCKED…) says more to the buyer than "approval failure!".
        message:
          methodMessage ??
          (typeof error.error_message === 'string'
            ? error.error_message
            : `KakaoPay answered HTTP ${response.status}`),
        body: parsed,
      };
    },
  };
}
