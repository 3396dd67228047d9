/**
 * KG Inicis outcomes → what Jangteo does (docs/vendors/inicis.md#result-classes). Inicis documents two
 * success codes only: `0000` for INIStdPay authentication, approval and net-cancel, `00` for INIAPI. Its
 * error code table is not public, so every other code on an approval is a final decline, and the transport
 * decides the rest:
 * - HTTP 429 / 503: Inicis refused the request before taking it (busy) — retryable;
 * - any other 5xx, a timeout or a lost connection: Inicis may have approved — ambiguous, settled
 *   by net-cancel (`netCancelUrl`, the only way back documented for an approval whose answer was
 *   lost: INIStdPay has no look-up by order).
 */
export type InicisResultClass = 'ok' | 'final' | 'retryable' | 'ambiguous';

export const INICIS_STDPAY_OK = '0000';
export const INICIS_INIAPI_OK = '00';

export function classifyInicisAnswer(
  answer: { httpStatus: number; resultCode?: string },
  api: 'stdpay' | 'iniapi',
): InicisResultClass {
  if (answer.httpStatus === 429 || answer.httpStatus === 503) return 'retryable';
  if (answer.httpStatus >= 500 || answer.resultCode === undefined) return 'ambiguous';
  return answer.resultCode === (api === 'stdpay' ? INICIS_STDPAY_OK : INICIS_INIAPI_OK) ? 'ok' : 'final';
}
