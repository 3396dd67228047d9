import type { NotificationRequest } from '../../domain/notification/notification';
import { formatSeoulDateTime, formatWon } from '../../domain/notification/notification-format';
import type { PaymentMethod } from '../../domain/payment';
import type { PaymentAttemptInput } from './payment.messages';

/** The buyer's PAYMENT_COMPLETED / PAYMENT_FAILED messages (고객명 is filled in by the notification context). */
const METHOD_LABEL: Record<PaymentMethod, string> = {
  CARD: '카드',
  BANK_TRANSFER: '계좌이체',
  KAKAOPAY: '카카오페이',
  NAVERPAY: '네이버페이',
  POINTS: '포인트',
};

export function paymentCompletedNotice(input: PaymentAttemptInput, approvedAt: Date): NotificationRequest {
  const pgAmount = input.totalAmount - input.pointsAmount;
  const method =
    pgAmount === 0
      ? METHOD_LABEL.POINTS
      : input.pointsAmount > 0
        ? `${METHOD_LABEL[input.method]} + 포인트 ${formatWon(input.pointsAmount)}`
        : METHOD_LABEL[input.method];
  return {
    templateCode: 'PAYMENT_COMPLETED',
    recipient: { userId: input.userId },
    variables: {
      주문번호: input.orderNumber ?? input.orderId,
      상품명: input.orderName ?? '주문 상품',
      결제금액: formatWon(input.totalAmount),
      결제수단: method,
      결제일시: formatSeoulDateTime(approvedAt),
    },
    dedupeKey: `payment-completed:${input.orderId}`,
    orderId: input.orderId,
  };
}

export function paymentFailedNotice(
  input: PaymentAttemptInput,
  failure: { code: string; message: string },
): NotificationRequest {
  return {
    templateCode: 'PAYMENT_FAILED',
    recipient: { userId: input.userId },
    variables: {
      주문번호: input.orderNumber ?? input.orderId,
      결제금액: formatWon(input.totalAmount),
      실패사유: failureReason(failure),
    },
    dedupeKey: `payment-failed:${input.orderId}:${input.attempt}`,
    orderId: input.orderId,
  };
}

const REASONS: Record<string, string> = {
  PAYMENT_AMOUNT_MISMATCH: '결제 금액이 주문 금액과 다릅니다',
  POINTS_INSUFFICIENT: '사용 가능한 포인트가 부족합니다',
  PAYMENT_DEAD_LETTERED: '결제사 응답을 확인하지 못했습니다',
  PG_NET_CANCELED: '결제 결과를 확인하지 못해 취소되었습니다',
  PG_PAYMENT_EXPIRED: '결제 시간이 만료되었습니다',
};

/** A short Korean reason: ours for our codes, the PG's own message when it is Korean (Toss's are). */
function failureReason(failure: { code: string; message: string }): string {
  const known = REASONS[failure.code];
  if (known) return known;
  if (/[가-힣]/.test(failure.message)) return failure.message.slice(0, 60);
  return '결제가 승인되지 않았습니다';
}

/** Easy-pay wallets give the money back at once when the PG cancels the payment. */
const EASY_PAY: Partial<Record<PaymentMethod, string>> = { KAKAOPAY: '카카오페이', NAVERPAY: '네이버페이' };

/**
 * Where a refund's money goes and when, per part of its split (the REFUND_COMPLETED 환불수단 row):
 * the PG part by the method the order was paid with, the points part restored at once.
 */
export function refundMeansText(
  paidWith: { method: PaymentMethod },
  refund: { pgAmount: number; pointsAmount: number },
): string {
  const parts: string[] = [];
  if (refund.pgAmount > 0) parts.push(pgRefundText(paidWith.method, formatWon(refund.pgAmount)));
  if (refund.pointsAmount > 0) parts.push(`포인트 ${formatWon(refund.pointsAmount)} 즉시 복원`);
  return parts.join(' + ');
}

function pgRefundText(method: PaymentMethod, amount: string): string {
  const wallet = EASY_PAY[method];
  if (wallet) return `${wallet} ${amount} 결제 취소, 즉시 환불`;
  if (method === 'BANK_TRANSFER') return `환불계좌로 ${amount} 입금 (영업일 1~2일 내)`;
  return `카드 ${amount} 승인 취소 (카드사에 따라 영업일 3~7일 내 반영)`;
}
