/** Order (part) statuses as both consoles show them. */
export const ORDER_STATUS_LABEL: Record<string, string> = {
  PENDING_PAYMENT: '결제 대기',
  PAID: '결제 완료',
  PREPARING: '상품 준비중',
  SHIPPED: '배송중',
  DELIVERED: '배송 완료',
  PURCHASE_CONFIRMED: '구매 확정',
  CANCELLED: '취소',
  PAYMENT_FAILED: '결제 실패',
  RETURN_REQUESTED: '반품 요청',
  RETURNED: '반품 완료',
  EXCHANGE_REQUESTED: '교환 요청',
  EXCHANGE_APPROVED: '교환 승인',
  EXCHANGE_IN_TRANSIT: '교환 배송중',
};

export const orderStatus = (status: string) => ORDER_STATUS_LABEL[status] ?? status;

export const PRODUCT_STATUS_LABEL: Record<string, string> = {
  ON_SALE: '판매중',
  SOLD_OUT: '품절',
  SUSPENDED: '판매 중지',
};
