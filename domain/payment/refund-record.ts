/**
 * One refund of an order (a cancel or an approved return), as the buyer and the seller see it until
 * the money is back (docs/payments.md#refunds-the-pg-refuses). PENDING while the PG and the points
 * ledger are being asked; DONE once both gave the money back; FAILED when the PG refused it, until
 * an operator's retry of its dead letter succeeds.
 */
export type RefundStatus = 'PENDING' | 'DONE' | 'FAILED';

export interface RefundRecord {
  /** `<orderId>:<cancel or return key>`: also the PG idempotency key's base (refundIdempotencyKey). */
  refundId: string;
  orderId: string;
  pgAmount: number;
  pointsAmount: number;
  status: RefundStatus;
  failureCode?: string;
  failureMessage?: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface RefundRecords {
  /** Marks the refund PENDING (created if new); a DONE refund stays DONE. Returns the stored record. */
  begin(refund: Omit<RefundRecord, 'status' | 'createdAt' | 'updatedAt'>, at: Date): Promise<RefundRecord>;
  markDone(refundId: string, at: Date): Promise<void>;
  markFailed(refundId: string, failure: { code: string; message: string }, at: Date): Promise<void>;
  find(refundId: string): Promise<RefundRecord | null>;
  ofOrder(orderId: string): Promise<RefundRecord[]>;
}

/** The order's refund flag: the worst of its refunds (FAILED, then PENDING), DONE when all are, null when none. */
export function refundStatusOf(refunds: readonly Pick<RefundRecord, 'status'>[]): RefundStatus | null {
  if (refunds.length === 0) return null;
  if (refunds.some((r) => r.status === 'FAILED')) return 'FAILED';
  if (refunds.some((r) => r.status === 'PENDING')) return 'PENDING';
  return 'DONE';
}
