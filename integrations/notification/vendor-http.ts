/** Minimal JSON-over-HTTP for the NHN adapters: timeouts and network failures become values, not throws. */
export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; json: unknown }
  | { kind: 'network-error'; message: string };

export async function requestJson(
  fetchImpl: typeof fetch,
  url: string,
  init: {
    method: 'GET' | 'POST' | 'DELETE';
    headers: Record<string, string>;
    body?: unknown;
    timeoutMs: number;
  },
): Promise<HttpOutcome> {
  try {
    const response = await fetchImpl(url, {
      method: init.method,
      headers: {
        Accept: 'application/json',
        ...(init.body !== undefined && { 'Content-Type': 'application/json;charset=UTF-8' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { kind: 'response', status: response.status, headers: response.headers, json };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    const message =
      err.name === 'TimeoutError' ? `timeout after ${init.timeoutMs} ms` : (err.cause?.code ?? err.message);
    return { kind: 'network-error', message };
  }
}

/** Retry-After in seconds (or an HTTP date) → the instant; `fallbackMs` when absent or unreadable. */
export function retryAfterFrom(headers: Headers, now: Date, fallbackMs = 1000): Date {
  const value = headers.get('Retry-After');
  if (value && /^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const date = value ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? new Date(now.getTime() + fallbackMs) : new Date(date);
}
