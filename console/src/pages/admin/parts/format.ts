const dateTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Seoul time, as operators read it. */
export const when = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');

export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

/** Today in Seoul as YYYY-MM-DD, minus `daysBack` days. */
export function seoulDay(daysBack = 0): string {
  const day = new Date(Date.now() + 9 * 3600_000 - daysBack * 86400_000);
  return day.toISOString().slice(0, 10);
}

export const ORDER_STATUS_LABELS: Record<string, string> = {
  PENDING_PAYMENT: '결제 대기',
  PAID: '결제 완료',
  PREPARING: '배송 준비',
  SHIPPED: '배송 중',
  DELIVERED: '배송 완료',
  PURCHASE_CONFIRMED: '구매 확정',
  CANCELLED: '취소',
  PAYMENT_FAILED: '결제 실패',
  RETURN_REQUESTED: '반품 요청',
  RETURNED: '반품 완료',
  EXCHANGE_REQUESTED: '교환 요청',
  EXCHANGE_APPROVED: '교환 승인',
  EXCHANGE_IN_TRANSIT: '교환 배송 중',
};

export const orderStatus = (status: string) => ORDER_STATUS_LABELS[status] ?? status;
