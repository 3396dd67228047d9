import { renderWindowPage, won } from '../shared/window-page';

/**
 * The sandbox payment window: what Toss's window does for the buyer, as a plain HTML page with three
 * buttons. 결제하기 authenticates and redirects to successUrl?paymentType=NORMAL&orderId&paymentKey&amount;
 * 결제 실패 redirects to failUrl?code&message&orderId; 취소 redirects with PAY_PROCESS_CANCELED.
 */
export interface CheckoutParams {
  clientKey?: string;
  orderId: string;
  orderName: string;
  amount: number;
  successUrl: string;
  failUrl: string;
  method: 'CARD' | 'TRANSFER' | 'VIRTUAL_ACCOUNT';
  easyPay?: 'KAKAOPAY' | 'NAVERPAY' | 'TOSSPAY';
  useInternationalCardOnly: boolean;
  customerKey?: string;
}

const METHOD_LABEL = { CARD: '카드', TRANSFER: '계좌이체', VIRTUAL_ACCOUNT: '가상계좌' } as const;
const EASY_PAY_LABEL = { KAKAOPAY: '카카오페이', NAVERPAY: '네이버페이', TOSSPAY: '토스페이' } as const;

export function parseCheckoutParams(
  query: Record<string, string | undefined>,
): CheckoutParams | { error: string } {
  const required = ['orderId', 'orderName', 'amount', 'successUrl', 'failUrl'] as const;
  for (const name of required) if (!query[name]) return { error: `${name} is required` };
  const amount = Number(query.amount);
  if (!Number.isSafeInteger(amount) || amount <= 0)
    return { error: 'amount must be a positive integer (KRW)' };
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(query.orderId!))
    return { error: 'orderId must be 6–64 letters, digits, - or _' };
  for (const name of ['successUrl', 'failUrl'] as const) {
    try {
      const url = new URL(query[name]!);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return { error: `${name} must be an http(s) URL` };
    } catch {
      return { error: `${name} must be an absolute URL` };
    }
  }
  const method = (query.method ?? 'CARD').toUpperCase();
  if (method !== 'CARD' && method !== 'TRANSFER' && method !== 'VIRTUAL_ACCOUNT')
    return { error: 'method must be CARD, TRANSFER or VIRTUAL_ACCOUNT' };
  const easyPay = query.easyPay?.toUpperCase();
  if (easyPay && easyPay !== 'KAKAOPAY' && easyPay !== 'NAVERPAY' && easyPay !== 'TOSSPAY')
    return { error: 'easyPay must be KAKAOPAY, NAVERPAY or TOSSPAY' };
  return {
    clientKey: query.clientKey,
    orderId: query.orderId!,
    orderName: query.orderName!,
    amount,
    successUrl: query.successUrl!,
    failUrl: query.failUrl!,
    method,
    easyPay: easyPay as CheckoutParams['easyPay'],
    useInternationalCardOnly: query.useInternationalCardOnly === 'true',
    customerKey: query.customerKey,
  };
}

/** successUrl / failUrl with Toss's query parameters appended (keeping the shop's own parameters). */
export function redirectUrl(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function renderCheckoutPage(params: CheckoutParams, actionBase: string): string {
  const methodLabel = params.easyPay
    ? `간편결제 (${EASY_PAY_LABEL[params.easyPay]})`
    : METHOD_LABEL[params.method];
  return renderWindowPage({
    title: '토스페이먼츠 결제창',
    facts: [
      ['주문명', params.orderName, 'orderName'],
      ['주문번호', params.orderId, 'orderId'],
      ['결제 금액', won(params.amount), 'amount'],
      ['결제 수단', methodLabel, 'method'],
    ],
    actionBase,
    hidden: {
      clientKey: params.clientKey ?? '',
      orderId: params.orderId,
      orderName: params.orderName,
      amount: String(params.amount),
      successUrl: params.successUrl,
      failUrl: params.failUrl,
      method: params.method,
      easyPay: params.easyPay ?? '',
      useInternationalCardOnly: String(params.useInternationalCardOnly),
      customerKey: params.customerKey ?? '',
    },
    approveControls:
      params.method === 'CARD' && !params.easyPay
        ? `<label>카드 <select name="cardScope">
          <option value="DOMESTIC"${params.useInternationalCardOnly ? '' : ' selected'}>국내카드 (신한 4330-12**-****-123*)</option>
          <option value="OVERSEAS"${params.useInternationalCardOnly ? ' selected' : ''}>해외카드 (VISA 4111-11**-****-111*)</option>
        </select></label>`
        : '',
    failControls: `<select name="code">
        <option value="REJECT_CARD_COMPANY" selected>카드사 승인 거절 (REJECT_CARD_COMPANY)</option>
        <option value="PAY_PROCESS_ABORTED">승인 실패로 중단 (PAY_PROCESS_ABORTED)</option>
      </select>`,
  });
}
