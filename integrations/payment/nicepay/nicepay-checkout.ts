import type { CheckoutRequest } from '../../../domain/payment';
import { NICEPAY_OVERSEAS_CARD_CODES } from './nicepay-card-codes';

const METHOD = {
  CARD: 'card',
  BANK_TRANSFER: 'bank',
  KAKAOPAY: 'kakaopay',
  NAVERPAY: 'naverpayCard',
} as const;

/**
 * The JS SDK's `AUTHNICE.requestPay` parameters for one checkout (docs/vendors/nicepay.md#payment-window).
 */
export function nicepayCheckoutParams(
  request: CheckoutRequest,
  clientKey: string,
): Record<string, string | number | boolean> {
  const clientParams: Record<string, string | number | boolean> = {
    clientId: clientKey,
    method: METHOD[request.method],
    orderId: request.orderId,
    amount: request.amount,
    // NicePay replaces " and ¦ with '-' and keeps 40 characters.
    goodsName: request.orderName.replace(/["¦]/g, '-').slice(0, 40),
    returnUrl: request.successUrl,
  };
  if (request.method === 'CARD' && request.cardScope === 'OVERSEAS')
    clientParams.cardCode = NICEPAY_OVERSEAS_CARD_CODES.join(',');
  if (request.taxFreeAmount !== undefined) clientParams.taxFreeAmt = request.taxFreeAmount;
  // Not a NicePay parameter: where the page's fnError handler sends a buyer who closed the window.
  clientParams.cancelUrl = request.cancelUrl ?? request.failUrl;
  return clientParams;
}
