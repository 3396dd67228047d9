import { randomBytes, randomInt } from 'node:crypto';

/**
 * The Toss Payment object (API version 2022-11-16) the simulator keeps and returns from confirm, cancel and
 * both look-ups. Only the fields of docs/vendors/toss.md#payment-object are filled; the rest are null as Toss
 * returns them when they do not apply.
 */
export type TossStatus =
  | 'READY'
  | 'IN_PROGRESS'
  | 'WAITING_FOR_DEPOSIT'
  | 'DONE'
  | 'CANCELED'
  | 'PARTIAL_CANCELED'
  | 'ABORTED'
  | 'EXPIRED';

export interface TossCancel {
  transactionKey: string;
  cancelReason: string;
  taxExemptionAmount: number;
  canceledAt: string;
  transferDiscountAmount: number;
  easyPayDiscountAmount: number;
  receiptKey: string | null;
  cancelAmount: number;
  taxFreeAmount: number;
  refundableAmount: number;
  cancelStatus: 'DONE';
  cancelRequestId: string | null;
}

export interface TossPayment {
  mId: string;
  version: string;
  paymentKey: string;
  orderId: string;
  orderName: string;
  status: TossStatus;
  method: string | null;
  type: 'NORMAL';
  currency: 'KRW';
  country: 'KR';
  totalAmount: number;
  balanceAmount: number;
  suppliedAmount: number;
  vat: number;
  taxFreeAmount: number;
  taxExemptionAmount: number;
  requestedAt: string;
  approvedAt: string | null;
  lastTransactionKey: string | null;
  useEscrow: boolean;
  cultureExpense: boolean;
  isPartialCancelable: boolean;
  card: Record<string, unknown> | null;
  virtualAccount: Record<string, unknown> | null;
  transfer: Record<string, unknown> | null;
  easyPay: { provider: string; amount: number; discountAmount: number } | null;
  cancels: TossCancel[] | null;
  secret: string | null;
  failure: { code: string; message: string } | null;
  receipt: { url: string } | null;
  checkout: { url: string } | null;
  metadata: Record<string, string> | null;
  cashReceipt: null;
  discount: null;
  giftCertificate: null;
  mobilePhone: null;
}

/** What the buyer chose in the window. */
export interface WindowChoice {
  method: 'CARD' | 'TRANSFER' | 'VIRTUAL_ACCOUNT';
  easyPay?: 'KAKAOPAY' | 'NAVERPAY' | 'TOSSPAY';
  /** Overseas card (Toss card.useInternationalCardOnly). */
  international: boolean;
}

const EASY_PAY_LABEL = { KAKAOPAY: '카카오페이', NAVERPAY: '네이버페이', TOSSPAY: '토스페이' } as const;

/**
 * Test cards: in Toss's test environment any real-looking card is approved virtually, so the window
 * offers one domestic and one overseas test card and the shop never sends card numbers.
 * Issuer codes: 41 신한카드; 4V VISA (overseas) [unconfirmed code table].
 */
export const TEST_CARDS = {
  DOMESTIC: { issuerCode: '41', acquirerCode: '41', number: '43301234****123*' },
  OVERSEAS: { issuerCode: '4V', acquirerCode: '4V', number: '41111111****111*' },
} as const;

/** Toss timestamps: ISO-8601 in Asia/Seoul with an explicit +09:00 offset, no milliseconds. */
export function kstTimestamp(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+09:00');
}

export function newPaymentKey(at: Date): string {
  const stamp = kstTimestamp(at).replace(/\D/g, '').slice(0, 14);
  return `tsim${stamp}${randomBytes(12).toString('base64url')}`;
}

