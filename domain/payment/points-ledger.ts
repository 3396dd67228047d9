import type { PointsEntry } from './points-account';
import type { Clawback } from './points-clawback';

/**
 * The stored points of members (port; persistence/payment implements it over PointsAccount with
 * optimistic locking). Every operation is idempotent by its key: hold/capture/release by order id,
 * refund by refund id, earn by its reference, clawback by its reference. Repeating one changes
 * nothing. Each operation first expires the member's lots that are due (docs/payments.md#points).
 */
export interface PointsBalance {
  userId: string;
  available: number;
  held: number;
}

export interface ExpiringPoints {
  amount: number;
  expiresAt: string;
}

export interface ClawbackRequest {
  orderId: string;
  /** The EARN entry's reference (`earn:<orderId>:<sellerId>`): what was earned. */
  earnReference: string;
  /** Idempotency key of this clawback (`clawback:<refundId>`). */
  reference: string;
  reason: string;
  refundedPgAmount: number;
  paidPgAmount: number;
}

export interface PointsLedger {
  /** `at`: when the points were earned (their validity counts from it); default now. */
  earn(
    userId: string,
    amount: number,
    reference: string,
    options?: { at?: Date; reason?: string },
  ): Promise<PointsBalance>;
  hold(userId: string, orderId: string, amount: number): Promise<PointsBalance>;
  capture(userId: string, orderId: string): Promise<PointsBalance>;
  release(userId: string, orderId: string): Promise<PointsBalance>;
  refund(userId: string, orderId: string, amount: number, refundId: string): Promise<PointsBalance>;
  /** CS: positive grants, negative deducts (never below the available balance). */
  adjust(userId: string, amount: number, reason: string): Promise<PointsBalance>;
  clawBack(userId: string, request: ClawbackRequest): Promise<Clawback & { balance: PointsBalance }>;
  /** Expires one member's due lots as of `asOf` (EXPIRE entries). */
  expire(userId: string, asOf: Date): Promise<PointsBalance>;
  /** Expires the due lots of up to `limit` members; returns how many members were visited. */
  expireDue(asOf: Date, limit: number): Promise<number>;
  balance(userId: string): Promise<PointsBalance>;
  /** Points with an expiry up to `until`, soonest first. */
  expiring(userId: string, until: Date): Promise<ExpiringPoints[]>;
  /** Newest first; the cursor is the last entry id seen. */
  entries(
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: PointsEntry[]; nextCursor: string | null }>;
}
