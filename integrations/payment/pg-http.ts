/**
 * The transport every PG adapter's HTTP layer shares: one call with a read timeout, a call that got
 * no answer (timeout, refused, reset, dropped) as a transport failure, and the answer's body parsed
 * as JSON when it is JSON. What an answer means (auth, body encoding, error envelope, which status
 * is a success) stays in each PG's own `*-http.ts`.
 */

/** No answer from the PG: TIMEOUT (read timeout), NETWORK_ERROR (refused, reset, dropped). */
export interface PgTransportFailure {
  kind: 'transport';
  code: 'TIMEOUT' | 'NETWORK_ERROR';
  message: string;
}

/** Any HTTP answer; `body` is the parsed JSON, the raw text when it is not JSON, undefined when empty. */
export interface PgAnswer {
  kind: 'answer';
  status: number;
  ok: boolean;
  body: unknown;
}

export interface PgRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PgTransportOptions {
  /** The PG's name in messages ("no answer from Toss within …"). */
  pg: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export async function sendToPg(
  request: PgRequest,
  options: PgTransportOptions,
): Promise<PgAnswer | PgTransportFailure> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return {
        kind: 'transport',
        code: 'TIMEOUT',
        message: `no answer from ${options.pg} within ${options.timeoutMs} ms`,
      };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
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
  return { kind: 'answer', status: response.status, ok: response.ok, body };
}

/** The fields of a JSON object body; none for an empty, non-JSON or scalar body. */
export function fieldsOf(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** A JSON object (not an array, not a scalar). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The base URL without trailing slashes, so `${base}${path}` has exactly one. */
export function trimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
