import { randomBytes, randomInt } from 'node:crypto';

/**
 * One KakaoPay single payment as the simulator keeps it (from ready to the last cancel), and the
 * bodies KakaoPay returns for approve, cancel and `/order` (docs/vendors/kakaopay.md). Times are KakaoPay's
 * `yyyy-MM-ddTHH:mm:ss` in Korean time, without an offset.
 */
export type KakaoPayStatus =
  | 'READY'
  | 'AUTH_PASSWORD'
  | 'SUCCESS_PAYMENT'
  | 'PART_CANCEL_PAYMENT'
  | 'CANCEL_PAYMENT'
  | 'FAIL_AUTH_PASSWORD'
  | 'QUIT_PAYMENT'
  | 'FAIL_PAYMENT';

export interface KakaoPayAmount {
  total: number;
  tax_free: number;
  vat: number;
  point: number;
  discount: number;
  green_deposit: number;
}

export interface KakaoPayAction {
  aid: string;
  approved_at: string;
  amount: number;
  point_amount: number;
  discount_amount: number;
  green_deposit: number;
  payment_action_type: 'PAYMENT' | 'CANCEL';
  payload: string | null;
}

export interface KakaoPayPayment {
  tid: string;
  cid: string;
  status: KakaoPayStatus;
  partner_order_id: string;
  partner_user_id: string;
  item_name: string;
  item_code: string | null;
  quantity: number;
  amount: KakaoPayAmount;
  canceled_amount: KakaoPayAmount;
  payment_method_type: 'CARD' | 'MONEY' | null;
  approval_url: string;
  cancel_url: string;
  fail_url: string;
  created_at: string;
  approved_at: string | null;
  canceled_at: string | null;
  actions: KakaoPayAction[];
  /** Secret of the window page URL (KakaoPay hides the tid behind its own key). */
  windowKey: string;
  /** Issued when the buyer authenticates; approve must bring it back. */
  pgToken: string | null;
}

const KST_OFFSET_MS = 9 * 3600_000;

export function kakaoTime(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19);
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const alnum = (n: number) =>
  randomBytes(n)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .padEnd(n, '0')
    .slice(0, n);

/** 20-character tid (`T` + 19), aid (`A` + 19) and pg_token, as KakaoPay's look. */
export const newTid = () => `T${digits(19)}`;
export const newAid = () => `A${digits(19)}`;
export const newPgToken = () => alnum(20);
export const newWindowKey = () => randomBytes(16).toString('hex');

export const zeroAmount = (): KakaoPayAmount => ({
  total: 0,
  tax_free: 0,
  vat: 0,
  point: 0,
  discount: 0,
  green_deposit: 0,
});

export function cancelAvailable(payment: KakaoPayPayment): KakaoPayAmount {
  const { amount, canceled_amount: canceled } = payment;
  return {
    total: amount.total - canceled.total,
    tax_free: amount.tax_free - canceled.tax_free,
    vat: amount.vat - canceled.vat,
    point: amount.point - canceled.point,
    discount: amount.discount - canceled.discount,
    green_deposit: amount.green_deposit - canceled.green_deposit,
  };
}

const common = (p: KakaoPayPayment) => ({
  tid: p.tid,
  cid: p.cid,
  partner_order_id: p.partner_order_id,
  partner_user_id: p.partner_user_id,
  payment_method_type: p.payment_method_type,
  item_name: p.item_name,
  item_code: p.item_code,
  quantity: p.quantity,
  created_at: p.created_at,
  approved_at: p.approved_at,
});

const CARD_INFO = {
  kakaopay_purchase_corp: '신한카드',
  kakaopay_purchase_corp_code: '04',
  kakaopay_issuer_corp: '신한카드',
  kakaopay_issuer_corp_code: '04',
  bin: '433012',
  card_type: '신용',
  install_month: '00',
  approved_id: '',
  card_mid: '123456789',
  interest_free_install: 'N',
  installment_type: '',
  card_item_code: '',
};

export function approveResponse(p: KakaoPayPayment): Record<string, unknown> {
  const action = p.actions.find((a) => a.payment_action_type === 'PAYMENT');
  return {
    aid: action?.aid,
    ...common(p),
    amount: { ...p.amount },
    card_info: p.payment_method_type === 'CARD' ? { ...CARD_INFO, approved_id: digits(8) } : undefined,
    payload: action?.payload ?? null,
  };
}

export function cancelResponse(p: KakaoPayPayment, action: KakaoPayAction, approved: KakaoPayAmount) {
  return {
    aid: action.aid,
    ...common(p),
    status: p.status,
    amount: { ...p.amount },
    approved_cancel_amount: approved,
    canceled_amount: { ...p.canceled_amount },
    cancel_available_amount: cancelAvailable(p),
    canceled_at: p.canceled_at,
    payload: action.payload,
  };
}

export function orderResponse(p: KakaoPayPayment): Record<string, unknown> {
  return {
    ...common(p),
    status: p.status,
    amount: { ...p.amount },
    canceled_amount: { ...p.canceled_amount },
    cancel_available_amount: cancelAvailable(p),
    canceled_at: p.canceled_at,
    selected_card_info:
      p.payment_method_type === 'CARD'
        ? { card_bin: CARD_INFO.bin, install_month: 0, card_corp_name: CARD_INFO.kakaopay_issuer_corp }
        : null,
    payment_action_details: p.actions.map((a) => ({ ...a })),
  };
}
