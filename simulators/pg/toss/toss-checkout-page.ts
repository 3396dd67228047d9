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

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export function renderCheckoutPage(params: CheckoutParams, actionBase: string): string {
  const hidden = Object.entries({
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
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join('\n      ');
  const methodLabel = params.easyPay
    ? `간편결제 (${EASY_PAY_LABEL[params.easyPay]})`
    : METHOD_LABEL[params.method];
  const cardChoice =
    params.method === 'CARD' && !params.easyPay
      ? `<label>카드 <select name="cardScope">
          <option value="DOMESTIC"${params.useInternationalCardOnly ? '' : ' selected'}>국내카드 (신한 4330-12**-****-123*)</option>
          <option value="OVERSEAS"${params.useInternationalCardOnly ? ' selected' : ''}>해외카드 (VISA 4111-11**-****-111*)</option>
        </select></label>`
      : '';
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>토스페이먼츠 결제창 (sandbox)</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}form{display:inline-block;margin:.25rem}button{font-size:1rem;padding:.5rem 1rem}</style>
</head>
<body>
  <h1>토스페이먼츠 결제창 <small>(sandbox)</small></h1>
  <dl>
    <dt>주문명</dt><dd data-field="orderName">${escape(params.orderName)}</dd>
    <dt>주문번호</dt><dd data-field="orderId">${escape(params.orderId)}</dd>
    <dt>결제 금액</dt><dd data-field="amount">${params.amount.toLocaleString('ko-KR')}원</dd>
    <dt>결제 수단</dt><dd data-field="method">${escape(methodLabel)}</dd>
  </dl>
  <form method="post" action="${actionBase}/approve" data-action="approve">
      ${hidden}
      ${cardChoice}
      <button type="submit">결제하기</button>
  </form>
  <form method="post" action="${actionBase}/fail" data-action="fail">
      ${hidden}
      <select name="code">
        <option value="REJECT_CARD_COMPANY" selected>카드사 승인 거절 (REJECT_CARD_COMPANY)</option>
        <option value="PAY_PROCESS_ABORTED">승인 실패로 중단 (PAY_PROCESS_ABORTED)</option>
      </select>
      <button type="submit">결제 실패</button>
  </form>
  <form method="post" action="${actionBase}/cancel" data-action="cancel">
      ${hidden}
      <button type="submit">취소</button>
  </form>
</body>
</html>`;
}

export function renderErrorPage(message: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>결제창 오류</title></head><body><h1>결제를 진행할 수 없습니다</h1><p>${escape(message)}</p></body></html>`;
}
