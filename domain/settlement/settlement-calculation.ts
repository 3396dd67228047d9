import { adjustmentSign, type AdjustmentKind } from './payable-lines';

/**
 * The weekly arithmetic for one seller (docs/settlement.md#rules): gross of the payable lines, the fee each
 * line carries, refunds recorded after the lines became payable (deducted as negative amounts),
 * net = gross − fee − refunds. A net of at least MINIMUM_PAYOUT is paid out; anything less —
 * including a negative net — is carried over: its lines and refunds wait for the next week and
 * are computed again with whatever is added by then.
 */
export const MINIMUM_PAYOUT = 10_000;

export interface SaleForSettlement {
  id: string;
  amount: number;
  feeRateBps: number;
  /** The line's fee as stored at intake (settlement-fee.ts lineFee). */
  fee: number;
}

export interface RefundForSettlement {
  id: string;
  /** Absent: REFUND. A RETURN_SHIPPING credit is paid to the seller; the other kinds are deducted. */
  kind?: AdjustmentKind;
  /** A positive number of won; the kind gives the sign on the statement. */
  amount: number;
}

export type SettlementDecision = 'PAY_OUT' | 'CARRY_OVER';

export interface SettlementFigures {
  gross: number;
  fee: number;
  refunds: number;
  net: number;
  saleCount: number;
  refundCount: number;
  decision: SettlementDecision;
}

/**
 * gross = sales + shipping fees + return-shipping credits; refunds = refunds + seller-borne costs;
 * the fee is what the lines carry (0 on shipping fee lines).
 */
export function computeSettlement(
  sales: readonly SaleForSettlement[],
  refunds: readonly RefundForSettlement[],
): SettlementFigures {
  const credits = refunds.filter((r) => adjustmentSign(r.kind ?? 'REFUND') > 0);
  const debits = refunds.filter((r) => adjustmentSign(r.kind ?? 'REFUND') < 0);
  const gross = sum(sales.map((line) => line.amount)) + sum(credits.map((credit) => credit.amount));
  const fee = sum(sales.map((line) => line.fee));
  const refunded = sum(debits.map((refund) => refund.amount));
  const net = gross - fee - refunded;
  return {
    gross,
    fee,
    refunds: refunded,
    net,
    saleCount: sales.length,
    refundCount: refunds.length,
    decision: net >= MINIMUM_PAYOUT ? 'PAY_OUT' : 'CARRY_OVER',
  };
}

/**
 * One weekly run over what is pending for a seller: the figures, and what is still pending
 * afterwards (nothing once paid out, everything when carried over). Persistence does the same by
 * claiming lines only for a payout; this pure form states the rule and is what the tests exercise.
 */
export function settleWeek(pending: {
  sales: readonly SaleForSettlement[];
  refunds: readonly RefundForSettlement[];
}): { figures: SettlementFigures; stillPending: typeof pending } {
  const figures = computeSettlement(pending.sales, pending.refunds);
  return {
    figures,
    stillPending: figures.decision === 'PAY_OUT' ? { sales: [], refunds: [] } : pending,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
