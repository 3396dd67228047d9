import { renderErrorPage, renderWindowPage, won, type WindowPage } from '../shared/window-page';

/**
 * The sandbox KakaoPay window (what the buyer sees at next_redirect_pc_url / mobile_url): the order,
 * and three buttons. 결제하기 authenticates and redirects to approval_url?pg_token=…; 결제 실패
 * redirects to fail_url; 취소 redirects to cancel_url — as KakaoPay does (no other parameters).
 */
export interface KakaoPayWindowView {
  itemName: string;
  partnerOrderId: string;
  total: number;
  taxFree: number;
  /** Absolute path of this window: the forms post to `<path>/approve|fail|cancel`. */
  actionBase: string;
}

export function renderKakaoPayWindow(view: KakaoPayWindowView): string {
  const facts: WindowPage['facts'] = [
    ['상품명', view.itemName, 'itemName'],
    ['주문번호', view.partnerOrderId, 'partnerOrderId'],
    ['결제 금액', won(view.total), 'amount'],
  ];
  if (view.taxFree > 0) facts.push(['면세 금액', won(view.taxFree), 'taxFree']);
  return renderWindowPage({
    title: '카카오페이 결제',
    facts,
    actionBase: view.actionBase,
    approveControls: `<label>결제 수단 <select name="paymentMethodType">
        <option value="CARD" selected>카카오페이 카드 (신한 4330-12**-****-123*)</option>
        <option value="MONEY">카카오페이머니</option>
      </select></label>`,
    failControls: `<select name="status">
        <option value="FAIL_AUTH_PASSWORD" selected>비밀번호 인증 실패 (FAIL_AUTH_PASSWORD)</option>
        <option value="FAIL_PAYMENT">결제 실패 (FAIL_PAYMENT)</option>
      </select>`,
  });
}

export function renderKakaoPayErrorPage(message: string): string {
  return renderErrorPage(message, '카카오페이 결제 오류');
}
