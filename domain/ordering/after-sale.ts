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
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  deductionAmount: number | null;
  refundAmount: number | null;
}

export interface ReturnDecisionRecord {
  status: Exclude<ReturnStatus, 'REQUESTED'>;
  decidedBy: string;
  decidedAt: Date;
  decisionReason: string | null;
  deductionAmount: number | null;
  refundAmount: number | null;
}

/** A new return request: everything but the decision. */
export type NewReturnRequest = Omit<
  OrderReturnRecord,
  'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'deductionAmount' | 'refundAmount'
>;
