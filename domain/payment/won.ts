/** Whole Korean won: a non-negative safe integer (no fractions, no floating-point money). */
export function isWon(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A strictly positive amount of whole won. */
export function isPositiveWon(value: unknown): value is number {
  return isWon(value) && value > 0;
}
