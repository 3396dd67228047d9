import type { RefundBreakdown, ReturnReasonCode } from './refund-rules';

/** What an order keeps after placement besides its statuses: the PG checkouts prepared and its return requests. */

export interface OrderCheckoutRecord {
  id: string;
  orderId: string;
  provider: string;
  pgReference: string | null;
  checkoutUrl: string | null;
  expiresAt: Date | null;
  createdAt: Date;
}

export type ReturnStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED';

export interface OrderReturnRecord {
  id: string;
  orderId: string;
  sellerId: string;
  status: ReturnStatus;
  reason: string;
  /** Null for returns requested before reason codes (refunded as the seller decided). */
  reasonCode: ReturnReasonCode | null;
  /** The lines returned; null or empty: the whole part. */
  returnedLineIds: string[] | null;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  deductionAmount: number | null;
  refundAmount: number | null;
  /** How the refund was computed (refund-rules.ts), once approved under the shipping rules. */
  refundBreakdown: RefundBreakdown | null;
}

export interface ReturnDecisionRecord {
  status: Exclude<ReturnStatus, 'REQUESTED'>;
  decidedBy: string;
  decidedAt: Date;
  decisionReason: string | null;
  deductionAmount: number | null;
  refundAmount: number | null;
  refundBreakdown?: RefundBreakdown | null;
}

/** A new return request: everything but the decision. */
export type NewReturnRequest = Omit<
  OrderReturnRecord,
  | 'status'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionReason'
  | 'deductionAmount'
  | 'refundAmount'
  | 'refundBreakdown'
  | 'reasonCode'
  | 'returnedLineIds'
> &
  Partial<Pick<OrderReturnRecord, 'reasonCode' | 'returnedLineIds'>>;
