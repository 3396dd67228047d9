/**
 * The sandbox NaverPay payment page (`…/payments/{reserveId}`): the order and three buttons, each
 * redirecting to the reservation's returnUrl as NaverPay does — 결제하기 with
 * `resultCode=Success&paymentId=…`, 결제 실패 with `resultCode=Fail&resultMessage=OwnerAuthFail`
 * (or another reason), 취소 with `resultCode=Fail&resultMessage=userCancel`. Same form markup as
 * every sandbox window, so one scripted buyer drives them all.
 */
export interface NaverPayWindowView {
  productName: string;
  merchantPayKey: string;
  totalPayAmount: number;
  taxExScopeAmount: number;
  /** Absolute path of this page: the forms post to `<path>/approve|fail|cancel`. */
  actionBase: string;
}

const escape = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

export function renderNaverPayWindow(view: NaverPayWindowView): string {
  return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><title>네이버페이 결제 (sandbox)</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto}form{display:inline-block;margin:.25rem}button{font-size:1rem;padding:.5rem 1rem}</style>
</head>
<body>
  <h1>네이버페이 결제 <small>(sandbox)</small></h1>
  <dl>
    <dt>상품명</dt><dd data-field="productName">${escape(view.productName)}</dd>
    <dt>주문번호</dt><dd data-field="merchantPayKey">${escape(view.merchantPayKey)}</dd>
    <dt>결제 금액</dt><dd data-field="amount">${won(view.totalPayAmount)}</dd>
    ${view.taxExScopeAmount > 0 ? `<dt>면세 금액</dt><dd data-field="taxExScope">${won(view.taxExScopeAmount)}</dd>` : ''}
  </dl>
  <form method="post" action="${view.actionBase}/approve" data-action="approve">
      <label>결제 수단 <select name="primaryPayMeans">
        <option value="CARD" selected>네이버페이 카드 (신한 4330-12**-****-123*)</option>
        <option value="BANK">네이버페이 계좌 (국민 110-***-5678)</option>
      </select></label>
      <button type="submit">결제하기</button>
  </form>
  <form method="post" action="${view.actionBase}/fail" data-action="fail">
      <select name="resultMessage">
        <option value="OwnerAuthFail" selected>본인 명의 카드가 아님 (OwnerAuthFail)</option>
        <option value="paymentTimeExpire">결제 시간 초과 (paymentTimeExpire)</option>
      </select>
      <button type="submit">결제 실패</button>
  </form>
  <form method="post" action="${view.actionBase}/cancel" data-action="cancel">
      <button type="submit">취소</button>
  </form>
</body>
</html>`;
}

export function renderNaverPayErrorPage(message: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>네이버페이 결제 오류</title></head><body><h1>결제를 진행할 수 없습니다</h1><p>${escape(message)}</p></body></html>`;
}
