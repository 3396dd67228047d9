/**
 * The sandbox KakaoPay window (what the buyer sees at next_redirect_pc_url / mobile_url): the order,
 * and three buttons. 결제하기 authenticates and redirects to approval_url?pg_token=…; 결제 실패
 * redirects to fail_url; 취소 redirects to cancel_url — as KakaoPay does (no other parameters).
 * The forms use the same markup as every sandbox window, so one scripted buyer drives them all.
 */
export interface KakaoPayWindowView {
  itemName: string;
  partnerOrderId: string;
  total: number;
  taxFree: number;
  /** Absolute path of this window: the forms post to `<path>/approve|fail|cancel`. */
  actionBase: string;
}

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

export function renderKakaoPayWindow(view: KakaoPayWindowView): string {
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>카카오페이 결제 (sandbox)</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}form{display:inline-block;margin:.25rem}button{font-size:1rem;padding:.5rem 1rem}</style>
</head>
<body>
  <h1>카카오페이 결제 <small>(sandbox)</small></h1>
  <dl>
    <dt>상품명</dt><dd data-field="itemName">${escape(view.itemName)}</dd>
    <dt>주문번호</dt><dd data-field="partnerOrderId">${escape(view.partnerOrderId)}</dd>
    <dt>결제 금액</dt><dd data-field="amount">${won(view.total)}</dd>
    ${view.taxFree > 0 ? `<dt>면세 금액</dt><dd data-field="taxFree">${won(view.taxFree)}</dd>` : ''}
  </dl>
  <form method="post" action="${view.actionBase}/approve" data-action="approve">
      <label>결제 수단 <select name="paymentMethodType">
        <option value="CARD" selected>카카오페이 카드 (신한 4330-12**-****-123*)</option>
        <option value="MONEY">카카오페이머니</option>
      </select></label>
      <button type="submit">결제하기</button>
  </form>
  <form method="post" action="${view.actionBase}/fail" data-action="fail">
      <select name="status">
        <option value="FAIL_AUTH_PASSWORD" selected>비밀번호 인증 실패 (FAIL_AUTH_PASSWORD)</option>
        <option value="FAIL_PAYMENT">결제 실패 (FAIL_PAYMENT)</option>
      </select>
      <button type="submit">결제 실패</button>
  </form>
  <form method="post" action="${view.actionBase}/cancel" data-action="cancel">
      <button type="submit">취소</button>
  </form>
</body>
</html>`;
}

export function renderKakaoPayErrorPage(message: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>카카오페이 결제 오류</title></head><body><h1>결제를 진행할 수 없습니다</h1><p>${escape(message)}</p></body></html>`;
}