export function newTransactionKey(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export function newAuthenticatedPayment(input: {
  mId: string;
  orderId: string;
  orderName: string;
  amount: number;
  choice: WindowChoice;
  at: Date;
  baseUrl: string;
}): TossPayment {
  const paymentKey = newPaymentKey(input.at);
  const supplied = Math.round(input.amount / 1.1);
  const { choice } = input;
  return {
    mId: input.mId,
    version: '2022-11-16',
    paymentKey,
    orderId: input.orderId,
    orderName: input.orderName,
    status: 'IN_PROGRESS',
    method: choice.easyPay
      ? '간편결제'
      : choice.method === 'CARD'
        ? '카드'
        : choice.method === 'TRANSFER'
          ? '계좌이체'
          : '가상계좌',
    type: 'NORMAL',
    currency: 'KRW',
    country: 'KR',
    totalAmount: input.amount,
    balanceAmount: input.amount,
    suppliedAmount: supplied,
    vat: input.amount - supplied,
    taxFreeAmount: 0,
    taxExemptionAmount: 0,
    requestedAt: kstTimestamp(input.at),
    approvedAt: null,
    lastTransactionKey: null,
    useEscrow: false,
    cultureExpense: false,
    isPartialCancelable: true,
    card: null,
    virtualAccount: null,
    transfer: null,
    easyPay: choice.easyPay
      ? { provider: EASY_PAY_LABEL[choice.easyPay], amount: input.amount, discountAmount: 0 }
      : null,
    cancels: null,
    secret: null,
    failure: null,
    receipt: null,
    checkout: { url: `${input.baseUrl}/v1/payments/${paymentKey}/checkout` },
    metadata: null,
    cashReceipt: null,
    discount: null,
    giftCertificate: null,
    mobilePhone: null,
  };
}

/** The approval: card/transfer/easy pay → DONE; virtual account → WAITING_FOR_DEPOSIT with a secret. */
export function approve(payment: TossPayment, choice: WindowChoice, at: Date, baseUrl: string): void {
  payment.lastTransactionKey = newTransactionKey();
  payment.receipt = { url: `${baseUrl}/v1/payments/${payment.paymentKey}/receipt` };
  if (payment.method === '가상계좌') {
    payment.status = 'WAITING_FOR_DEPOSIT';
    payment.secret = `ps_${randomBytes(15).toString('base64url')}`;
    payment.virtualAccount = {
      accountType: '일반',
      accountNumber: `X${String(randomInt(10 ** 9, 10 ** 10))}`,
      bankCode: '20',
      customerName: '장터구매자',
      dueDate: kstTimestamp(new Date(at.getTime() + 7 * 86400_000)),
      refundStatus: 'NONE',
      expired: false,
      settlementStatus: 'INCOMPLETED',
      refundReceiveAccount: null,
    };
    return;
  }
  payment.status = 'DONE';
  payment.approvedAt = kstTimestamp(at);
  if (
    payment.method === '카드' ||
    (payment.method === '간편결제' && payment.easyPay?.provider !== '네이버페이')
  ) {
    const card = choice.international ? TEST_CARDS.OVERSEAS : TEST_CARDS.DOMESTIC;
    payment.card = {
      issuerCode: card.issuerCode,
      acquirerCode: card.acquirerCode,
      number: card.number,
      installmentPlanMonths: 0,
      isInterestFree: false,
      interestPayer: null,
      approveNo: String(randomInt(10 ** 7, 10 ** 8)),
      useCardPoint: false,
      cardType: '신용',
      ownerType: '개인',
      acquireStatus: 'READY',
      amount: payment.totalAmount,
    };
  }
  if (payment.method === '계좌이체') payment.transfer = { bankCode: '88', settlementStatus: 'INCOMPLETED' };
}

export function applyCancel(payment: TossPayment, amount: number, reason: string, at: Date): TossCancel {
  payment.balanceAmount -= amount;
  const cancel: TossCancel = {
    transactionKey: newTransactionKey(),
    cancelReason: reason,
    taxExemptionAmount: 0,
    canceledAt: kstTimestamp(at),
    transferDiscountAmount: 0,
    easyPayDiscountAmount: 0,
    receiptKey: null,
    cancelAmount: amount,
    taxFreeAmount: 0,
    refundableAmount: payment.balanceAmount,
    cancelStatus: 'DONE',
    cancelRequestId: null,
  };
  payment.cancels = [...(payment.cancels ?? []), cancel];
  payment.lastTransactionKey = cancel.transactionKey;
  payment.status = payment.balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
  return cancel;
}
