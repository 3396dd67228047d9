/**
 * The HTTP layer of the NaverPay adapter: the three merchant headers (`X-Naver-Client-Id`,
 * `X-Naver-Client-Secret`, `X-NaverPay-Chain-Id`), `X-NaverPay-Idempotency-Key` on the calls that
 * move money, form-encoded or JSON bodies per API, the `{code, message, body}` envelope (HTTP 200
 * even for business failures: `code` decides), and a timeout per call.
 */
export interface NaverPayHttpConfig {
  /** `https://dev-pub.apis.naver.com` / `https://apis.naver.com`, or `<simulator>/naverpay` in sandbox. */
  apiBaseUrl: string;
  partnerId: string;
  clientId: string;
  clientSecret: string;
  chainId: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type NaverPayHttpResult =
  /** `code: "Success"`; `replayed` when NaverPay answered an idempotent repeat with 409 and the first answer. */
  | { kind: 'ok'; status: number; body: Record<string, unknown>; envelope: unknown; replayed: boolean }
  | { kind: 'error'; status: number; code: string; message: string; body: unknown }
  | { kind: 'transport'; code: 'TIMEOUT' | 'NETWORK_ERROR'; message: string };

export interface NaverPayHttp {
  post(
    api: string,
    body: Record<string, string | number>,
    options: { encoding: 'form' | 'json'; idempotencyKey?: string },
  ): Promise<NaverPayHttpResult>;
}

export function createNaverPayHttp(config: NaverPayHttpConfig): NaverPayHttp {
  const base = `${config.apiBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(config.partnerId)}/naverpay/payments`;
  const doFetch = config.fetch ?? fetch;
  return {
    async post(api, body, options) {
      const headers: Record<string, string> = {
        'x-naver-client-id': config.clientId,
        'x-naver-client-secret': config.clientSecret,
        'x-naverpay-chain-id': config.chainId,
        accept: 'application/json',
      };
      if (options.idempotencyKey) headers['x-naverpay-idempotency-key'] = options.idempotencyKey;
      let payload: string;
      if (options.encoding === 'form') {
        headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
        payload = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)])).toString();
      } else {
        headers['content-type'] = 'application/json; charset=utf-8';
        payload = JSON.stringify(body);
      }
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${base}${api}`, {
          method: 'POST',
          headers,
          body: payload,
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          return {
            kind: 'transport',
            code: 'TIMEOUT',
            message: `no answer from NaverPay within ${config.timeoutMs} ms`,
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
      const envelope =
        parsed && typeof parsed === 'object'
          ? (parsed as { code?: unknown; message?: unknown; body?: unknown })
          : {};
      const code = typeof envelope.code === 'string' ? envelope.code : undefined;
      if (code === 'Success' && (response.ok || response.status === 409))
        return {
          kind: 'ok',
          status: response.status,
          body:
            envelope.body && typeof envelope.body === 'object'
              ? (envelope.body as Record<string, unknown>)
              : {},
          envelope: parsed,
          replayed: response.status === 409,
        };
      return {
        kind: 'error',
        status: response.status,
        code: code ?? `HTTP_${response.status}`,
        message:
          typeof envelope.message === 'string'
            ? envelope.message
            : `NaverPay answered HTTP ${response.status}`,
        body: parsed,
      };
    },
  };
}
