/**
 * KakaoPay (online single payment) errors → what Jangteo does about them (docs/vendors/kakaopay.md#errors).
 * KakaoPay answers HTTP 4xx/5xx with `{error_code: <negative int>, error_message, extras:
 * {method_result_code, method_result_message}}`. Only `-780` with `USER_LOCKED` ("a transaction is in
 * progress, retry shortly") is documented; the full table is not public, so the rules lean on the
 * HTTP status and on that one documented pair:
 *
 * - final: retrying cannot help (declines, validation, configuration — `alert` for the latter);
 * - retryable: KakaoPay did not do it and says to try again shortly (USER_LOCKED, 429);
 * - ambiguous: KakaoPay may have done it (5xx, `-702` "already paid" on approve): look the order up.
 *
 * KakaoPay documents no idempotency for approve or cancel, so a repeated call is never assumed safe:
 * ambiguity is always settled with `/order` before another approve or cancel goes out.
 */
export type KakaoPayErrorClass = 'final' | 'retryable' | 'ambiguous';
export type KakaoPayOperation = 'ready' | 'approve' | 'cancel' | 'order';

export interface KakaoPayErrorClassification {
  errorClass: KakaoPayErrorClass;
  alert: boolean;
}

/** `-780` approval failure / `-781` cancel failure: their `extras.method_result_code` says why. */
export const KAKAOPAY_APPROVAL_FAILURE = -780;
export const KAKAOPAY_CANCEL_FAILURE = -781;
/** The approve of a tid that is already paid [unconfirmed number]. */
export const KAKAOPAY_ALREADY_PAID = -702;

const RETRY_LATER_METHOD_RESULTS = new Set(['USER_LOCKED']);

export function classifyKakaoPayError(input: {
  errorCode?: number;
  methodResultCode?: string;
  httpStatus: number;
  operation: KakaoPayOperation;
}): KakaoPayErrorClassification {
  const { errorCode, methodResultCode, httpStatus, operation } = input;
  if (httpStatus === 401 || httpStatus === 403) return { errorClass: 'final', alert: true };
  if (methodResultCode && RETRY_LATER_METHOD_RESULTS.has(methodResultCode))
    return { errorClass: 'retryable', alert: false };
  if (httpStatus === 429) return { errorClass: 'retryable', alert: false };
  // Ready and the order look-up change nothing at KakaoPay: anything that is not a definite answer is worth asking again.
  if (operation === 'order' || operation === 'ready')
    return { errorClass: httpStatus >= 500 ? 'retryable' : 'final', alert: false };
  if (operation === 'approve' && errorCode === KAKAOPAY_ALREADY_PAID)
    return { errorClass: 'ambiguous', alert: false };
  if (httpStatus >= 500) return { errorClass: 'ambiguous', alert: false };
  return { errorClass: 'final', alert: false };
}

/** KakaoPay `/order` statuses (docs/vendors/kakaopay.md#order-statuses, consistent across client code). */
export type KakaoPayStatusClass = 'in_progress' | 'paid' | 'partially_canceled' | 'canceled' | 'failed';

const STATUS_CLASS: Record<string, KakaoPayStatusClass> = {
  READY: 'in_progress',
  SEND_TMS: 'in_progress',
  OPEN_PAYMENT: 'in_progress',
  SELECT_METHOD: 'in_progress',
  ARS_WAITING: 'in_progress',
  AUTH_PASSWORD: 'in_progress',
  ISSUED_SID: 'in_progress',
  SUCCESS_PAYMENT: 'paid',
  PART_CANCEL_PAYMENT: 'partially_canceled',
  CANCEL_PAYMENT: 'canceled',
  FAIL_AUTH_PASSWORD: 'failed',
  QUIT_PAYMENT: 'failed',
  FAIL_PAYMENT: 'failed',
};

/** Unknown statuses are read as in progress: nothing is assumed paid or failed that KakaoPay did not say. */
export function classifyKakaoPayStatus(status: string): KakaoPayStatusClass {
  return STATUS_CLASS[status] ?? 'in_progress';
}
