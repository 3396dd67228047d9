import type {
  BankTransferKind,
  CardScope,
  PaymentMethod,
  PgPayment,
  PgPaymentStatus,
} from '../../../domain/payment';
import { pgCancels } from '../pg-cancels';

/**
 * Toss Payment object (docs/vendors/toss.md#payment-object) → the PG-neutral PgPayment. The raw object is
 * kept as is.
 */
const STATUS: Record<string, PgPaymentStatus> = {
  READY: 'PENDING',
  IN_PROGRESS: 'PENDING',
  WAITING_FOR_DEPOSIT: 'AWAITING_DEPOSIT',
  DONE: 'APPROVED',
  CANCELED: 'CANCELED',
  PARTIAL_CANCELED: 'PARTIALLY_CANCELED',
  ABORTED: 'FAILED',
  EXPIRED: 'EXPIRED',
};

/** Toss issuer codes of overseas card brands (VISA, Master, JCB, Diners, AMEX, UnionPay) [unconfirmed table]. */
const OVERSEAS_ISSUERS = new Set(['4V', '4M', '4J', '6D', '7A', '3C']);

const EASY_PAY: Record<string, PaymentMethod> = {
  카카오페이: 'KAKAOPAY',
  KAKAOPAY: 'KAKAOPAY',
  네이버페이: 'NAVERPAY',
  NAVERPAY: 'NAVERPAY',
};

type Raw = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

export function isTossPaymentObject(body: unknown): body is Raw {
  return (
    !!body &&
    typeof body === 'object' &&
    typeof (body as Raw).paymentKey === 'string' &&
    typeof (body as Raw).orderId === 'string' &&
    typeof (body as Raw).status === 'string'
  );
}

export function toPgPayment(raw: Raw): PgPayment {
  const label = str(raw.method);
  const card = raw.card && typeof raw.card === 'object' ? (raw.card as Raw) : undefined;
  const easyPay = raw.easyPay && typeof raw.easyPay === 'object' ? (raw.easyPay as Raw) : undefined;
  const { method, bankTransferKind } = methodOf(label, str(easyPay?.provider));
  const cardScope: CardScope | undefined = card
    ? OVERSEAS_ISSUERS.has(str(card.issuerCode) ?? '')
      ? 'OVERSEAS'
      : 'DOMESTIC'
    : undefined;
  const failure = raw.failure && typeof raw.failure === 'object' ? (raw.failure as Raw) : undefined;
  return {
    provider: 'TOSS',
    pgTransactionId: str(raw.paymentKey)!,
    orderId: str(raw.orderId)!,
    status: STATUS[str(raw.status) ?? ''] ?? 'PENDING',
    method,
    pgMethodLabel: label,
    cardScope,
    bankTransferKind,
    totalAmount: num(raw.totalAmount),
    balanceAmount: num(raw.balanceAmount),
    currency: str(raw.currency) ?? 'KRW',
    approvedAt: str(raw.approvedAt),
    lastTransactionId: str(raw.lastTransactionKey),
    cancels: pgCancels(raw.cancels, {
      transactionId: 'transactionKey',
      amount: 'cancelAmount',
      canceledAt: 'canceledAt',
      reason: 'cancelReason',
    }),
    card: card
      ? {
          maskedNumber: str(card.number),
          issuerCode: str(card.issuerCode),
          approveNo: str(card.approveNo),
          installmentMonths:
            typeof card.installmentPlanMonths === 'number' ? card.installmentPlanMonths : undefined,
        }
      : undefined,
    callbackSecret: str(raw.secret),
    failure: failure
      ? { code: str(failure.code) ?? 'UNKNOWN', message: str(failure.message) ?? '' }
      : undefined,
    receiptUrl: raw.receipt && typeof raw.receipt === 'object' ? str((raw.receipt as Raw).url) : undefined,
    raw,
  };
}

function methodOf(
  label: string | undefined,
  easyPayProvider: string | undefined,
): { method: PaymentMethod | 'OTHER'; bankTransferKind?: BankTransferKind } {
  switch (label) {
    case '카드':
    case 'CARD':
      return { method: 'CARD' };
    case '계좌이체':
    case 'TRANSFER':
      return { method: 'BANK_TRANSFER', bankTransferKind: 'REAL_TIME' };
    case '가상계좌':
    case 'VIRTUAL_ACCOUNT':
      return { method: 'BANK_TRANSFER', bankTransferKind: 'VIRTUAL_ACCOUNT' };
    case '간편결제':
    case 'EASY_PAY':
      return { method: EASY_PAY[easyPayProvider ?? ''] ?? 'OTHER' };
    default:
      return { method: 'OTHER' };
  }
}
