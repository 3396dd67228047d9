/**
 * The HTTP layer of the SweetTracker adapter: one call, a timeout, and the three ways it can end —
 * a JSON answer (SweetTracker answers its own errors as HTTP 200 `{status: false, code, msg}`), an
 * HTTP error, or no answer at all.
 */
export type SweetTrackerHttpResult =
  | { kind: 'ok'; body: Record<string, unknown> }
  | { kind: 'http_error'; status: number }
  | { kind: 'transport'; code: 'TIMEOUT' | 'NETWORK_ERROR'; message: string };

export async function callSweetTracker(
  url: string,
  init: { method: 'GET' | 'POST'; form?: Record<string, string> },
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<SweetTrackerHttpResult> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return { kind: 'transport', code: 'TIMEOUT', message: `no answer within ${options.timeoutMs} ms` };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return {
      kind: 'transport',
      code: 'NETWORK_ERROR',
      message: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  }
  if (!response.ok) return { kind: 'http_error', status: response.status };
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body))
      return { kind: 'ok', body: body as Record<string, unknown> };
  } catch {
    // fall through: not JSON
  }
  return { kind: 'transport', code: 'NETWORK_ERROR', message: 'the answer was not a JSON object' };
}

const KST_OFFSET_MS = 9 * 3600_000;

/** `2024-11-24 13:30:05` (Korean local time, as SweetTracker writes it) → epoch ms; NaN if not such a time. */
export function epochOfKoreanTime(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - KST_OFFSET_MS
  );
}
