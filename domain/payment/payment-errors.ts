import { contextErrorClass } from '../shared/domain-error';

/** Stable codes of the payment context (each maps to an HTTP status in api/problem-codes.ts). */
export const PaymentErrorCode = {
  INVALID_AMOUNT: 'PAYMENT_INVALID_AMOUNT',
  AMOUNT_MISMATCH: 'PAYMENT_AMOUNT_MISMATCH',
  METHOD_NOT_SUPPORTED: 'PAYMENT_METHOD_NOT_SUPPORTED',
  POINTS_INVALID_AMOUNT: 'POINTS_INVALID_AMOUNT',
  POINTS_INSUFFICIENT: 'POINTS_INSUFFICIENT',
  POINTS_EXCEED_TOTAL: 'POINTS_EXCEED_TOTAL',
  POINTS_NOT_COVERING_TOTAL: 'POINTS_NOT_COVERING_TOTAL',
  POINTS_HOLD_CONFLICT: 'POINTS_HOLD_CONFLICT',
  POINTS_HOLD_NOT_FOUND: 'POINTS_HOLD_NOT_FOUND',
  POINTS_HOLD_NOT_ACTIVE: 'POINTS_HOLD_NOT_ACTIVE',
  POINTS_REFUND_EXCEEDS_CAPTURE: 'POINTS_REFUND_EXCEEDS_CAPTURE',
  PG_AMOUNT_BELOW_MINIMUM: 'PAYMENT_PG_AMOUNT_BELOW_MINIMUM',
} as const;
export type PaymentErrorCode = (typeof PaymentErrorCode)[keyof typeof PaymentErrorCode];

export class PaymentError extends contextErrorClass<PaymentErrorCode>('PaymentError') {}
