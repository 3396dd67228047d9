/**
 * NaverPay (결제형 one-time payment) result codes → what Jangteo does about them
 * (docs/vendors/naverpay.md#codes). NaverPay answers HTTP 200 with `{code, message, body}` even for business
 * failures: the decision is made on `code` (an open-ended string), then on the HTTP status when there is no
 * envelope.
 *
 * - final: retrying cannot help (buyer or card refused, expired, validation, configuration — `alert`);
 * - retryable: NaverPay did not do it and a later identical call may succeed (maintenance, a busy
 *   payment, 429);
 * - ambiguous: NaverPay may have done it (5xx, `AlreadyComplete` / `AlreadyOnGoing` on approve,
 *   cancels NaverPay is still finishing): look the history up before deciding;
 * - already_done: a cancel that was already done (read the history back, treat as success).
 *
 * Codes from docs/vendors/naverpay.md (client code, [code]); the list is open-ended, unknown codes are final.
 */
export type NaverPayErrorClass = 'final' | 'retryable' | 'ambiguous' | 'already_done';
export type NaverPayOperation = 'reserve' | 'approve' | 'cancel' | 'history';

export interface NaverPayErrorClassification {
  errorClass: NaverPayErrorClass;
  alert: boolean;
}

const CONFIGURATION = new Set(['InvalidMerchant', 'Unauthorized', 'InvalidClient', 'InvalidChainId']);
/** Maintenance at NaverPay or at the card company/bank: "retry after it ends". */
const RETRYABLE = new Set(['MaintenanceOngoing', 'FaultCheckOngoing']);
const AMBIGUOUS_APPROVE = new Set(['AlreadyComplete', 'AlreadyOnGoing']);
/** PreCancelNotComplete: an earlier cancel is unfinished; CancelNotComplete: NaverPay will finish it itself. */
const AMBIGUOUS_CANCEL = new Set(['PreCancelNotComplete', 'CancelNotComplete']);

export function classifyNaverPayCode(
  code: string,
  httpStatus: number,
  operation: NaverPayOperation,
): NaverPayErrorClassification {
  if (CONFIGURATION.has(code) || httpStatus === 401 || httpStatus === 403)
    return { errorClass: 'final', alert: true };
  if (RETRYABLE.has(code) || httpStatus === 429) return { errorClass: 'retryable', alert: false };
  if (operation === 'history' || operation === 'reserve')
    return { errorClass: httpStatus >= 500 ? 'retryable' : 'final', alert: false };
  if (operation === 'approve' && AMBIGUOUS_APPROVE.has(code))
    return { errorClass: 'ambiguous', alert: false };
  if (operation === 'cancel') {
    if (code === 'AlreadyCanceled') return { errorClass: 'already_done', alert: false };
    if (code === 'AlreadyOnGoing') return { errorClass: 'retryable', alert: false };
    if (AMBIGUOUS_CANCEL.has(code)) return { errorClass: 'ambiguous', alert: false };
  }
  if (httpStatus >= 500) return { errorClass: 'ambiguous', alert: false };
  return { errorClass: 'final', alert: false };
}

/** The buyer closed NaverPay's window (`resultCode=Fail&resultMessage=userCancel`). */
export const NAVERPAY_USER_CANCEL = 'userCancel';
