/**
 * Points earned at purchase confirmation (docs/payments.md#points): `rateBps` basis points of what
 * the buyer paid through the PG for that seller's part — nothing on the part paid with points —
 * rounded down to whole won. Default 100 bps = 1 %.
 */
export const DEFAULT_POINTS_EARN_RATE_BPS = 100;
export const DEFAULT_POINTS_VALIDITY_DAYS = 365;

/**
 * The PG share of one part: an order's points pay every part alike, so each part is paid by the
 * PG in the order's proportion (floor, never more than the part).
 */
export function pgShareOfPart(input: {
  partAmount: number;
  orderTotal: number;
  orderPgAmount: number;
}): number {
  const { partAmount, orderTotal, orderPgAmount } = input;
  if (orderTotal <= 0 || orderPgAmount <= 0 || partAmount <= 0) return 0;
  return Math.min(partAmount, Math.floor((orderPgAmount * partAmount) / orderTotal));
}

export function pointsToEarn(input: { pgAmount: number; rateBps: number }): number {
  if (input.pgAmount <= 0 || input.rateBps <= 0) return 0;
  return Math.floor((input.pgAmount * input.rateBps) / 10_000);
}

/** The reference of a part's earning: one EARN per order part, ever. */
export const earnReference = (orderId: string, sellerId: string) => `earn:${orderId}:${sellerId}`;

export interface PointsSettings {
  /** POINTS_EARN_RATE_BPS. */
  earnRateBps: number;
  /** POINTS_VALIDITY_DAYS. */
  validityDays: number;
}

export const DEFAULT_POINTS_SETTINGS: PointsSettings = {
  earnRateBps: DEFAULT_POINTS_EARN_RATE_BPS,
  validityDays: DEFAULT_POINTS_VALIDITY_DAYS,
};
