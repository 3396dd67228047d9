/**
 * Korean `detail` texts per problem code (docs/api-messages.md). A function renders from the
 * problem's extension members (the DomainError's `details`); texts never name internal ids.
 */
export type KoMessage = string | ((details: Record<string, unknown>) => string);

type Shortage = {
  productName?: string;
  options?: Record<string, string>;
  requested?: number;
  available?: number;
  sellable?: number;
};

/** `티셔츠 (색상: 빨강, 사이즈: M)`, or a neutral word when the error did not carry the name. */
export function productLabel(item: { productName?: unknown; options?: unknown }): string {
  const name = typeof item.productName === 'string' && item.productName ? item.productName : '선택한 상품';
  const options =
    item.options && typeof item.options === 'object'
      ? Object.entries(item.options as Record<string, string>).map(([k, v]) => `${k}: ${v}`)
      : [];
  return options.length > 0 ? `${name} (${options.join(', ')})` : name;
}

function shortageText(s: Shortage): string {
  const available = s.available ?? s.sellable ?? 0;
  const stock = available > 0 ? `${available}개만 주문할 수 있습니다` : '재고가 없습니다';
  return `${productLabel(s)}: ${s.requested ?? 0}개를 요청했지만 ${stock}`;
}

function validationText(details: Record<string, unknown>): string {
  const errors = Array.isArray(details.errors)
    ? (details.errors as { field: string; message: string }[])
    : [];
  return errors.length > 0
    ? errors.map((e) => `${e.field}: ${e.message}`).join('; ')
    : '입력 값이 올바르지 않습니다.';
}

const num = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('ko-KR') : '?');

