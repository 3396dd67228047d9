import type { PgCancel, PgPayment, PgPaymentStatus } from '../../../domain/payment';

/**
 * NaverPay answers (approve `body.detail`, history `body.list`; docs/vendors/naverpay.md#calls) → the
 * PG-neutral PgPayment. History items: admissionTypeCode 01 approval, 03 full cancel, 04 partial cancel;
 * admissionState SUCCESS / FAIL [code]. Times are NaverPay's `yyyyMMddHHmmss` in Korean time.
 */
type Raw = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0) || 0);

/** `20240502140311` (KST) → `2024-05-02T14:03:11+09:00`. */
export function naverTimeToIso(value: unknown): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(str(value) ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}+09:00`;
}

const APPROVAL = '01';
const CANCELS = new Set(['03', '04']);

function fromApproval(detail: Raw, raw: unknown, cancels: PgCancel[], failed: boolean): PgPayment {
  const total = num(detail.totalPayAmount);
  const canceled = cancels.reduce((sum, c) => sum + c.amount, 0);
  const balance = total - canceled;
  let status: PgPaymentStatus = 'APPROVED';
  if (failed) status = 'FAILED';
  else if (canceled > 0) status = balance <= 0 ? 'CANCELED' : 'PARTIALLY_CANCELED';
  const card = str(detail.primaryPayMeans) === 'CARD';
  return {
    provider: 'NAVERPAY',
    pgTransactionId: str(detail.paymentId)!,
    orderId: str(detail.merchantPayKey) ?? '',
    status,
    method: 'NAVERPAY',
    pgMethodLabel: str(detail.primaryPayMeans),
    totalAmount: total,
    balanceAmount: failed ? 0 : Math.max(balance, 0),
    currency: 'KRW',
    approvedAt: failed ? undefined : naverTimeToIso(detail.admissionYmdt),
    lastTransactionId: cancels.at(-1)?.transactionId ?? str(detail.payHistId),
    cancels,
    card: card
      ? {
          maskedNumber: str(detail.cardNo),
          issuerCode: str(detail.cardCorpCode),
          approveNo: str(detail.cardAuthNo),
          installmentMonths: typeof detail.cardInstCount === 'number' ? detail.cardInstCount : undefined,
        }
      : undefined,
    failure: failed
      ? { code: 'NAVERPAY_APPROVAL_FAILED', message: 'NaverPay reports the approval failed' }
      : undefined,
    raw,
  };
}

export function isApprovalDetail(value: unknown): value is Raw {
  return !!value && typeof value === 'object' && typeof (value as Raw).paymentId === 'string';
}

/** The approve answer's `body.detail`. */
export function approvedPayment(detail: Raw, raw: unknown): PgPayment {
  return fromApproval(detail, raw, [], false);
}

/** The history of one paymentId: undefined when NaverPay has no approval for it (never approved). */
export function historyPayment(list: Raw[], paymentId: string, raw: unknown): PgPayment | undefined {
  const items = list.filter((item) => item.paymentId === paymentId);
  const approval = items.find((item) => str(item.admissionTypeCode) === APPROVAL);
  if (!approval) return undefined;
  const cancels: PgCancel[] = items
    .filter((item) => CANCELS.has(str(item.admissionTypeCode) ?? '') && str(item.admissionState) !== 'FAIL')
    .map((item) => ({
      transactionId: str(item.payHistId) ?? '',
      amount: Math.abs(num(item.totalPayAmount)),
      canceledAt: naverTimeToIso(item.admissionYmdt) ?? '',
      reason: '',
    }));
  return fromApproval(approval, raw, cancels, str(approval.admissionState) === 'FAIL');
}

/** What can still be cancelled, by tax scope (for the form's taxScopeAmount / taxExScopeAmount). */
export function restByTaxScope(list: Raw[], paymentId: string): { taxScope: number; taxExScope: number } {
  let taxScope = 0;
  let taxExScope = 0;
  for (const item of list) {
    if (item.paymentId !== paymentId || str(item.admissionState) === 'FAIL') continue;
    const sign =
      str(item.admissionTypeCode) === APPROVAL ? 1 : CANCELS.has(str(item.admissionTypeCode) ?? '') ? -1 : 0;
    taxScope += sign * Math.abs(num(item.taxScopeAmount));
    taxExScope += sign * Math.abs(num(item.taxExScopeAmount));
  }
  return { taxScope, taxExScope };
}
