import type { BankTransferKind, PaymentMethod, PgPayment } from '../../../domain/payment';

/**
 * An INIStdPay approval answer (docs/vendors/inicis.md#approval) → PgPayment; the answer is kept as `raw`.
 */
type Raw = Record<string, unknown>;
const str = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

export function approvalToPgPayment(raw: Raw): PgPayment {
  const { method, bankTransferKind } = methodOf(str(raw.payMethod) ?? '');
  const total = Number(str(raw.TotPrice) ?? 0);
  const virtualAccount = bankTransferKind === 'VIRTUAL_ACCOUNT';
  return {
    provider: 'INICIS',
    pgTransactionId: str(raw.tid)!,
    orderId: str(raw.MOID)!,
    status: virtualAccount ? 'AWAITING_DEPOSIT' : 'APPROVED',
    method,
    pgMethodLabel: str(raw.payMethod),
    bankTransferKind,
    totalAmount: Number.isSafeInteger(total) ? total : 0,
    balanceAmount: Number.isSafeInteger(total) ? total : 0,
    currency: 'KRW',
    approvedAt: kstInstant(str(raw.applDate), str(raw.applTime)),
    lastTransactionId: str(raw.tid),
    cancels: [],
    card:
      method === 'CARD'
        ? {
            maskedNumber: str(raw.CARD_Num),
            issuerCode: str(raw.CARD_Code),
            approveNo: str(raw.applNum),
            installmentMonths: raw.CARD_Quota === undefined ? undefined : Number(raw.CARD_Quota),
          }
        : undefined,
    raw,
  };
}

/** `YYYYMMDD` + `hhmmss` in Korea time → ISO-8601 with +09:00. */
export function kstInstant(date: string | undefined, time: string | undefined): string | undefined {
  if (!date || !/^\d{8}$/.test(date)) return undefined;
  const t = time && /^\d{6}$/.test(time) ? time : '000000';
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+09:00`;
}

function methodOf(payMethod: string): {
  method: PaymentMethod | 'OTHER';
  bankTransferKind?: BankTransferKind;
} {
  switch (payMethod.toLowerCase()) {
    case 'card':
    case 'vcard':
      return { method: 'CARD' };
    case 'directbank':
      return { method: 'BANK_TRANSFER', bankTransferKind: 'REAL_TIME' };
    case 'vbank':
      return { method: 'BANK_TRANSFER', bankTransferKind: 'VIRTUAL_ACCOUNT' };
    default:
      return { method: 'OTHER' };
  }
}