export const koMessages: Record<string, KoMessage> = {
  VALIDATION_FAILED: validationText,
  MALFORMED_REQUEST: '요청 형식이 올바르지 않습니다.',
  UNAUTHENTICATED: '로그인이 필요합니다.',
  FORBIDDEN: '이 요청을 수행할 권한이 없습니다.',
  NOT_FOUND: '요청한 대상을 찾을 수 없습니다.',
  ROUTE_NOT_FOUND: '요청한 주소가 없습니다.',
  METHOD_NOT_ALLOWED: (d) =>
    Array.isArray(d.allow)
      ? `이 주소에서는 허용되지 않는 요청 방식입니다. 사용할 수 있는 방식: ${(d.allow as string[]).join(', ')}`
      : '이 주소에서는 허용되지 않는 요청 방식입니다.',
  CONFLICT: '다른 변경과 충돌했습니다. 다시 불러온 뒤 시도해 주세요.',
  IDEMPOTENCY_KEY_REUSED: '같은 Idempotency-Key가 다른 요청 내용으로 이미 사용되었습니다.',
  PAYLOAD_TOO_LARGE: '요청 본문이 너무 큽니다.',
  UNSUPPORTED_MEDIA_TYPE: '지원하지 않는 Content-Type입니다.',
  RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  INTERNAL_ERROR: '요청을 처리하지 못했습니다. 오류가 기록되었으니 잠시 후 다시 시도해 주세요.',
  SERVICE_UNAVAILABLE:
    '쇼핑몰이 사용하는 서비스에 일시적으로 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  // notification
  WEBHOOK_SIGNATURE_INVALID: '웹훅 서명이 올바르지 않습니다.',
  WEBHOOK_MALFORMED: '웹훅 내용이 올바르지 않습니다.',
  // identity
  EMAIL_ALREADY_REGISTERED: '이미 가입된 이메일입니다.',
  INVALID_CREDENTIALS: '이메일 또는 비밀번호가 올바르지 않습니다.',
  LOGIN_LOCKED: '로그인 실패가 많아 잠시 로그인할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  INVALID_REFRESH_TOKEN: '로그인 정보가 올바르지 않습니다. 다시 로그인해 주세요.',
  REFRESH_TOKEN_REUSED:
    '이미 사용된 로그인 정보가 다시 제출되어 로그인이 종료되었습니다. 다시 로그인해 주세요.',
  TOKEN_EXPIRED: '로그인이 만료되었습니다. 토큰을 갱신해 주세요.',
  TOKEN_REVOKED: '로그인이 종료되었습니다. 다시 로그인해 주세요.',
  USER_NOT_FOUND: '회원을 찾을 수 없습니다.',
  SELLER_NOT_FOUND: '판매자를 찾을 수 없습니다.',
  SELLER_REQUIRED: 'X-Seller-Id 헤더로 대신 업무를 볼 판매자를 지정해 주세요.',
  NOT_A_MANAGER: '매니저 계정이 아닙니다.',
  MANAGER_ASSIGNMENT_NOT_FOUND: '이 판매자에게 지정된 매니저가 아닙니다.',
  MANAGER_ACCESS_REVOKED: '판매자가 이 매니저 계정의 권한을 회수했습니다. 판매자에게 문의해 주세요.',
  ACCOUNT_SUSPENDED: '관리자가 이 계정을 정지했습니다. 고객센터에 문의해 주세요.',
  CANNOT_SUSPEND_SELF: '자기 계정은 정지할 수 없습니다.',
  ACCOUNT_WITHDRAWN: '탈퇴한 계정입니다.',
  // catalog
  PRODUCT_NOT_FOUND: '상품을 찾을 수 없습니다.',
  CATEGORY_NOT_FOUND: '카테고리를 찾을 수 없습니다.',
  CATEGORY_NAME_TAKEN: '같은 이름의 카테고리가 이미 있습니다.',
  CATEGORY_IN_USE: '이 카테고리를 쓰는 상품이나 하위 카테고리가 있어 삭제할 수 없습니다.',
  LAST_VARIANT: '상품에는 옵션 조합이 하나 이상 있어야 하므로 마지막 하나는 삭제할 수 없습니다.',
  UNKNOWN_OPTION_COMBINATION: '상품에 없는 옵션 조합입니다.',
  DUPLICATE_VARIANT: '같은 옵션 조합이 두 번 들어 있습니다.',
  TOO_MANY_IMAGES: '상품 이미지를 더 추가할 수 없습니다.',
  IMAGE_TOO_LARGE: '이미지 파일이 너무 큽니다.',
  IMAGE_TOO_MANY_PIXELS: '이미지 해상도가 너무 큽니다.',
  UNSUPPORTED_IMAGE_TYPE: '지원하지 않는 이미지 형식입니다. JPEG, PNG 또는 WebP를 올려 주세요.',
  IMAGE_NOT_FOUND: '이미지를 찾을 수 없습니다.',
  INVALID_CURSOR: '페이지 커서가 올바르지 않습니다. 목록을 처음부터 다시 불러와 주세요.',
  PRODUCT_CONFLICT: '상품이 다른 곳에서 먼저 수정되었습니다. 다시 불러온 뒤 시도해 주세요.',
  // inventory
  OUT_OF_STOCK: (d) => {
    if (!Array.isArray(d.variants)) return `재고가 부족합니다. ${shortageText(d as Shortage)}`;
    const names = Array.isArray(d.products) ? (d.products as (Shortage & { variantId: string })[]) : [];
    const named = (v: Shortage & { variantId: string }) => ({
      ...v,
      ...names.find((n) => n.variantId === v.variantId),
    });
    return `재고가 부족합니다. ${(d.variants as (Shortage & { variantId: string })[]).map((v) => shortageText(named(v))).join('; ')}`;
  },
  VARIANT_NOT_FOUND: '상품 옵션을 찾을 수 없습니다.',
  STOCK_BELOW_RESERVED: '이미 주문으로 잡힌 수량보다 적게 재고를 줄일 수 없습니다.',
  STOCK_CONFLICT: '재고가 동시에 변경되었습니다. 다시 시도해 주세요.',
  RESERVATION_NOT_FOUND: '재고 예약을 찾을 수 없습니다.',
  RESERVATION_MISMATCH: '재고 예약 내용이 주문과 맞지 않습니다.',
  STOCK_AVAILABLE: '지금 구매할 수 있는 상품이라 재입고 알림을 신청할 수 없습니다.',
  // chat
  CHAT_NOT_FOUND: '채팅방을 찾을 수 없습니다.',
  CHAT_MESSAGE_NOT_FOUND: '메시지를 찾을 수 없습니다.',
  CHAT_CLOSED: '종료된 채팅방입니다.',
  CHAT_MESSAGE_INVALID: '보낼 수 없는 메시지입니다.',
  CHAT_PRODUCT_OF_OTHER_SELLER: '이 판매자의 상품이 아닙니다.',
  CHAT_ORDER_NOT_RELATED: '이 채팅과 관계없는 주문입니다.',
  UPGRADE_REQUIRED: 'WebSocket으로 연결해 주세요.',
  // ordering
  ORDER_NOT_FOUND: '주문을 찾을 수 없습니다.',
  ORDER_TRANSITION_NOT_ALLOWED: '지금 주문 상태에서는 할 수 없는 요청입니다.',
  CART_EMPTY: '장바구니가 비어 있습니다.',
  CART_FULL: '장바구니에 더 담을 수 없습니다.',
  CART_ITEM_NOT_FOUND: '장바구니 항목을 찾을 수 없습니다.',
  ADDRESS_NOT_FOUND: '배송지를 찾을 수 없습니다.',
  ADDRESS_BOOK_FULL: '배송지를 더 저장할 수 없습니다.',
  PRODUCT_UNAVAILABLE: '지금 주문할 수 없는 상품이 있습니다.',
  IDEMPOTENCY_KEY_IN_FLIGHT: '같은 요청을 처리하고 있습니다. 잠시 후 결과를 확인해 주세요.',
  ORDER_NOT_PAYABLE: '결제할 수 없는 상태의 주문입니다.',
  PAYMENT_WINDOW_CLOSED: '결제 기한이 지났습니다.',
  PAYMENT_FAILED: '결제에 실패했습니다.',
  RETURN_NOT_FOUND: '반품 요청을 찾을 수 없습니다.',
  EXCHANGE_NOT_FOUND: '교환 요청을 찾을 수 없습니다.',
  EXCHANGE_PRICE_DIFFERS: (d) =>
    `${productLabel(d)}의 가격이 구매하신 가격과 달라 교환할 수 없습니다. 반품 후 다시 주문해 주세요.`,
  EXCHANGE_VARIANT_UNAVAILABLE: (d) =>
    `${productLabel({ productName: d.productName })}: 더 이상 판매하지 않는 옵션입니다.`,
  // payment
  PAYMENT_DECLINED: '결제가 거절되었습니다. 다른 결제 수단으로 시도해 주세요.',
  PAYMENT_INVALID_AMOUNT: '결제 금액이 올바르지 않습니다.',
  PAYMENT_AMOUNT_MISMATCH: '결제 금액이 주문 금액과 다릅니다.',
  PAYMENT_METHOD_NOT_SUPPORTED: '지원하지 않는 결제 수단입니다.',
  PAYMENT_PG_AMOUNT_BELOW_MINIMUM: '카드 등으로 결제할 금액이 최소 결제 금액보다 적습니다.',
  PAYMENT_PROVIDER_UNAVAILABLE: '결제사에 일시적으로 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  PAYMENT_WEBHOOK_REJECTED: '결제 웹훅을 받아들일 수 없습니다.',
  PAYMENT_WEBHOOK_UNKNOWN_PG: '알 수 없는 결제사의 웹훅입니다.',
  POINTS_INVALID_AMOUNT: '포인트 금액이 올바르지 않습니다.',
  POINTS_INSUFFICIENT: (d) =>
    `포인트가 부족합니다. 사용할 수 있는 포인트는 ${num(d.available)}점입니다 (요청 ${num(d.requested)}점).`,
  POINTS_EXCEED_TOTAL: '사용할 포인트가 주문 금액보다 많습니다.',
  POINTS_NOT_COVERING_TOTAL: '포인트로만 결제하려면 주문 금액 전체를 포인트로 내야 합니다.',
  POINTS_HOLD_CONFLICT: '포인트 사용이 다른 요청과 충돌했습니다.',
  POINTS_HOLD_NOT_FOUND: '포인트 사용 내역을 찾을 수 없습니다.',
  POINTS_HOLD_NOT_ACTIVE: '이미 처리된 포인트 사용 내역입니다.',
  POINTS_REFUND_EXCEEDS_CAPTURE: '사용한 포인트보다 많이 돌려줄 수 없습니다.',
  DEAD_LETTER_NOT_FOUND: '처리 대기 건을 찾을 수 없습니다.',
  DEAD_LETTER_NOT_OPEN: '이미 처리된 건입니다.',
  DEAD_LETTER_NOT_RETRYABLE: '다시 시도할 수 없는 건입니다.',
  // shipping
  COURIER_WEBHOOK_REJECTED: '택배사 웹훅 인증에 실패했습니다.',
  COURIER_WEBHOOK_MALFORMED: '택배사 웹훅 내용이 올바르지 않습니다.',
  COURIER_WEBHOOK_UNKNOWN_PROVIDER: '알 수 없는 택배 추적 서비스입니다.',
  // settlement
  SETTLEMENT_NOT_FOUND: '정산 내역을 찾을 수 없습니다.',
  SETTLEMENT_WEEK_NOT_ENDED: '아직 끝나지 않은 주의 정산은 할 수 없습니다.',
  SETTLEMENT_INVALID_PAYABLE_LINE: '정산 항목이 올바르지 않습니다.',
  SETTLEMENT_INVALID_ADJUSTMENT: '정산 조정 내용이 올바르지 않습니다.',
  SETTLEMENT_ADJUSTMENT_CONFLICT: '같은 정산 조정이 이미 있습니다.',
};
