import { contextErrorClass } from '../shared/domain-error';

/** Stable codes of the settlement context (each maps to an HTTP status in api/problem-codes.ts). */
export const SettlementErrorCode = {
  NOT_FOUND: 'SETTLEMENT_NOT_FOUND',
  WEEK_NOT_ENDED: 'SETTLEMENT_WEEK_NOT_ENDED',
  INVALID_PAYABLE_LINE: 'SETTLEMENT_INVALID_PAYABLE_LINE',
  INVALID_ADJUSTMENT: 'SETTLEMENT_INVALID_ADJUSTMENT',
  ADJUSTMENT_CONFLICT: 'SETTLEMENT_ADJUSTMENT_CONFLICT',
} as const;
export type SettlementErrorCode = (typeof SettlementErrorCode)[keyof typeof SettlementErrorCode];

export class SettlementError extends contextErrorClass<SettlementErrorCode>('SettlementError') {}
