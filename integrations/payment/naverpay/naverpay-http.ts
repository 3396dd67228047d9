import { fieldsOf, sendToPg, trimBaseUrl, type PgTransportFailure } from '../pg-http';

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
  | PgTransportFailure;

export interface NaverPayHttp {
  post(
    api: string,
    body: Record<string, string | number>,
    options: { encoding: 'form' | 'json'; idempotencyKey?: string },
  ): Promise<NaverPayHttpResult>;
}

export function createNaverPayHttp(config: NaverPayHttpConfig): NaverPayHttp {
  const base = `${trimBaseUrl(config.apiBaseUrl)}/${encodeURIComponent(config.partnerId)}/naverpay/payments`;
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
      const answer = await sendToPg(
        { method: 'POST', url: `${base}${api}`, headers, body: payload },
        { pg: 'NaverPay', timeoutMs: config.timeoutMs, fetch: config.fetch },
      );
      if (answer.kind === 'transport') return answer;
      const { status, body: parsed } = answer;
      const envelope = fieldsOf(parsed);
      const code = typeof envelope.code === 'string' ? envelope.code : undefined;
      if (code === 'Success' && (answer.ok || status === 409))
        return {
          kind: 'ok',
          status,
          body:
            envelope.body && typeof envelope.body === 'object'
              ? (envelope.body as Record<string, unknown>)
              : {},
          envelope: parsed,
          replayed: status === 409,
        };
      return {
        kind: 'error',
        status,
        code: code ?? `HTTP_${status}`,
        message: typeof envelope.message === 'string' ? envelope.message : `NaverPay answered HTTP ${status}`,
        body: parsed,
      };
    },
  };
}
