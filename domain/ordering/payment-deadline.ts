/** Unpaid orders are cancelled automatically this long after placement (docs/ordering.md). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

export function paymentDueAt(placedAt: Date): Date {
  return new Date(placedAt.getTime() + PAYMENT_WINDOW_MS);
}

/** Milliseconds left to pay at `now` (0 when the deadline has passed). */
export function paymentTimeLeft(placedAt: Date, now: Date): number {
  return Math.max(0, paymentDueAt(placedAt).getTime() - now.getTime());
}
