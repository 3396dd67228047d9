/**
 * NicePay `resultCode`s → what Jangteo does about them (docs/vendors/nicepay.md#result-codes; the classes
 * are recommendations, the codes are NicePay's). NicePay answers business outcomes with HTTP 200 and
 * a code, and reuses numbers across endpoints (2011 is "CINO 미존재" on approval but "취소 금액
 * 불일치" on a cancel), so a code is read together with the operation that returned it.
 *
 * - ok: done (approval, cancel, net-cancel, a found payment);
 * - final: retrying cannot help (declines, validation; `alert` for merchant configuration);
 * - retryable: NicePay says it did not do it; the same call later may succeed;
 * - already_approved: 2201 기승인존재 — read the payment back before deciding;
 * - already_done: a cancel that had been done before (read it back, treat as success);
 * - not_found: nothing to find or cancel for this tid / orderId.
 */
export type NicepayOperation = 'approve' | 'cancel' | 'netCancel' | 'lookup';
export type NicepayResultClass =
  'ok' | 'final' | 'retryable' | 'already_approved' | 'already_done' | 'not_found';

export interface NicepayResultClassification {
  resultClass: NicepayResultClass;
  alert: boolean;
}

/** Method-level success codes NicePay may put in an approval's resultCode (card, transfer, VA issued/deposit, phone). */
const APPROVE_OK = new Set(['0000', '3001', '4000', '4100', '4110', 'A000']);
const CANCEL_OK = new Set(['0000', '2001', '2211']);
/** DB error, bank outage or maintenance, VA numbering retry, external / carrier link failures, notice failure. */
const RETRYABLE = new Set(['2000', '2159', '4008', '4116', 'A110', 'A111', 'A144']);
/** The merchant's setup, not the buyer: an operator must act. */
const CONFIGURATION = new Set(['2151', '2152', '3012', '3013', '3014', '3051', 'A109', 'A114', 'A122']);
const NOT_FOUND = new Set(['A118', 'A115', 'A210', 'A214']);

export function classifyNicepayResult(
  code: string,
  operation: NicepayOperation,
): NicepayResultClassification {
  const result = (resultClass: NicepayResultClass, alert = false) => ({ resultClass, alert });
  if (CONFIGURATION.has(code)) return result('final', true);
  if (RETRYABLE.has(code)) return result('retryable');
  switch (operation) {
    case 'approve':
      if (APPROVE_OK.has(code)) return result('ok');
      if (code === '2201') return result('already_approved');
      return result('final');
    case 'cancel':
      if (CANCEL_OK.has(code)) return result('ok');
      // A127: the unique orderId of a partial cancel was used before — that cancel was done.
      if (code === '2013' || code === '2015' || code === 'A127') return result('already_done');
      if (code === '2012') return result('not_found');
      return result('final');
    case 'netCancel':
      if (CANCEL_OK.has(code)) return result('ok');
      if (code === '2013' || code === '2015') return result('already_done');
      if (code === '2012' || NOT_FOUND.has(code)) return result('not_found');
      return result('final');
    case 'lookup':
      if (code === '0000') return result('ok');
      if (NOT_FOUND.has(code) || code === '2012') return result('not_found');
      return result('final');
  }
}

/** 2020: the 1-hour net-cancel window has passed — a normal cancel is the only way left. */
export const NICEPAY_NET_CANCEL_WINDOW_PASSED = '2020';
