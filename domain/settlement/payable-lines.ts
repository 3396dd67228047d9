import { lineFee } from './settlement-fee';

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
  /**
   * Shipping the buyer paid for the part (absent for orders placed before shipping fees): passed to
   * the seller as a SHIPPING_FEE line without platform fee.
   */
  shippingFee?: number;
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
 * What an adjustment is (docs/settlement.md#line-kinds): a REFUND of payable lines (negative), a
 * RETURN_SHIPPING deduction kept from a buyer's refund and passed to the seller (positive), a
 * SELLER_COST such as the return shipping of a defective item (negative).
 */
export const ADJUSTMENT_KINDS = ['REFUND', 'RETURN_SHIPPING', 'SELLER_COST'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** +1 when the seller is paid the adjustment, −1 when it is deducted. */
export const adjustmentSign = (kind: AdjustmentKind): 1 | -1 => (kind === 'RETURN_SHIPPING' ? 1 : -1);

/**
 * Money refunded to a buyer for lines already payable or paid out (a return or a CS refund after
 * the hold): deducted, as a negative line, from the seller's next settlement. Once per `refundId`.
 */
export interface RefundAdjustmentInput {
  /** Absent: REFUND. */
  kind?: AdjustmentKind;
  sellerId: string;
  orderId: string;
  refundId: string;
  /** Whole won (positive); the kind says which way it goes. */
  amount: number;
  reason: string;
  /** ISO-8601: when the money went back to the buyer. */
  at: string;
}

/** The activity settlement serves on its task queue for refunds after the hold. */
export interface RefundAdjustmentIntake {
  recordRefundAdjustment(input: RefundAdjustmentInput): Promise<{ adjustmentId: string; created: boolean }>;
}

/** One row settlement stores for a payable part: a sale line, or the part's shipping fee. */
export interface PayableEntry {
  kind: 'SALE' | 'SHIPPING_FEE';
  /** The order line it comes from; a shipping fee is keyed by the part's first line (unique with the kind). */
  orderLineId: string;
  productName: string;
  quantity: number;
  amount: number;
  feeRateBps: number;
  fee: number;
}

export const SHIPPING_FEE_LINE_NAME = '배송비';

/**
 * What a payable part adds to the seller's settlement: its sales, each with the platform fee, and
 * its shipping fee passed on whole (no fee: the platform's 5 % applies to the goods amount only).
 */
export function payableEntries(input: PayableLinesInput, feeRateBps: number): PayableEntry[] {
  const sales = input.lines.map((line): PayableEntry => ({
    kind: 'SALE',
    orderLineId: line.orderLineId,
    productName: line.productName.slice(0, 200),
    quantity: line.quantity,
    amount: line.amount,
    feeRateBps,
    fee: lineFee(line.amount, feeRateBps),
  }));
  const shippingFee = input.shippingFee ?? 0;
  if (shippingFee <= 0 || sales.length === 0) return sales;
  return [
    ...sales,
    {
      kind: 'SHIPPING_FEE',
      orderLineId: sales[0]!.orderLineId,
      productName: SHIPPING_FEE_LINE_NAME,
      quantity: 1,
      amount: shippingFee,
      feeRateBps: 0,
      fee: 0,
    },
  ];
}
