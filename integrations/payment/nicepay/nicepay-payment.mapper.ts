import {
  type BankTransferKind,
  type PaymentMethod,
  type PgPayment,
  type PgPaymentStatus,
} from '../../../domain/payment';
import { pgCancels } from '../pg-cancels';
import { isNicepayOverseasCard } from './nicepay-card-codes';

/**
 * NicePay's approve / cancel / look-up answer (docs/vendors/nicepay.md#answers, one shape for all) →
 * PgPayment. The body is kept as `raw`.
 */
type Raw = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
/** NicePay writes `0` in paidAt/failedAt/cancelledAt when the event did not happen. */
const at = (value: unknown) =>
  typeof value === 'string' && value !== '0' && value !== '' ? value : undefined;

export function isNicepayPayment(body: unknown): body is Raw {
  return (
    !!body &&
    typeof body === 'object' &&
    typeof (body as Raw).tid === 'string' &&
    typeof (body as Raw).orderId === 'string' &&
    typeof (body as Raw).status === 'string'
  );
}

export function toPgPayment(raw: Raw): PgPayment {
  const payMethod = (str(raw.payMethod) ?? '').toLowerCase();
  const { method, bankTransferKind } = methodOf(payMethod);
  const card = raw.card && typeof raw.card === 'object' ? (raw.card as Raw) : undefined;
  const status = statusOf(str(raw.status) ?? '', method, bankTransferKind);
  return {
    provider: 'NICEPAY',
    pgTransactionId: str(raw.tid)!,
    orderId: str(raw.orderId)!,
    status,
    method,
    pgMethodLabel: str(raw.payMethod),
    cardScope: card ? (isNicepayOverseasCard(str(card.cardCode)) ? 'OVERSEAS' : 'DOMESTIC') : undefined,
    bankTransferKind,
    totalAmount: num(raw.amount),
    balanceAmount: num(raw.balanceAmt),
    currency: str(raw.currency) ?? 'KRW',
    approvedAt: at(raw.paidAt),
    lastTransactionId: str(raw.cancelledTid) ?? str(raw.tid),
    cancels: pgCancels(raw.cancels, {
      transactionId: 'tid',
      amount: 'amount',
      canceledAt: 'cancelledAt',
      reason: 'reason',
    }),
    card: card
      ? {
          maskedNumber: str(card.cardNum),
          issuerCode: str(card.cardCode),
          approveNo: str(raw.approveNo),
          installmentMonths: typeof card.cardQuota === 'number' ? card.cardQuota : undefined,
        }
      : undefined,
    failure:
      status === 'FAILED'
        ? { code: str(raw.resultCode) ?? 'FAILED', message: str(raw.resultMsg) ?? '' }
        : undefined,
    receiptUrl: str(raw.receiptUrl),
    raw,
  };
}

function statusOf(
  status: string,
  method: PaymentMethod | 'OTHER',
  kind: BankTransferKind | undefined,
): PgPaymentStatus {
  switch (status) {
    case 'paid':
      return 'APPROVED';
    case 'ready':
      // `ready` is a virtual account waiting for its deposit; anything else is authenticated, not approved.
      return method === 'BANK_TRANSFER' && kind === 'VIRTUAL_ACCOUNT' ? 'AWAITING_DEPOSIT' : 'PENDING';
    case 'failed':
      return 'FAILED';
    case 'cancelled':
      return 'CANCELED';
    case 'partialCancelled':
      return 'PARTIALLY_CANCELED';
    case 'expired':
      return 'EXPIRED';
    default:
      return 'PENDING';
  }
}

function methodOf(payMethod: string): {
  method: PaymentMethod | 'OTHER';
  bankTransferKind?: BankTransferKind;
} {
  switch (payMethod) {
    case 'card':
      return { method: 'CARD' };
    case 'bank':
      return { method: 'BANK_TRANSFER', bankTransferKind: 'REAL_TIME' };
    case 'vbank':
      return { method: 'BANK_TRANSFER', bankTransferKind: 'VIRTUAL_ACCOUNT' };
    case 'kakaopay':
      return { method: 'KAKAOPAY' };
    case 'naverpay':
      return { method: 'NAVERPAY' };
    default:
      return { method: 'OTHER' };
  }
}
