import type { CartLineView } from '../../domain/ordering/cart';
import { commandsOf, type Order, type OrderLine, type PricedPart } from '../../domain/ordering/order';
import type { OrderReturnRecord } from '../../domain/ordering/after-sale';
import type { OrderHistoryEntry } from '../../domain/ordering/order-history';
import type { CartView } from '../../application/ordering/manage-cart';
import type { SellerOrderPart } from '../../domain/ordering/ports';
import { refundStatusOf, type RefundRecord } from '../../domain/payment/refund-record';
import { commandsForActor, type OrderActor } from '../../domain/ordering/order-actors';

/** JSON shapes of the ordering API (ordering.schemas.ts documents them). */

export function cartLineJson(line: CartLineView) {
  return {
    id: line.item.id,
    productId: line.item.productId,
    variantId: line.item.variantId,
    sellerId: line.offer?.sellerId ?? null,
    productName: line.offer?.productName ?? null,
    options: line.offer?.options ?? {},
    quantity: line.item.quantity,
    unitPrice: line.offer?.unitPrice ?? null,
    priceWhenAdded: line.item.priceWhenAdded,
    priceChange: line.priceChange,
    availability: line.availability,
    sellable: line.offer?.sellable ?? 0,
    lineAmount: line.lineAmount,
    addedAt: line.item.addedAt.toISOString(),
  };
}

function cartPartJson(part: PricedPart) {
  return {
    sellerId: part.sellerId,
    goodsAmount: part.goodsAmount,
    shippingFee: part.shipping.fee,
    freeShippingOver: part.policy.freeShippingOver,
    amountToFreeShipping: part.shipping.amountToFreeShipping,
    area: part.shipping.area,
    shippingCharges: part.shipping.breakdown,
  };
}

export function cartJson(cart: CartView) {
  return {
    items: cart.lines.map(cartLineJson),
    parts: cart.parts.map(cartPartJson),
    goodsAmount: cart.goodsAmount,
    shippingFee: cart.shippingFee,
    totalAmount: cart.totalAmount,
    orderableCount: cart.orderableCount,
    unavailableCount: cart.unavailableCount,
    priceChangedCount: cart.priceChangedCount,
  };
}

const lineJson = (line: OrderLine) => ({ ...line });
const linesOf = (order: Order) => order.parts.flatMap((part) => part.lines);
const shippingOf = (order: Order) => order.parts.reduce((sum, part) => sum + part.shippingFee, 0);

function partsJson(order: Order) {
  return order.parts.map((part) => ({
    sellerId: part.sellerId,
    status: part.status,
    subtotal: part.subtotal,
    shippingFee: part.shippingFee,
    lines: part.lines.map(lineJson),
  }));
}

export function orderSummaryJson(order: Order) {
  const lines = linesOf(order);
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    goodsAmount: order.goodsAmount,
    shippingFee: shippingOf(order),
    totalAmount: order.totalAmount,
    pointsAmount: order.payment.pointsAmount,
    payableAmount: order.payment.payableAmount,
    itemCount: lines.length,
    // (An order without lines cannot be placed; rows written by hand must not break a whole list.)
    title:
      lines.length > 1 ? `${lines[0]!.productName} 외 ${lines.length - 1}건` : (lines[0]?.productName ?? ''),
    parts: order.parts.map((part) => ({
      sellerId: part.sellerId,
      status: part.status,
      subtotal: part.subtotal,
      shippingFee: part.shippingFee,
    })),
    placedAt: order.placedAt.toISOString(),
    paymentDueAt: order.paymentDueAt.toISOString(),
  };
}

/** The order's refunds and their worst state: the money is not back while it is PENDING or FAILED. */
export function refundsJson(refunds: RefundRecord[]) {
  return {
    refundStatus: refundStatusOf(refunds),
    refunds: refunds.map((refund) => ({
      refundId: refund.refundId,
      amount: refund.pgAmount + refund.pointsAmount,
      pgAmount: refund.pgAmount,
      pointsAmount: refund.pointsAmount,
      status: refund.status,
      failureCode: refund.failureCode ?? null,
      updatedAt: refund.updatedAt.toISOString(),
    })),
  };
}

