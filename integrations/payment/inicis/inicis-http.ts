import type { CancelResult, ConfirmResult } from '../../../domain/payment';
import { isJsonObject, sendToPg, type PgTransportFailure } from '../pg-http';
import { classifyInicisAnswer } from './inicis-result-codes';

/**
 * The HTTP layer of the Inicis adapter: INIStdPay approval / net-cancel and INIAPI v1 both take a
 * URL-encoded form and answer JSON (`format=JSON`); a read timeout per call.
 */
export type InicisHttpResult =
  | { kind: 'ok'; status: number; body: Record<string, unknown> }
  /** A non-200 answer, or a 200 whose body is not a JSON object. */
  | { kind: 'error'; status: number; message: string; body: unknown }
  | PgTransportFailure;

export async function postForm(
  url: string,
  fields: Record<string, string>,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<InicisHttpResult> {
  const answer = await sendToPg(
    {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        accept: 'application/json',
      },
      body: new URLSearchParams(fields).toString(),
    },
    { pg: 'KG Inicis', timeoutMs: options.timeoutMs, fetch: options.fetch },
  );
  if (answer.kind === 'transport') return answer;
  if (answer.status === 200 && isJsonObject(answer.body))
    return { kind: 'ok', status: 200, body: answer.body };
  return {
    kind: 'error',
    status: answer.status,
    message: `KG Inicis answered HTTP ${answer.status}`,
    body: answer.body,
  };
}

/** A transport failure or a non-JSON / non-200 answer as a gateway result; undefined for a JSON answer. */
export function transportOrHttp(
  result: InicisHttpResult,
  api: 'stdpay' | 'iniapi',
): ConfirmResult | CancelResult | undefined {
  if (result.kind === 'transport') return { kind: 'ambiguous', code: result.code, message: result.message };
  if (result.kind === 'ok') return undefined;
  const info = {
    code: `HTTP_${result.status}`,
    message: result.message,
    httpStatus: result.status,
    raw: result.body,
  };
  switch (classifyInicisAnswer({ httpStatus: result.status }, api)) {
    case 'retryable':
      return { kind: 'retryable', ...info };
    case 'ambiguous':
      return result.status >= 500 || result.status === 200
        ? { kind: 'ambiguous', ...info }
        : { kind: 'declined', ...info, alert: true };
    default:
      return { kind: 'declined', ...info, alert: true };
  }
}
