import type { PiiCipher } from '../../domain/identity/ports';
import type { ShippingAddress } from '../../domain/ordering/checkout';
import type { Order, OrderLine, OrderPart } from '../../domain/ordering/order';
import type { OrderHistoryEntry } from '../../domain/ordering/order-history';
import type { OrderStatus } from '../../domain/ordering/order-status';
import type { ShippingPolicy } from '../../domain/ordering/shipping-policy';
import type { CardScope, PaymentMethod, PgProvider } from '../../domain/payment/payment-method';
import type { OrderHistoryRow, OrderLineRow, OrderPartRow, OrderRow } from './ordering.entities';

/** The shipping address is personal data: one AES-256-GCM ciphertext of its JSON. */
export function encryptAddress(cipher: PiiCipher, address: ShippingAddress): string {
  return cipher.encrypt(JSON.stringify(address));
}

export function decryptAddress(cipher: PiiCipher, stored: string | null): ShippingAddress | null {
  return stored ? (JSON.parse(cipher.decrypt(stored)) as ShippingAddress) : null;
}

export function orderToRow(
  order: Order,
  cipher: PiiCipher,
  idempotency: { key: string | null; requestHash: string | null },
): OrderRow {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    userId: order.userId,
    status: order.status,
    totalAmount: order.totalAmount,
    pointsAmount: order.payment.pointsAmount,
    payableAmount: order.payment.payableAmount,
    paymentMethod: order.payment.method,
    paymentProvider: order.payment.provider,
    cardScope: order.payment.cardScope ?? null,
    shippingAddress: order.shippingAddress ? encryptAddress(cipher, order.shippingAddress) : null,
    personalDataErasedAt: null,
    idempotencyKey: idempotency.key,
    requestHash: idempotency.requestHash,
    placedAt: order.placedAt,
    paymentDueAt: order.paymentDueAt,
    updatedAt: order.updatedAt,
    version: 1,
  };
}

export function partRows(order: Order, newId: () => string): OrderPartRow[] {
  return order.parts.map((part) => ({
    id: newId(),
    orderId: order.id,
    sellerId: part.sellerId,
    status: part.status,
    subtotal: part.subtotal,
    shippingFee: part.shippingFee,
    shippingPolicy: part.shippingPolicy ? JSON.stringify(part.shippingPolicy) : null,
    placedAt: order.placedAt,
    updatedAt: order.updatedAt,
  }));
}

export function lineRows(order: Order): OrderLineRow[] {
  return order.parts.flatMap((part) =>
    part.lines.map((line, position) => ({
      id: line.id,
      orderId: order.id,
      sellerId: part.sellerId,
      productId: line.productId,
      variantId: line.variantId,
      productName: line.productName,
      options: JSON.stringify(line.options),
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineAmount: line.lineAmount,
      shippingFee: line.shippingFee,
      bundleShipping: line.bundleShipping,
      position,
    })),
  );
}

export function lineFromRow(row: OrderLineRow): OrderLine {
  return {
    id: row.id,
    sellerId: row.sellerId,
    productId: row.productId,
    variantId: row.variantId,
    productName: row.productName,
    options: JSON.parse(row.options) as Record<string, string>,
    unitPrice: Number(row.unitPrice),
    quantity: Number(row.quantity),
    lineAmount: Number(row.lineAmount),
    shippingFee: row.shippingFee === null || row.shippingFee === undefined ? null : Number(row.shippingFee),
    bundleShipping: row.bundleShipping === undefined ? true : Boolean(row.bundleShipping),
  };
}

export function orderFromRows(
  row: OrderRow,
  parts: OrderPartRow[],
  lines: OrderLineRow[],
  cipher: PiiCipher,
): Order {
  const byPart = (sellerId: string) =>
    lines
      .filter((l) => l.sellerId === sellerId)
      .sort((a, b) => a.position - b.position)
      .map(lineFromRow);
  const orderParts: OrderPart[] = parts
    .slice()
    .sort((a, b) => (a.sellerId < b.sellerId ? -1 : a.sellerId > b.sellerId ? 1 : 0))
    .map((p) => ({
      sellerId: p.sellerId,
      status: p.status as OrderStatus,
      subtotal: Number(p.subtotal),
      shippingFee: Number(p.shippingFee ?? 0),
      shippingPolicy: p.shippingPolicy ? (JSON.parse(p.shippingPolicy) as ShippingPolicy) : null,
      lines: byPart(p.sellerId),
    }));
  return {
    id: row.id,
    orderNumber: row.orderNumber,
    userId: row.userId,
    status: row.status as OrderStatus,
    goodsAmount: orderParts.reduce((sum, part) => sum + part.subtotal, 0),
    totalAmount: Number(row.totalAmount),
    payment: {
      method: row.paymentMethod as PaymentMethod,
      provider: row.paymentProvider as PgProvider | null,
      cardScope: (row.cardScope as CardScope | null) ?? null,
      pointsAmount: Number(row.pointsAmount),
      payableAmount: Number(row.payableAmount),
    },
    shippingAddress: decryptAddress(cipher, row.shippingAddress),
    parts: orderParts,
    placedAt: row.placedAt,
    paymentDueAt: row.paymentDueAt,
    updatedAt: row.updatedAt,
  };
}

export function historyToRow(
  entry: OrderHistoryEntry,
  id: string,
  seq: number,
  transitionKey: string | null,
): OrderHistoryRow {
  return { id, seq, ...entry, transitionKey };
}

export function historyFromRow(row: OrderHistoryRow): OrderHistoryEntry {
  return {
    orderId: row.orderId,
    sellerId: row.sellerId,
    fromStatus: row.fromStatus as OrderStatus | null,
    toStatus: row.toStatus as OrderStatus,
    command: row.command as OrderHistoryEntry['command'],
    actorId: row.actorId,
    reason: row.reason,
    at: row.at,
  };
}