/** The refund paid for a return (its id is `<orderId>:return:<returnId>`): how much, by what, when. */
function returnRefundJson(r: OrderReturnRecord, refunds: RefundRecord[], order?: Order) {
  const refund = refunds.find((x) => x.refundId === `${r.orderId}:return:${r.id}`);
  if (!refund) return null;
  const methods = [
    ...(refund.pgAmount > 0 && order ? [order.payment.method] : []),
    ...(refund.pointsAmount > 0 ? ['POINTS'] : []),
  ];
  return {
    amount: refund.pgAmount + refund.pointsAmount,
    pgAmount: refund.pgAmount,
    pointsAmount: refund.pointsAmount,
    methods,
    status: refund.status,
    refundedAt: refund.status === 'DONE' ? refund.updatedAt.toISOString() : null,
  };
}

/** The order's returns, each with the refund's breakdown once approved and the refund itself once paid. */
export function returnsJson(returns: OrderReturnRecord[], refunds: RefundRecord[] = [], order?: Order) {
  return returns.map((r) => ({
    returnId: r.id,
    sellerId: r.sellerId,
    status: r.status,
    reason: r.reason,
    reasonCode: r.reasonCode,
    lineIds: r.returnedLineIds,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    refundAmount: r.refundAmount,
    deductionAmount: r.deductionAmount,
    breakdown: r.refundBreakdown
      ? {
          goodsAmount: r.refundBreakdown.goodsAmount,
          shippingAmount: r.refundBreakdown.shippingAmount,
          deductions: r.refundBreakdown.deductions,
        }
      : null,
    refund: returnRefundJson(r, refunds, order),
  }));
}

export function orderDetailJson(
  order: Order,
  history: OrderHistoryEntry[],
  refunds: RefundRecord[] = [],
  returns: OrderReturnRecord[] = [],
  viewer: OrderActor = 'BUYER',
) {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    goodsAmount: order.goodsAmount,
    shippingFee: shippingOf(order),
    totalAmount: order.totalAmount,
    pointsAmount: order.payment.pointsAmount,
    payableAmount: order.payment.payableAmount,
    payment: order.payment,
    shippingAddress: order.shippingAddress,
    parts: partsJson(order),
    lines: linesOf(order).map(lineJson),
    timeline: history.map((entry) => ({
      status: entry.toStatus,
      at: entry.at.toISOString(),
      sellerId: entry.sellerId,
      command: entry.command,
    })),
    allowedCommands: commandsForActor(commandsOf(order).order, viewer),
    ...refundsJson(refunds),
    returns: returnsJson(returns, refunds, order),
    placedAt: order.placedAt.toISOString(),
    paymentDueAt: order.paymentDueAt.toISOString(),
  };
}

/** What POST /orders answers (the lead adds `payment.checkoutUrl` from the payment attempt). */
export function placedOrderJson(order: Order, payment: Record<string, unknown> = {}) {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    goodsAmount: order.goodsAmount,
    shippingFee: shippingOf(order),
    totalAmount: order.totalAmount,
    pointsAmount: order.payment.pointsAmount,
    payableAmount: order.payment.payableAmount,
    paymentDueAt: order.paymentDueAt.toISOString(),
    payment: { method: order.payment.method, provider: order.payment.provider, ...payment },
    parts: partsJson(order),
  };
}

export function sellerOrderJson(part: SellerOrderPart, refunds: RefundRecord[] = []) {
  return {
    orderId: part.orderId,
    orderNumber: part.orderNumber,
    status: part.status,
    orderStatus: part.orderStatus,
    subtotal: part.subtotal,
    shippingFee: part.shippingFee,
    lines: part.lines.map(lineJson),
    shippingAddress: part.shippingAddress,
    refundStatus: refundStatusOf(refunds),
    placedAt: part.placedAt.toISOString(),
  };
}
