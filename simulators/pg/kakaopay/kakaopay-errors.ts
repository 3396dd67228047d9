/**
 * KakaoPay error answers: HTTP 4xx/5xx with `{error_code, error_message, extras?}`
 * (docs/vendors/kakaopay.md#errors). `-780` with `extras.method_result_code = USER_LOCKED` is KakaoPay's
 * documented example; KakaoPay does not publish its full table, so the other numbers here are the simulator's
 * own placeholders [unconfirmed] — the shop's adapter decides on the HTTP status, on `-780`/`-781` extras and
 * on a look-up, never on these placeholder numbers alone.
 */
export interface KakaoPayErrorSpec {
  status: number;
  code: number;
  message: string;
}

export const KAKAOPAY_ERRORS = {
  INVALID_SECRET_KEY: { status: 401, code: -401, message: 'invalid SECRET_KEY authorization' },
  INVALID_PARAMETER: { status: 400, code: -2, message: 'invalid request parameter' },
  INVALID_CID: { status: 400, code: -731, message: 'cid is not allowed for this secret key' },
  NOT_AUTHENTICATED: { status: 400, code: -701, message: 'the buyer has not authenticated this payment yet' },
  ALREADY_PAID: { status: 400, code: -702, message: 'payment already approved for this tid' },
  REQUEST_MISMATCH: { status: 400, code: -706, message: 'request does not match the ready request' },
  INVALID_PG_TOKEN: { status: 400, code: -708, message: 'invalid pg_token' },
  TID_NOT_FOUND: { status: 400, code: -721, message: 'tid does not exist' },
  PAYMENT_CLOSED: { status: 400, code: -723, message: 'payment is closed (quit, failed or expired)' },
  APPROVAL_FAILURE: { status: 400, code: -780, message: 'approval failure!' },
  CANCEL_FAILURE: { status: 400, code: -781, message: 'cancel failure!' },
  NOT_CANCELABLE: { status: 400, code: -707, message: 'payment is not cancelable' },
  CANCEL_AMOUNT_EXCEEDED: { status: 400, code: -710, message: 'cancel amount exceeds the cancelable amount' },
  CANCEL_AVAILABLE_MISMATCH: {
    status: 400,
    code: -711,
    message: 'cancel_available_amount does not match the cancelable amount',
  },
  INTERNAL: { status: 500, code: -1, message: 'internal server error' },
} satisfies Record<string, KakaoPayErrorSpec>;

export type KakaoPayErrorName = keyof typeof KAKAOPAY_ERRORS;

export interface KakaoPayErrorBody {
  error_code: number;
  error_message: string;
  extras?: { method_result_code: string; method_result_message: string };
}

export function kakaoPayError(
  name: KakaoPayErrorName,
  detail?: string,
  extras?: KakaoPayErrorBody['extras'],
): { status: number; body: KakaoPayErrorBody } {
  const spec = KAKAOPAY_ERRORS[name];
  const body: KakaoPayErrorBody = {
    error_code: spec.code,
    error_message: detail ? `${spec.message}: ${detail}` : spec.message,
  };
  if (extras) body.extras = extras;
  return { status: spec.status, body };
}

/** "A transaction is in progress, retry shortly" (docs/vendors/kakaopay.md#errors). */
export const USER_LOCKED = {
  method_result_code: 'USER_LOCKED',
  method_result_message: '진행중인 거래가 있습니다. 잠시 후 다시 시도해 주세요.',
};
