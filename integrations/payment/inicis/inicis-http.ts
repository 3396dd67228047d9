/**
 * The HTTP layer of the Inicis adapter: INIStdPay approval / net-cancel and INIAPI v1 both take a
 * URL-encoded form and answer JSON (`format=JSON`); a read timeout per call.
 */
export type InicisHttpResult =
  | { kind: 'ok'; status: number; body: Record<string, unknown> }
  /** A non-200 answer, or a 200 whose body is not a JSON object. */
  | { kind: 'error'; status: number; message: string; body: unknown }
  | { kind: 'transport'; code: 'TIMEOUT' | 'NETWORK_ERROR'; message: string };

export async function postForm(
  url: string,
  fields: Record<string, string>,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<InicisHttpResult> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        accept: 'application/json',
      },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return {
        kind: 'transport',
        code: 'TIMEOUT',
        message: `no answer from KG Inicis within ${options.timeoutMs} ms`,
      };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
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
  if (response.status === 200 && parsed && typeof parsed === 'object' && !Array.isArray(parsed))
    return { kind: 'ok', status: 200, body: parsed as Record<string, unknown> };
  return {
    kind: 'error',
    status: response.status,
    message: `KG Inicis answered HTTP ${response.status}`,
    body: parsed,
  };
}
