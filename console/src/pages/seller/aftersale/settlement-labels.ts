import type { SettlementDetail, SettlementSummary } from '../../../api/generated';

export const SETTLEMENT_STATUS: Record<SettlementSummary['status'], [label: string, tone: string]> = {
  CARRIED_OVER: ['이월', 'warn'],
  PAYOUT_PENDING: ['지급 예정', 'warn'],
  PAID_OUT: ['지급 완료', ''],
  COMPLETED: ['정산 완료', ''],
  PAYOUT_FAILED: ['지급 실패', 'bad'],
};

export const LINE_KINDS: Record<SettlementDetail['lines'][number]['kind'], string> = {
  SALE: '판매',
  SHIPPING_FEE: '배송비',
  REFUND: '환불',
  RETURN_SHIPPING: '반품배송비',
  SELLER_COST: '판매자부담비용',
};

export const PAYOUT_STATUS: Record<NonNullable<SettlementDetail['payout']>['status'], string> = {
  REQUESTED: '이체 요청',
  PAID: '이체 완료',
  FAILED: '이체 실패',
};
