import { renderErrorPage, renderWindowPage, won, type WindowPage } from '../shared/window-page';

/**
 * The sandbox NaverPay payment page (`…/payments/{reserveId}`): the order and three buttons, each
 * redirecting to the reservation's returnUrl as NaverPay does — 결제하기 with
 * `resultCode=Success&paymentId=…`, 결제 실패 with `resultCode=Fail&resultMessage=OwnerAuthFail`
 * (or another reason), 취소 with `resultCode=Fail&resultMessage=userCancel`.
 */
export interface NaverPayWindowView {
  productName: string;
  merchantPayKey: string;
  totalPayAmount: number;
  taxExScopeAmount: number;
  /** Absolute path of this page: the forms post to `<path>/approve|fail|cancel`. */
  actionBase: string;
}

export function renderNaverPayWindow(view: NaverPayWindowView): string {
  const facts: WindowPage['facts'] = [
    ['상품명', view.productName, 'productName'],
    ['주문번호', view.merchantPayKey, 'merchantPayKey'],
    ['결제 금액', won(view.totalPayAmount), 'amount'],
  ];
  if (view.taxExScopeAmount > 0) facts.push(['면세 금액', won(view.taxExScopeAmount), 'taxExScope']);
  return renderWindowPage({
    title: '네이버페이 결제',
    facts,
    actionBase: view.actionBase,
    approveControls: `<label>결제 수단 <select name="primaryPayMeans">
        <option value="CARD" selected>네이버페이 카드 (신한 4330-12**-****-123*)</option>
        <option value="BANK">네이버페이 계좌 (국민 110-***-5678)</option>
      </select></label>`,
    failControls: `<select name="resultMessage">
        <option value="OwnerAuthFail" selected>본인 명의 카드가 아님 (OwnerAuthFail)</option>
        <option value="paymentTimeExpire">결제 시간 초과 (paymentTimeExpire)</option>
      </select>`,
  });
}

export function renderNaverPayErrorPage(message: string): string {
  return renderErrorPage(message, '네이버페이 결제 오류');
}
