import type { NotificationRequest } from '../../domain/notification/notification';
import { formatWon } from '../../domain/notification/notification-format';
import { exchangeItemText } from '../../domain/ordering/exchange';
import { COURIERS, type CourierName } from '../../domain/shipping/courier';
import type { ExchangeRequest, OrderLifecycleInput } from './order-lifecycle.messages';
import { buyer } from './order-notices';

/** The buyer's exchange messages (docs/ordering.md#exchanges); 고객명 is filled in at send time. */
const items = (request: ExchangeRequest) => exchangeItemText(request.items).slice(0, 100);

/** Approved: what comes, and the round trip's shipping when it is the buyer's (동봉 or transfer, off the platform). */
export function exchangeApprovedNotice(
  input: OrderLifecycleInput,
  request: ExchangeRequest,
): NotificationRequest {
  return {
    templateCode: 'EXCHANGE_APPROVED',
    ...buyer(input),
    variables: {
      주문번호: input.orderNumber,
      교환상품: items(request),
      교환배송비:
        request.payer === 'BUYER' && request.shippingFee > 0
          ? `${formatWon(request.shippingFee)} (구매자 부담, 반송 시 동봉 또는 판매자 계좌로 송금)`
          : '판매자 부담',
    },
    dedupeKey: `exchange-approved:${request.exchangeId}`,
  };
}

export function exchangeRejectedNotice(
  input: OrderLifecycleInput,
  request: ExchangeRequest,
  reason: string,
): NotificationRequest {
  return {
    templateCode: 'EXCHANGE_REJECTED',
    ...buyer(input),
    variables: { 주문번호: input.orderNumber, 교환상품: items(request), 거절사유: reason.slice(0, 60) },
    dedupeKey: `exchange-rejected:${request.exchangeId}`,
  };
}

/** Once per invoice (a corrected invoice is announced again). */
export function exchangeReshippedNotice(
  input: OrderLifecycleInput,
  request: ExchangeRequest,
  parcel: { courier: CourierName; invoiceNumber: string },
): NotificationRequest {
  return {
    templateCode: 'EXCHANGE_RESHIPPED',
    ...buyer(input),
    variables: {
      주문번호: input.orderNumber,
      교환상품: items(request),
      택배사: COURIERS[parcel.courier].label,
      송장번호: parcel.invoiceNumber,
    },
    dedupeKey: `exchange-reshipped:${request.exchangeId}:${parcel.invoiceNumber}`,
  };
}
