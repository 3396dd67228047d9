/**
 * Taking earned points back when the purchase that earned them is refunded (docs/payments.md#points).
 * The share of the points is the share of the PG amount refunded (floor, whole won). Points the
 * buyer no longer has (spent, expired) cannot be taken from the balance, which never goes negative:
 * that shortfall is kept from the refund instead.
 */
export interface ClawbackInput {
  /** Points earned by the purchase. */
  earned: number;
  /** PG amount refunded now (cumulative refunds: pass the total so far and subtract earlier clawbacks). */
  refundedPgAmount: number;
  /** PG amount the purchase paid. */
  paidPgAmount: number;
  /** The member's available points now. */
  available: number;
}

export interface Clawback {
  /** Points to take from the balance (≤ available). */
  clawback: number;
  /** Won to keep from the refund for the points that could not be taken back. */
  takenFromRefund: number;
}

export function clawbackFor(input: ClawbackInput): Clawback {
  const { earned, refundedPgAmount, paidPgAmount, available } = input;
  if (earned <= 0 || paidPgAmount <= 0 || refundedPgAmount <= 0) return { clawback: 0, takenFromRefund: 0 };
  const due = Math.floor((earned * Math.min(refundedPgAmount, paidPgAmount)) / paidPgAmount);
  const clawback = Math.min(due, Math.max(0, available));
  return { clawback, takenFromRefund: due - clawback };
}
