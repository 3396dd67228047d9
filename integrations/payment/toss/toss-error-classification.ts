/**
 * Toss Payments error codes → what Jangteo does about them (docs/vendors/toss.md#errors). Pure data so the
 * adapter, the simulator tests and the runbook agree on one table.
 *
 * - final: retrying cannot help (declines, validation, configuration — `alert` for the latter);
 * - retryable: Toss says the operation was not done, the same call later may succeed;
 * - ambiguous: Toss may have done it (or already had): look the payment up before deciding;
 * - already_done: a cancel that was already done (read the payment back, treat as success).
 */
export type TossErrorClass = 'final' | 'retryable' | 'ambiguous' | 'already_done';
export type TossOperation = 'confirm' | 'cancel' | 'lookup';

export interface TossErrorClassification {
  errorClass: TossErrorClass;
  alert: boolean;
}

const CONFIGURATION = new Set([
  'UNAUTHORIZED_KEY',
  'INVALID_API_KEY',
  'INCORRECT_BASIC_AUTH_FORMAT',
  'FORBIDDEN_REQUEST',
  'INVALID_IDEMPOTENCY_KEY',
]);

const RETRYABLE = new Set([
  'PROVIDER_ERROR',
  'IDEMPOTENT_REQUEST_PROCESSING',
  // Toss says the payment was not completed: safe to call again.
  'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
  // cancel side: bank / method temporarily unavailable
  'FAILED_REFUND_PROCESS',
  'FAILED_METHOD_HANDLING_CANCEL',
  'FAILED_PARTIAL_REFUND',
]);

/** Internal/unknown errors: Toss may or may not have processed the request. */
const UNKNOWN_OUTCOME = new Set([
  'FAILED_INTERNAL_SYSTEM_PROCESSING',
  'UNKNOWN_PAYMENT_ERROR',
  'COMMON_ERROR',
]);

export function classifyTossError(
  code: string,
  httpStatus: number,
  operation: TossOperation,
): TossErrorClassification {
  if (CONFIGURATION.has(code) || httpStatus === 401) return { errorClass: 'final', alert: true };
  if (operation === 'lookup') {
    // A GET changes nothing: anything that is not a definite answer is simply worth asking again.
    if (code === 'NOT_FOUND_PAYMENT' || code === 'NOT_FOUND') return { errorClass: 'final', alert: false };
    if (RETRYABLE.has(code) || UNKNOWN_OUTCOME.has(code) || httpStatus >= 500 || httpStatus === 429)
      return { errorClass: 'retryable', alert: false };
    return { errorClass: 'final', alert: false };
  }
  if (operation === 'confirm' && (code === 'ALREADY_PROCESSED_PAYMENT' || code === 'DUPLICATED_ORDER_ID')) {
    return { errorClass: 'ambiguous', alert: false };
  }
  if (operation === 'cancel' && code === 'ALREADY_CANCELED_PAYMENT')
    return { errorClass: 'already_done', alert: false };
  if (RETRYABLE.has(code)) return { errorClass: 'retryable', alert: false };
  if (UNKNOWN_OUTCOME.has(code)) return { errorClass: 'ambiguous', alert: false };
  if (httpStatus === 429) return { errorClass: 'retryable', alert: false };
  if (httpStatus >= 500) return { errorClass: 'ambiguous', alert: false };
  return { errorClass: 'final', alert: false };
}
