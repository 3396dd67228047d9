/**
 * Toss error codes the simulator can produce, with the HTTP status and Korean message Toss uses
 * (docs/vendors/toss.md#errors; docs.tosspayments.com/reference/error-codes).
 * Unknown codes forced by a test default to 400.
 */
export interface TossErrorSpec {
  status: number;
  message: string;
}

export const TOSS_ERRORS: Record<string, TossErrorSpec> = {
  ALREADY_PROCESSED_PAYMENT: { status: 400, message: '이미 처리된 결제 입니다.' },
  DUPLICATED_ORDER_ID: {
    status: 400,
    message: '이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.',
  },
  PROVIDER_ERROR: { status: 400, message: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.' },
  INVALID_REQUEST: { status: 400, message: '잘못된 요청입니다.' },
  INVALID_API_KEY: { status: 400, message: '잘못된 시크릿키 연동 정보 입니다.' },
  INCORRECT_BASIC_AUTH_FORMAT: { status: 400, message: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요." },
  INVALID_REJECT_CARD: { status: 400, message: '카드 사용이 거절되었습니다. 카드사 문의가 필요합니다.' },
  BELOW_MINIMUM_AMOUNT: {
    status: 400,
    message: '신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.',
  },
  INVALID_CARD_EXPIRATION: { status: 400, message: '카드 정보를 다시 확인해주세요. (유효기간)' },
  INVALID_STOPPED_CARD: { status: 400, message: '정지된 카드 입니다.' },
  EXCEED_MAX_DAILY_PAYMENT_COUNT: { status: 400, message: '하루 결제 가능 횟수를 초과했습니다.' },
  EXCEED_MAX_PAYMENT_AMOUNT: { status: 400, message: '하루 결제 가능 금액을 초과했습니다.' },
  NOT_ALLOWED_POINT_USE: {
    status: 400,
    message: '포인트 사용이 불가한 카드로 카드 포인트 결제에 실패했습니다.',
  },
  REJECT_CARD_COMPANY: { status: 400, message: '결제 승인이 거절되었습니다.' },
  ALREADY_CANCELED_PAYMENT: { status: 400, message: '이미 취소된 결제 입니다.' },
  INVALID_REFUND_ACCOUNT_INFO: { status: 400, message: '환불 계좌번호와 예금주명이 일치하지 않습니다.' },
  UNAUTHORIZED_KEY: { status: 401, message: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.' },
  REJECT_CARD_PAYMENT: { status: 403, message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.' },
  FORBIDDEN_REQUEST: { status: 403, message: '허용되지 않은 요청입니다.' },
  NOT_CANCELABLE_AMOUNT: { status: 403, message: '취소 할 수 없는 금액 입니다.' },
  NOT_CANCELABLE_PAYMENT: { status: 403, message: '취소 할 수 없는 결제 입니다.' },
  REFUND_REJECTED: { status: 403, message: '환불이 거절됐습니다. 결제사에 문의 부탁드립니다.' },
  NOT_FOUND_PAYMENT: { status: 404, message: '존재하지 않는 결제 정보 입니다.' },
  NOT_FOUND_PAYMENT_SESSION: {
    status: 404,
    message: '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.',
  },
  IDEMPOTENT_REQUEST_PROCESSING: {
    status: 409,
    message: '이전 멱등 요청이 처리중입니다. 잠시 후 다시 시도해주세요.',
  },
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING: {
    status: 500,
    message: '결제가 완료되지 않았어요. 다시 시도해주세요.',
  },
  FAILED_INTERNAL_SYSTEM_PROCESSING: {
    status: 500,
    message: '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.',
  },
  UNKNOWN_PAYMENT_ERROR: {
    status: 500,
    message: '결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요.',
  },
  COMMON_ERROR: { status: 500, message: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.' },
  FAILED_REFUND_PROCESS: {
    status: 500,
    message: '은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다.',
  },
  FAILED_METHOD_HANDLING_CANCEL: {
    status: 500,
    message: '취소 중 결제 시 사용한 결제 수단 처리과정에서 일시적인 에러가 발생했습니다.',
  },
  FAILED_PARTIAL_REFUND: {
    status: 500,
    message: '은행 점검, 해약 계좌 등의 사유로 부분 환불이 실패했습니다.',
  },
};

/** failUrl codes of the payment window (SDK errors). */
export const TOSS_WINDOW_ERRORS: Record<string, string> = {
  PAY_PROCESS_CANCELED: '사용자에 의해 결제가 취소되었습니다.',
  PAY_PROCESS_ABORTED: '결제 진행 중 승인에 실패하여 결제가 중단되었습니다.',
  REJECT_CARD_COMPANY: '결제 승인이 거절되었습니다.',
};

export function tossError(
  code: string,
  message?: string,
): { status: number; body: { code: string; message: string } } {
  const spec = TOSS_ERRORS[code] ?? { status: 400, message: code };
  return { status: spec.status, body: { code, message: message ?? spec.message } };
}
