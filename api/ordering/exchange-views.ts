import type { ExchangeRecord } from '../../domain/ordering/exchange';

const optionText = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' / ');

const ACTIONS: Record<ExchangeRecord['status'], Array<'APPROVE' | 'REJECT' | 'SHIP'>> = {
  REQUESTED: ['APPROVE', 'REJECT'],
  APPROVED: ['SHIP'],
  SHIPPED: ['SHIP'],
  REJECTED: [],
  DELIVERED: [],
};

/** One exchange for the API (the buyer's order and the seller's list); actions only for the seller's side. */
export function exchangeJson(
  exchange: ExchangeRecord,
  orderNumber: string,
  trackingStatus: string | null,
  viewer: 'BUYER' | 'SELLER',
) {
  return {
    exchangeId: exchange.id,
    orderId: exchange.orderId,
    orderNumber,
    sellerId: exchange.sellerId,
    status: exchange.status,
    reasonCode: exchange.reasonCode,
    reason: exchange.reason,
    items: exchange.items.map((item) => ({
      orderLineId: item.orderLineId,
      productName: item.productName,
      quantity: item.quantity,
      from: {
        variantId: item.fromVariantId,
        options: item.fromOptions,
        optionText: optionText(item.fromOptions),
      },
      to: { variantId: item.toVariantId, options: item.toOptions, optionText: optionText(item.toOptions) },
    })),
    shippingFee: exchange.shippingFee,
    payer: exchange.payer,
    requestedAt: exchange.requestedAt.toISOString(),
    decidedAt: exchange.decidedAt?.toISOString() ?? null,
    decisionReason: exchange.decisionReason,
    reshipment:
      exchange.courier && exchange.invoiceNumber
        ? {
            courier: exchange.courier,
            invoiceNumber: exchange.invoiceNumber,
            shippedAt: exchange.shippedAt?.toISOString() ?? null,
            deliveredAt: exchange.deliveredAt?.toISOString() ?? null,
            trackingStatus,
          }
        : null,
    allowedActions: viewer === 'SELLER' ? ACTIONS[exchange.status] : [],
  };
}
