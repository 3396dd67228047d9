import { fieldsOf, sendToPg, trimBaseUrl, type PgTransportFailure } from '../pg-http';

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
  | PgTransportFailure;

export interface KakaoPayHttp {
  post(path: string, body: Record<string, unknown>): Promise<KakaoPayHttpResult>;
}

export function createKakaoPayHttp(config: KakaoPayHttpConfig): KakaoPayHttp {
  const base = trimBaseUrl(config.apiBaseUrl);
  return {
    async post(path, body) {
      const answer = await sendToPg(
        {
          method: 'POST',
          url: `${base}${path}`,
          headers: {
            authorization: `SECRET_KEY ${config.secretKey}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify(body),
        },
        { pg: 'KakaoPay', timeoutMs: config.timeoutMs, fetch: config.fetch },
      );
      if (answer.kind === 'transport') return answer;
      const { status, body: parsed } = answer;
      if (answer.ok && parsed && typeof parsed === 'object')
        return { kind: 'ok', status, body: parsed as Record<string, unknown> };
      const error = fieldsOf(parsed) as {
        error_code?: unknown;
        error_message?: unknown;
        extras?: { method_result_code?: unknown; method_result_message?: unknown };
      };
      const errorCode = typeof error.error_code === 'number' ? error.error_code : undefined;
      const methodResultCode =
        typeof error.extras?.method_result_code === 'string' ? error.extras.method_result_code : undefined;
      const methodMessage =
        typeof error.extras?.method_result_message === 'string'
          ? error.extras.method_result_message
          : undefined;
      return {
        kind: 'error',
        status,
        code: errorCode !== undefined ? String(errorCode) : `HTTP_${status}`,
        errorCode,
        methodResultCode,
        // The method result (card company, USER_LOCKED…) says more to the buyer than "approval failure!".
        message:
          methodMessage ??
          (typeof error.error_message === 'string'
            ? error.error_message
            : `KakaoPay answered HTTP ${status}`),
        body: parsed,
      };
    },
  };
}
