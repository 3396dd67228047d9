/**
 * Idempotency keys for PG calls: one per business operation, stable across retries of that
 * operation (a constant key would replay another order's answer; a fresh key per retry would let a
 * lost-response retry be executed twice). `attempt` is the PaymentAttempt number n of
 * `payment:<orderId>:<n>`; `n` of a cancel is the cancel's sequence number for the order.
 */
export function confirmIdempotencyKey(orderId: string, attempt: number): string {
  return `confirm:${orderId}:${attempt}`;
}

export function cancelIdempotencyKey(orderId: string, sequence: number): string {
  return `cancel:${orderId}:${sequence}`;
}

export function netCancelIdempotencyKey(orderId: string, attempt: number): string {
  return `net-cancel:${orderId}:${attempt}`;
}

/** A refund (full or partial cancel) of an approved payment, keyed by the refund's own id. */
export function refundIdempotencyKey(refundId: string): string {
  return `refund:${refundId}`;
}
