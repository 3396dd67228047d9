/**
 * How a refund is paid back: through the PG first, then as points, so the buyer gets money back
 * before store credit. Balances are what is still refundable on each side; a refund larger than
 * both together is a programming error.
 */
export interface RefundBalances {
  pg: number;
  points: number;
}

export function splitRefund(
  amount: number,
  balances: RefundBalances,
): { pgAmount: number; pointsAmount: number; after: RefundBalances } {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new Error(`refund must be whole won ≥ 0, got ${amount}`);
  if (amount > balances.pg + balances.points)
    throw new Error(
      `refund ${amount} exceeds what was paid and not refunded (${balances.pg + balances.points})`,
    );
  const pgAmount = Math.min(amount, balances.pg);
  const pointsAmount = amount - pgAmount;
  return {
    pgAmount,
    pointsAmount,
    after: { pg: balances.pg - pgAmount, points: balances.points - pointsAmount },
  };
}
