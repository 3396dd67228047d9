/**
 * What OrderLifecycle hands to settlement when a seller part's 7-day hold after purchase
 * confirmation has ended: these lines are payable from `payableAt` on. Settlement records each line
 * once (by `orderLineId`), with the fee rate in force, and pays it in the next weekly run.
 */
export interface PayableLinesInput {
  orderId: string;
  orderNumber: string;
  sellerId: string;
  /** ISO-8601: when the purchase was confirmed (by the buyer or automatically). */
  purchaseConfirmedAt: string;
  /** ISO-8601: confirmation + 7 days, when the hold ended. */
  payableAt: string;
  lines: PayableLine[];
}

export interface PayableLine {
  orderLineId: string;
  productName: string;
  quantity: number;
  /** Whole won: unit price × quantity as ordered. */
  amount: number;
}

/** The activity settlement serves on its task queue for OrderLifecycle. */
export interface PayableLinesIntake {
  recordPayableLines(input: PayableLinesInput): Promise<{ recorded: number }>;
}

/**
 * Money refunded to a buyer for lines already payable or paid out (a return or a CS refund after
 * the hold): deducted, as a negative line, from the seller's next settlement. Once per `refundId`.
 */
export interface RefundAdjustmentInput {
  sellerId: string;
  orderId: string;
  refundId: string;
  /** Whole won refunded (positive). */
  amount: number;
  reason: string;
  /** ISO-8601: when the money went back to the buyer. */
  at: string;
}

/** The activity settlement serves on its task queue for refunds after the hold. */
export interface RefundAdjustmentIntake {
  recordRefundAdjustment(input: RefundAdjustmentInput): Promise<{ adjustmentId: string; created: boolean }>;
}
