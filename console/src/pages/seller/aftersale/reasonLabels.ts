/** Labels shared by 반품 관리 and 교환 (the return and exchange cards). */

export const REASON_LABELS: Record<string, string> = {
  CHANGE_OF_MIND: '단순 변심',
  DEFECTIVE: '상품 불량',
  WRONG_ITEM: '오배송',
};
