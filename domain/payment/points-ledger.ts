import type { PointsEntry } from './points-account';

/**
 * The stored points of members (port; persistence/payment implements it over PointsAccount with
 * optimistic locking). Every operation is idempotent by its key: hold/capture/release by order id,
 * refund by refund id, earn by its reference. Repeating one changes nothing.
 */
export interface PointsBalance {
  userId: string;
  available: number;
  held: number;
}

export interface PointsLedger {
  earn(userId: string, amount: number, reference: string): Promise<PointsBalance>;
  hold(userId: string, orderId: string, amount: number): Promise<PointsBalance>;
  capture(userId: string, orderId: string): Promise<PointsBalance>;
  release(userId: string, orderId: string): Promise<PointsBalance>;
  refund(userId: string, orderId: string, amount: number, refundId: string): Promise<PointsBalance>;
  balance(userId: string): Promise<PointsBalance>;
  /** Newest first; the cursor is the last entry id seen. */
  entries(
    userId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: PointsEntry[]; nextCursor: string | null }>;
}
