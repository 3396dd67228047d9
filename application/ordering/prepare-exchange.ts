import {
  exchangeItems,
  exchangeShipping,
  type ExchangeItem,
  type ExchangeWish,
} from '../../domain/ordering/exchange';
import type { Order } from '../../domain/ordering/order';
import type { VariantCatalog } from '../../domain/ordering/ports';
import type { ReturnReasonCode } from '../../domain/ordering/refund-rules';

export interface PreparedExchange {
  items: ExchangeItem[];
  shippingFee: number;
  payer: 'BUYER' | 'SELLER';
  feeReason: string;
}

/**
 * A buyer's exchange request checked against the order and the catalogue (docs/ordering.md#exchanges):
 * each target an active option of the line's product at its unit price, and the round trip's shipping
 * with who bears it. OrderLifecycle then checks the part's state (delivered, nothing else pending).
 */
export async function prepareExchange(
  deps: { variants: VariantCatalog },
  order: Order,
  sellerId: string,
  request: { items: ExchangeWish[]; reasonCode: ReturnReasonCode },
): Promise<PreparedExchange> {
  const part = order.parts.find((p) => p.sellerId === sellerId)!;
  const offers = await deps.variants.offers(request.items.map((item) => item.variantId));
  const items = exchangeItems(part, request.items, offers);
  const shipping = exchangeShipping(part, request.reasonCode);
  return { items, shippingFee: shipping.amount, payer: shipping.payer, feeReason: shipping.reason };
}
