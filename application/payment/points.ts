import {
  earnReference,
  pgShareOfPart,
  pointsToEarn,
  type PointsLedger,
  type PointsSettings,
} from '../../domain/payment';
import { DomainError } from '../../domain/shared/domain-error';

/** How far ahead "expiring soon" looks on the buyer's points page. */
export const EXPIRING_SOON_DAYS = 30;

export interface PointsDeps {
  points: PointsLedger;
  settings: PointsSettings;
  now(): Date;
}

/**
 * The buyer's points page: lots that expired since the last daily run are expired first (so the
 * balance shown is what can be spent and the ledger shows why it dropped), then the balance, what
 * expires in the next 30 days with its dates, and a page of the ledger, newest first.
 */
export async function readMyPoints(
  deps: PointsDeps,
  userId: string,
  page: { limit: number; cursor?: string },
) {
  const now = deps.now();
  const balance = await deps.points.expire(userId, now);
  const [expiring, entries] = await Promise.all([
    deps.points.expiring(userId, new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000)),
    deps.points.entries(userId, page),
  ]);
  return { balance, expiring, entries };
}

/** CS grants (amount > 0) or deducts (amount < 0) points with a reason; a deduction never overdraws. */
export async function adjustPoints(
  deps: PointsDeps & { userExists(userId: string): Promise<boolean> },
  input: { userId: string; amount: number; reason: string },
) {
  if (!(await deps.userExists(input.userId)))
    throw new DomainError('USER_NOT_FOUND', `no user ${input.userId}`, { userId: input.userId });
  return deps.points.adjust(input.userId, input.amount, input.reason.trim());
}

export interface EarnPointsInput {
  userId: string;
  orderId: string;
  orderNumber: string;
  sellerId: string;
  /** The part's amount and the order's total and PG amount: the part's PG share earns. */
  partAmount: number;
  orderTotal: number;
  orderPgAmount: number;
  /** ISO-8601, the purchase confirmation: the points' validity counts from it. */
  confirmedAt: string;
}

/** Points for a confirmed part, once (by `earn:<orderId>:<sellerId>`); nothing when it earns 0. */
export async function earnPointsForPart(deps: PointsDeps, input: EarnPointsInput) {
  const pgAmount = pgShareOfPart(input);
  const earned = pointsToEarn({ pgAmount, rateBps: deps.settings.earnRateBps });
  if (earned === 0) return { earned: 0 };
  await deps.points.earn(input.userId, earned, earnReference(input.orderId, input.sellerId), {
    at: new Date(input.confirmedAt),
    reason: `구매확정 적립 (주문 ${input.orderNumber})`,
  });
  return { earned };
}
