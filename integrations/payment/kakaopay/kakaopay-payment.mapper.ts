import { type PgCancel, type PgPayment, type PgPaymentStatus } from '../../../domain/payment';
import { classifyKakaoPayStatus } from './kakaopay-error-classification';

/**
 * KakaoPay answers (approve, cancel, `/order`; docs/vendors/kakaopay.md) → the PG-neutral PgPayment. The raw
 * body is kept as is. KakaoPay's times are Korean local time without an offset.
 */
type Raw = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' ? value : 0);
const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Raw) : undefined);

/** `2024-05-02T14:03:11` (KST) → `2024-05-02T14:03:11+09:00`. */
export function kakaoTimeToIso(value: unknown): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  return /[+-]\d\d:\d\d$|Z$/.test(text) ? text : `${text}+09:00`;
}

const STATUS: Record<ReturnType<typeof classifyKakaoPayStatus>, PgPaymentStatus> = {
  in_progress: 'PENDING',
  paid: 'APPROVED',
  partially_canceled: 'PARTIALLY_CANCELED',
  canceled: 'CANCELED',
  failed: 'FAILED',
};

export function isKakaoPayPayment(body: unknown): body is Raw {
  const raw = obj(body);
  return !!raw && typeof raw.tid === 'string' && typeof raw.partner_order_id === 'string';
}

function base(raw: Raw, status: PgPaymentStatus): PgPayment {
  const card = obj(raw.card_info);
  const selected = obj(raw.selected_card_info);
  const total = num(obj(raw.amount)?.total);
  return {
    provider: 'KAKAOPAY',
    pgTransactionId: str(raw.tid)!,
    orderId: str(raw.partner_order_id)!,
    status,
    method: 'KAKAOPAY',
    pgMethodLabel: str(raw.payment_method_type),
    totalAmount: total,
    balanceAmount: obj(raw.cancel_available_amount) ? num(obj(raw.cancel_available_amount)!.total) : total,
    currency: 'KRW',
    approvedAt: kakaoTimeToIso(raw.approved_at),
    lastTransactionId: str(raw.aid),
    cancels: [],
    card:
      card || selected
        ? {
            issuerCode: str(card?.kakaopay_issuer_corp_code),
            approveNo: str(card?.approved_id) || undefined,
            installmentMonths: card ? Number(str(card.install_month) ?? 0) : num(selected?.install_month),
          }
        : undefined,
    raw,
  };
}

/** The approve answer: KakaoPay approved it (the caller still compares order and amount). */
export function approvedPayment(raw: Raw): PgPayment {
  return base(raw, 'APPROVED');
}

/** The `/order` answer: the tid's current status and its payment and cancel actions. */
export function orderPayment(raw: Raw): PgPayment {
  const status = STATUS[classifyKakaoPayStatus(str(raw.status) ?? '')];
  const actions = Array.isArray(raw.payment_action_details) ? (raw.payment_action_details as Raw[]) : [];
  const cancels: PgCancel[] = actions
    .filter((a) => a.payment_action_type === 'CANCEL')
    .map((a) => ({
      transactionId: str(a.aid) ?? '',
      amount: num(a.amount),
      canceledAt: kakaoTimeToIso(a.approved_at) ?? '',
      reason: str(a.payload) ?? '',
    }));
  const payment = base(raw, status);
  return {
    ...payment,
    lastTransactionId: str(actions.at(-1)?.aid),
    cancels,
    failure:
      status === 'FAILED'
        ? { code: `KAKAOPAY_${str(raw.status)}`, message: FAILURE_MESSAGES[str(raw.status) ?? ''] ?? '' }
        : undefined,
  };
}

/**
 * The cancel answer: this cancel's aid and amount, the balance after it. The answer names only this
 * cancel; earlier ones appear as one entry for their sum (`canceled_amount` is cumulative), so the
 * cancels always add up to what KakaoPay cancelled in all. The adapter prefers `/order` for the list.
 */
export function canceledPayment(raw: Raw, reason: string): { payment: PgPayment; canceledAmount: number } {
  const canceledAmount = num(obj(raw.approved_cancel_amount)?.total);
  const earlier = num(obj(raw.canceled_amount)?.total) - canceledAmount;
  const status: PgPaymentStatus = str(raw.status) === 'CANCEL_PAYMENT' ? 'CANCELED' : 'PARTIALLY_CANCELED';
  const canceledAt = kakaoTimeToIso(raw.canceled_at) ?? '';
  const cancels: PgCancel[] =
    earlier > 0 ? [{ transactionId: '', amount: earlier, canceledAt: '', reason: '' }] : [];
  cancels.push({ transactionId: str(raw.aid) ?? '', amount: canceledAmount, canceledAt, reason });
  return { canceledAmount, payment: { ...base(raw, status), cancels } };
}

const FAILURE_MESSAGES: Record<string, string> = {
  FAIL_AUTH_PASSWORD: '카카오페이 비밀번호 인증에 실패했습니다.',
  QUIT_PAYMENT: '구매자가 카카오페이 결제를 중단했습니다.',
  FAIL_PAYMENT: '카카오페이 결제 승인에 실패했습니다.',
};
