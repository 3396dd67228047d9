/** One HTTP call of the settlement adapters: a timeout per call, transport failures as values. */
export type SettlementHttpOutcome =
  | { kind: 'response'; status: number; json: unknown }
  | { kind: 'transport'; code: 'TIMEOUT' | 'NETWORK_ERROR'; message: string };

export async function callVendor(
  fetchImpl: typeof fetch,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<SettlementHttpOutcome> {
  try {
    const response = await fetchImpl(url, {
      method: init.method,
      headers: { accept: 'application/json', ...init.headers },
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { kind: 'response', status: response.status, json };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return { kind: 'transport', code: 'TIMEOUT', message: `no answer within ${init.timeoutMs} ms` };
    return {
      kind: 'transport',
      code: 'NETWORK_ERROR',
      message: err.cause?.code ?? err.cause?.message ?? err.message,
    };
  }
}

/** yyyyMMddHHmmss and yyyyMMdd in Korean time (banks and the NTS write dates this way). */
export function koreanTimestamp(instant: Date): { dtime: string; date: string } {
  const kst = new Date(instant.getTime() + 9 * 3_600_000).toISOString();
  const date = kst.slice(0, 10).replaceAll('-', '');
  return { date, dtime: `${date}${kst.slice(11, 19).replaceAll(':', '')}` };
}
