import { randomInt, randomUUID } from 'node:crypto';

/**
 * NaverPay reservations and payments as the simulator keeps them, and the bodies NaverPay returns for
 * approve, cancel and history (docs/vendors/naverpay.md#calls). Times are NaverPay's `yyyyMMddHHmmss` in
 * Korean time. History items: `admissionTypeCode` 01 approval, 03 full cancel, 04 partial cancel;
 * `admissionState` SUCCESS / FAIL [code — third-party clients; not in the captured docs].
 */
export interface NaverPayReservation {
  reserveId: string;
  merchantPayKey: string;
  merchantUserKey: string;
  productName: string;
  productCount: number;
  totalPayAmount: number;
  taxScopeAmount: number;
  taxExScopeAmount: number;
  returnUrl: string;
  /** RESERVED until the buyer acts in the window. */
  status: 'RESERVED' | 'AUTHENTICATED' | 'FAILED';
  paymentId?: string;
}

export interface NaverPayCancel {
  payHistId: string;
  amount: number;
  taxScopeAmount: number;
  taxExScopeAmount: number;
  ymdt: string;
  reason: string;
  requester: string;
}

export interface NaverPayPayment {
  paymentId: string;
  reserveId: string;
  merchantPayKey: string;
  merchantUserKey: string;
  productName: string;
  totalPayAmount: number;
  taxScopeAmount: number;
  taxExScopeAmount: number;
  primaryPayMeans: 'CARD' | 'BANK';
  status: 'AUTHENTICATED' | 'APPROVED' | 'FAILED';
  payHistId?: string;
  admissionYmdt?: string;
  cardAuthNo?: string;
  failure?: { code: string; message: string };
  cancels: NaverPayCancel[];
}

const KST_OFFSET_MS = 9 * 3600_000;

export function naverTime(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** `20240502NP1043587746`-style payment id: the date, `NP`, ten digits. */
export const newPaymentId = (at: Date) => `${naverTime(at).slice(0, 8)}NP${digits(10)}`;
export const newPayHistId = (at: Date) => `${naverTime(at).slice(0, 8)}NP${digits(11)}`;
export const newReserveId = () => randomUUID();

export function restOf(payment: NaverPayPayment) {
  const canceled = payment.cancels.reduce(
    (sum, c) => ({
      total: sum.total + c.amount,
      taxScope: sum.taxScope + c.taxScopeAmount,
      taxExScope: sum.taxExScope + c.taxExScopeAmount,
    }),
    { total: 0, taxScope: 0, taxExScope: 0 },
  );
  return {
    total: payment.totalPayAmount - canceled.total,
    taxScope: payment.taxScopeAmount - canceled.taxScope,
    taxExScope: payment.taxExScopeAmount - canceled.taxExScope,
  };
}

/** The approval's detail (approve answer `body.detail`, and the history's 01 item). */
export function approvalDetail(p: NaverPayPayment, merchantId: string): Record<string, unknown> {
  const card = p.primaryPayMeans === 'CARD';
  return {
    paymentId: p.paymentId,
    payHistId: p.payHistId,
    merchantId,
    merchantName: '장터 (sandbox)',
    merchantPayKey: p.merchantPayKey,
    merchantUserKey: p.merchantUserKey,
    admissionTypeCode: '01',
    admissionYmdt: p.admissionYmdt,
    tradeConfirmYmdt: p.admissionYmdt,
    admissionState: p.status === 'FAILED' ? 'FAIL' : 'SUCCESS',
    totalPayAmount: p.totalPayAmount,
    applyPayAmount: p.totalPayAmount,
    primaryPayAmount: p.totalPayAmount,
    npointPayAmount: 0,
    giftCardAmount: 0,
    discountPayAmount: 0,
    taxScopeAmount: p.taxScopeAmount,
    taxExScopeAmount: p.taxExScopeAmount,
    environmentDepositAmount: 0,
    primaryPayMeans: p.primaryPayMeans,
    cardCorpCode: card ? 'C0' : '',
    cardNo: card ? '433012******1234' : '',
    cardAuthNo: card ? p.cardAuthNo : '',
    cardInstCount: card ? 0 : undefined,
    usedCardPoint: false,
    bankCorpCode: card ? '' : '088',
    bankAccountNo: card ? '' : '110****5678',
    productName: p.productName,
    settleExpected: false,
    extraDeduction: false,
    useCfmYmdt: '',
  };
}

export function historyItems(p: NaverPayPayment, merchantId: string): Array<Record<string, unknown>> {
  if (p.status === 'AUTHENTICATED') return [];
  const items = [approvalDetail(p, merchantId)];
  let rest = p.totalPayAmount;
  for (const cancel of p.cancels) {
    rest -= cancel.amount;
    items.push({
      paymentId: p.paymentId,
      payHistId: cancel.payHistId,
      merchantId,
      merchantPayKey: p.merchantPayKey,
      merchantUserKey: p.merchantUserKey,
      admissionTypeCode: rest === 0 ? '03' : '04',
      admissionYmdt: cancel.ymdt,
      tradeConfirmYmdt: cancel.ymdt,
      admissionState: 'SUCCESS',
      totalPayAmount: cancel.amount,
      applyPayAmount: cancel.amount,
      primaryPayAmount: cancel.amount,
      npointPayAmount: 0,
      giftCardAmount: 0,
      discountPayAmount: 0,
      taxScopeAmount: cancel.taxScopeAmount,
      taxExScopeAmount: cancel.taxExScopeAmount,
      environmentDepositAmount: 0,
      primaryPayMeans: p.primaryPayMeans,
      productName: p.productName,
    });
  }
  return items;
}

export function cancelBody(p: NaverPayPayment, cancel: NaverPayCancel): Record<string, unknown> {
  const rest = restOf(p);
  return {
    paymentId: p.paymentId,
    payHistId: cancel.payHistId,
    primaryPayMeans: p.primaryPayMeans,
    primaryPayCancelAmount: cancel.amount,
    primaryPayRestAmount: rest.total,
    npointCancelAmount: 0,
    npointRestAmount: 0,
    giftCardCancelAmount: 0,
    giftCardRestAmount: 0,
    discountCancelAmount: 0,
    discountRestAmount: 0,
    cancelYmdt: cancel.ymdt,
    totalRestAmount: rest.total,
    applyRestAmount: rest.total,
    taxScopeAmount: cancel.taxScopeAmount,
    taxExScopeAmount: cancel.taxExScopeAmount,
    taxScopeRestAmount: rest.taxScope,
    taxExScopeRestAmount: rest.taxExScope,
    environmentDepositAmount: 0,
    environmentDepositRestAmount: 0,
  };
}
