import type {
  RefundAdjustment,
  Settlement,
  SettlementFigures,
  SettlementPayout,
  SettlementStatus,
  SettlementTaxInvoice,
} from '../../domain/settlement';
import type { AdjustmentRow, PayoutRow, SettlementRow, TaxInvoiceRow } from './settlement.entities';

export const toSettlement = (row: SettlementRow): Settlement => ({
  ...row,
  status: row.status as SettlementStatus,
});

export const figuresOf = (row: SettlementRow): SettlementFigures => ({
  gross: row.gross,
  fee: row.fee,
  refunds: row.refunds,
  net: row.net,
  saleCount: row.saleCount,
  refundCount: row.refundCount,
  decision: row.status === 'CARRIED_OVER' ? 'CARRY_OVER' : 'PAY_OUT',
});

export const toAdjustment = (row: AdjustmentRow): RefundAdjustment => ({ ...row });

export const toPayout = ({
  rawResponse: _raw,
  updatedAt: _updated,
  ...row
}: PayoutRow): SettlementPayout => ({
  ...row,
  status: row.status as SettlementPayout['status'],
});

export const toTaxInvoice = ({
  rawResponse: _raw,
  createdAt: _created,
  updatedAt: _updated,
  ...row
}: TaxInvoiceRow): SettlementTaxInvoice => ({ ...row, status: row.status as SettlementTaxInvoice['status'] });

export const raw = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
