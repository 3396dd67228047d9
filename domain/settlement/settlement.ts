import type { SettlementFigures } from './settlement-calculation';
import type { AdjustmentKind, PayableLinesInput } from './payable-lines';
import type { SettlementWeek } from './settlement-week';

/**
 * A seller's settlement of one week, unique by (seller, week).
 *  - CARRIED_OVER: net under the minimum; nothing was claimed, the lines wait for next week.
 *  - PAYOUT_PENDING: the lines and refunds are claimed by it; the transfer is not confirmed yet.
 *  - PAID_OUT: the bank confirmed the transfer; the tax invoice or the statement may still be owed.
 *  - COMPLETED: paid, tax invoice issued (when there was a fee), statement sent.
 *  - PAYOUT_FAILED: the bank refused (or no account was registered); its claims were released, so
 *    the lines are settled again the following week.
 */
export const SETTLEMENT_STATUSES = [
  'CARRIED_OVER',
  'PAYOUT_PENDING',
  'PAID_OUT',
  'COMPLETED',
  'PAYOUT_FAILED',
] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

export interface Settlement {
  id: string;
  sellerId: string;
  weekId: string;
  periodStart: Date;
  cutoff: Date;
  status: SettlementStatus;
  gross: number;
  fee: number;
  refunds: number;
  net: number;
  saleCount: number;
  refundCount: number;
  failureCode: string | null;
  failureMessage: string | null;
  paidOutAt: Date | null;
  statementNotificationId: string | null;
  statementSentAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The kinds of statement rows (docs/settlement.md#line-kinds): SALE and SHIPPING_FEE (payable lines;
 * the platform fee on sales only), then the adjustments' kinds.
 */
export const SETTLEMENT_LINE_KINDS = [
  'SALE',
  'SHIPPING_FEE',
  'REFUND',
  'RETURN_SHIPPING',
  'SELLER_COST',
] as const;
export type SettlementLineKind = (typeof SETTLEMENT_LINE_KINDS)[number];
export type PayableLineKind = Extract<SettlementLineKind, 'SALE' | 'SHIPPING_FEE'>;

/** A row of the settlement's statement: money to the seller positive, deductions negative, as it was settled. */
export interface SettlementLine {
  kind: SettlementLineKind;
  sourceId: string;
  orderId: string;
  orderNumber: string | null;
  /** Product name of a sale; the reason of a refund. */
  description: string;
  quantity: number | null;
  amount: number;
  feeRateBps: number | null;
  fee: number;
  /** When the sale became payable, or when the refund happened. */
  occurredAt: Date;
}

export type PayoutStatus = 'REQUESTED' | 'PAID' | 'FAILED';

export interface SettlementPayout {
  settlementId: string;
  amount: number;
  bankCode: string;
  accountMasked: string;
  /** The bank transfer's id, derived from the settlement id (the transfer's idempotency key). */
  transferId: string;
  status: PayoutStatus;
  vendorCode: string | null;
  vendorMessage: string | null;
  requestedAt: Date;
  paidAt: Date | null;
}

export interface SettlementTaxInvoice {
  settlementId: string;
  /** The invoicer's document key (Popbill invoicerMgtKey), derived from the settlement id. */
  mgtKey: string;
  status: 'ISSUED' | 'FAILED';
  /** 국세청 승인번호 once issued. */
  ntsConfirmNum: string | null;
  writeDate: string;
  supplyCost: number;
  tax: number;
  total: number;
  issuedAt: Date | null;
  failureCode: string | null;
  failureMessage: string | null;
}

export interface SettlementDetail extends Settlement {
  lines: SettlementLine[];
  payout: SettlementPayout | null;
  taxInvoice: SettlementTaxInvoice | null;
}

/** A refund deducted from a later settlement (recorded by OrderLifecycle or by CS), once per refund id. */
export interface RefundAdjustment {
  id: string;
  kind: AdjustmentKind;
  refundId: string;
  sellerId: string;
  orderId: string;
  amount: number;
  reason: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedBy: string | null;
  settlementId: string | null;
}

export interface SettlementPage {
  items: Settlement[];
  nextCursor: string | null;
}

/** Where settlements are kept (persistence/settlement). Every write is idempotent. */
export interface SettlementStore {
  /** Stores each line once by orderLineId, with the fee rate in force; returns how many were new. */
  recordPayableLines(input: PayableLinesInput, feeRateBps: number, now: Date): Promise<{ recorded: number }>;
  /** Stores the refund once by refundId; a repeat with other values is SETTLEMENT_ADJUSTMENT_CONFLICT. */
  recordAdjustment(adjustment: RefundAdjustment): Promise<{ adjustment: RefundAdjustment; created: boolean }>;
  /** Sellers with something to settle in the week (pending lines or refunds, or an unfinished payout), by id. */
  sellersToSettle(week: SettlementWeek, afterSellerId: string | null, limit: number): Promise<string[]>;
  /**
   * The seller's settlement of the week: the existing one, or a new one computed from what is
   * pending before the cutoff (claiming it when it is paid out). Null when nothing is pending.
   */
  prepare(
    week: SettlementWeek,
    sellerId: string,
    ids: { newId(): string; now: Date },
  ): Promise<{ settlement: Settlement; figures: SettlementFigures; created: boolean } | null>;
  get(settlementId: string): Promise<SettlementDetail | null>;
  list(filter: {
    sellerId?: string;
    weekId?: string;
    status?: SettlementStatus;
    cursor?: string;
    limit: number;
  }): Promise<SettlementPage>;
  /** The payout row, created REQUESTED on the first call; later calls return it unchanged. */
  beginPayout(payout: SettlementPayout): Promise<{ payout: SettlementPayout; created: boolean }>;
  completePayout(
    settlementId: string,
    result: { paidAt: Date; vendorCode: string; raw: unknown },
    now: Date,
  ): Promise<void>;
  /** A definite refusal: the payout FAILED, the settlement PAYOUT_FAILED, its lines and refunds released. */
  failPayout(
    settlementId: string,
    failure: { code: string; message: string; raw?: unknown },
    now: Date,
  ): Promise<void>;
  saveTaxInvoice(invoice: SettlementTaxInvoice, raw: unknown, now: Date): Promise<void>;
  /** Records the statement; the settlement is COMPLETED once paid out, invoiced (if owed) and sent. */
  markStatementSent(settlementId: string, notificationId: string, now: Date): Promise<void>;
}
