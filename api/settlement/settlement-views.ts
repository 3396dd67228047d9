import { BANK_CODES } from '../../domain/identity/bank-account';
import {
  formatRate,
  settlementWeek,
  weekLabels,
  type RefundAdjustment,
  type Settlement,
  type SettlementDetail,
} from '../../domain/settlement';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function settlementSummaryJson(settlement: Settlement) {
  const week = settlementWeek(settlement.weekId);
  const labels = weekLabels(week);
  const [start, end] = labels.period.split(' ~ ') as [string, string];
  return {
    id: settlement.id,
    sellerId: settlement.sellerId,
    weekId: settlement.weekId,
    period: { start, end },
    cutoff: settlement.cutoff.toISOString(),
    payoutDate: labels.payoutDate,
    status: settlement.status,
    gross: settlement.gross,
    fee: settlement.fee,
    refunds: settlement.refunds,
    net: settlement.net,
    saleCount: settlement.saleCount,
    refundCount: settlement.refundCount,
    failureCode: settlement.failureCode,
    createdAt: settlement.createdAt.toISOString(),
  };
}

export function settlementDetailJson(settlement: SettlementDetail) {
  const { payout, taxInvoice } = settlement;
  return {
    ...settlementSummaryJson(settlement),
    lines: settlement.lines.map((line) => ({
      kind: line.kind,
      orderId: line.orderId,
      orderNumber: line.orderNumber,
      description: line.description,
      quantity: line.quantity,
      amount: line.amount,
      feeRate: line.feeRateBps === null ? null : formatRate(line.feeRateBps),
      fee: line.fee,
      net: line.amount - line.fee,
      occurredAt: line.occurredAt.toISOString(),
    })),
    payout: payout && {
      status: payout.status,
      amount: payout.amount,
      bankCode: payout.bankCode,
      bankName: BANK_CODES[payout.bankCode] ?? null,
      accountMasked: payout.accountMasked,
      transferId: payout.transferId,
      requestedAt: payout.requestedAt.toISOString(),
      paidAt: iso(payout.paidAt),
      failureCode: payout.vendorCode && payout.status === 'FAILED' ? payout.vendorCode : null,
      failureMessage: payout.status === 'FAILED' ? payout.vendorMessage : null,
    },
    taxInvoice: taxInvoice && {
      status: taxInvoice.status,
      number: taxInvoice.ntsConfirmNum,
      mgtKey: taxInvoice.mgtKey,
      writeDate: taxInvoice.writeDate,
      supplyCost: taxInvoice.supplyCost,
      tax: taxInvoice.tax,
      total: taxInvoice.total,
      issuedAt: iso(taxInvoice.issuedAt),
      failureCode: taxInvoice.failureCode,
    },
    statementSentAt: iso(settlement.statementSentAt),
    completedAt: iso(settlement.completedAt),
  };
}

export function adjustmentJson(adjustment: RefundAdjustment) {
  return {
    id: adjustment.id,
    refundId: adjustment.refundId,
    sellerId: adjustment.sellerId,
    orderId: adjustment.orderId,
    amount: adjustment.amount,
    reason: adjustment.reason,
    at: adjustment.occurredAt.toISOString(),
    recordedBy: adjustment.recordedBy,
    settlementId: adjustment.settlementId,
  };
}
