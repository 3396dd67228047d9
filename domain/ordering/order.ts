import { DomainError } from '../shared/domain-error';
import type { CardScope, PaymentMethod, PgProvider } from '../payment/payment-method';
import type { ShippingAddress } from './checkout';
import type { OrderHistoryEntry } from './order-history';
import { OrderingErrorCode } from './ordering-errors';
import {
  allowedCommands,
  deriveOrderStatus,
  nextPartStatus,
  ORDER_WIDE_COMMANDS,
  type OrderCommand,
  type OrderStatus,
  type PartStatus,
} from './order-status';
import { paymentDueAt } from './payment-deadline';
import { DEFAULT_SHIPPING_POLICY, shippingFeeFor, type ShippingPolicy } from './shipping-policy';

/** One ordered variant, priced by the server from the catalog at placement (whole won). */
export interface OrderLine {
  id: string;
  sellerId: string;
  productId: string;
  variantId: string;
  productName: string;
  /** The variant's option values, e.g. `{ 색상: '빨강', 사이즈: 'M' }`. */
  options: Record<string, string>;
  unitPrice: number;
  quantity: number;
  lineAmount: number;
  /** The product's 개별 배송비 when ordered (null: the seller's policy). */
  shippingFee: number | null;
  /** False: 묶음배송 불가 when ordered, the line shipped alone. */
  bundleShipping: boolean;
}

/** A seller's share of an order: it is prepared, shipped and settled on its own. */
export interface OrderPart {
  sellerId: string;
  status: PartStatus;
  /** Goods amount of the part (sum of its lines). */
  subtotal: number;
  /** Shipping charged for the part at placement (0 for orders placed before shipping fees). */
  shippingFee: number;
  /** The seller's policy when ordered (null before shipping fees): partial returns recompute with it. */
  shippingPolicy: ShippingPolicy | null;
  lines: OrderLine[];
}

export interface OrderPayment {
  /** The method the buyer chose; POINTS when points cover the whole total. */
  method: PaymentMethod;
  provider: PgProvider | null;
  pointsAmount: number;
  /** What goes through the PG (total − points). */
  payableAmount: number;
  /** Card payments: OVERSEAS when the buyer pays with a card issued abroad. */
  cardScope?: CardScope | null;
}

export interface Order {
  id: string;
  orderNumber: string;
  userId: string;
  status: OrderStatus;
  /** Sum of the line amounts. */
  goodsAmount: number;
  /** What the buyer pays: goods + every part's shipping fee. */
  totalAmount: number;
  payment: OrderPayment;
  /** Null once erased (the buyer withdrew); the order record itself is kept 5 years. */
  shippingAddress: ShippingAddress | null;
  parts: OrderPart[];
  placedAt: Date;
  paymentDueAt: Date;
  updatedAt: Date;
}

/** A line as checkout resolves it from the catalog (current price, seller), before ids are given. */
export interface PricedLine {
  sellerId: string;
  productId: string;
  variantId: string;
  productName: string;
  options: Record<string, string>;
  unitPrice: number;
  quantity: number;
  /** The product's 개별 배송비 (absent/null: the seller's policy). */
  shippingFee?: number | null;
  /** False: 묶음배송 불가 (absent: bundleable). */
  bundleShipping?: boolean;
}

export interface PlaceOrderInput {
  userId: string;
  lines: PricedLine[];
  shippingAddress: ShippingAddress;
  payment: OrderPayment;
  /** Each seller's policy; a seller absent here gets DEFAULT_SHIPPING_POLICY. */
  shippingPolicies: ReadonlyMap<string, ShippingPolicy>;
}

export interface PricedPart {
  sellerId: string;
  lines: PricedLine[];
  goodsAmount: number;
  policy: ShippingPolicy;
  shipping: ReturnType<typeof shippingFeeFor>;
}

/**
 * Groups priced lines per seller (seller-id order) and quotes each part's shipping fee for the
 * address's zip code: what the cart shows and placement charges (docs/ordering.md#shipping-fees).
 */
export function priceParts(
  lines: readonly PricedLine[],
  policies: ReadonlyMap<string, ShippingPolicy>,
  zipCode: string,
): PricedPart[] {
  const bySeller = new Map<string, PricedLine[]>();
  for (const line of lines) bySeller.set(line.sellerId, [...(bySeller.get(line.sellerId) ?? []), line]);
  return [...bySeller.keys()].sort().map((sellerId) => {
    const sellerLines = bySeller.get(sellerId)!;
    const policy = policies.get(sellerId) ?? DEFAULT_SHIPPING_POLICY;
    const shipping = shippingFeeFor(
      policy,
      sellerLines.map((l) => ({ ...l, lineAmount: l.unitPrice * l.quantity })),
      zipCode,
    );
    const goodsAmount = sellerLines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    return { sellerId, lines: sellerLines, goodsAmount, policy, shipping };
  });
}

/** Goods, shipping and the total the buyer pays for priced lines (what the payment split is computed on). */
export function orderAmounts(parts: readonly PricedPart[]): {
  goodsAmount: number;
  shippingFee: number;
  totalAmount: number;
} {
  const goodsAmount = parts.reduce((sum, p) => sum + p.goodsAmount, 0);
  const shippingFee = parts.reduce((sum, p) => sum + p.shipping.fee, 0);
  return { goodsAmount, shippingFee, totalAmount: goodsAmount + shippingFee };
}

/**
 * A new order awaiting payment. Lines of the same variant are merged; lines are grouped per seller
 * (parts in seller-id order, lines in the order given); amounts are whole won and must add up.
 */
export function placeOrder(
  input: PlaceOrderInput,
  context: { orderId: string; orderNumber: string; now: Date; newId: () => string },
): { order: Order; history: OrderHistoryEntry[] } {
  if (input.lines.length === 0)
    throw new DomainError(OrderingErrorCode.CART_EMPTY, 'An order needs at least one item', {});
  const merged = new Map<string, PricedLine>();
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice <= 0)
      throw new Error(`unit price of ${line.variantId} must be whole won > 0`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
      throw new Error(`quantity of ${line.variantId} must be ≥ 1`);
    const seen = merged.get(line.variantId);
    merged.set(line.variantId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  const priced = priceParts([...merged.values()], input.shippingPolicies, input.shippingAddress.zipCode);
  const sortedParts: OrderPart[] = priced.map((part) => ({
    sellerId: part.sellerId,
    status: 'PENDING_PAYMENT' as const,
    subtotal: part.goodsAmount,
    shippingFee: part.shipping.fee,
    shippingPolicy: part.policy,
    lines: part.lines.map((line) => ({
      ...line,
      id: context.newId(),
      lineAmount: line.unitPrice * line.quantity,
      shippingFee: line.shippingFee ?? null,
      bundleShipping: line.bundleShipping !== false,
    })),
  }));
  const { goodsAmount, totalAmount } = orderAmounts(priced);
  if (!Number.isSafeInteger(totalAmount)) throw new Error('order total overflows');
  if (input.payment.pointsAmount + input.payment.payableAmount !== totalAmount) {
    throw new Error(
      `payment split ${input.payment.pointsAmount} + ${input.payment.payableAmount} does not add up to ${totalAmount}`,
    );
  }
  const order: Order = {
    id: context.orderId,
    orderNumber: context.orderNumber,
    userId: input.userId,
    status: 'PENDING_PAYMENT',
    goodsAmount,
    totalAmount,
    payment: input.payment,
    shippingAddress: input.shippingAddress,
    parts: sortedParts,
    placedAt: context.now,
    paymentDueAt: paymentDueAt(context.now),
    updatedAt: context.now,
  };
  const history: OrderHistoryEntry[] = [
    {
      orderId: order.id,
      sellerId: null,
      fromStatus: null,
      toStatus: 'PENDING_PAYMENT',
      command: 'PLACE',
      actorId: input.userId,
      reason: null,
      at: context.now,
    },
  ];
  return { order, history };
}

export interface OrderCommandRequest {
  command: OrderCommand;
  /** The seller whose part the command concerns; absent: every part (order-wide). */
  sellerId?: string;
  actorId?: string | null;
  reason?: string | null;
  at: Date;
}

export function transitionNotAllowed(
  order: Order,
  request: OrderCommandRequest,
  blocking: OrderPart[],
): DomainError {
  const where = request.sellerId ? `the part of seller ${request.sellerId}` : 'this order';
  return new DomainError(
    OrderingErrorCode.ORDER_TRANSITION_NOT_ALLOWED,
    `${request.command} is not allowed for ${where} (${blocking.map((p) => p.status).join(', ')})`,
    {
      orderId: order.id,
      command: request.command,
      status: order.status,
      parts: blocking.map((p) => ({
        sellerId: p.sellerId,
        status: p.status,
        allowed: allowedCommands(p.status),
      })),
    },
  );
}

/**
 * Applies a command to an order: to one seller's part, or to every part (order-wide commands and a
 * cancel of the whole order). All-or-nothing: if one targeted part refuses, nothing changes. Parts
 * already cancelled are skipped by an order-wide cancel. Returns the new order and one history entry
 * per part whose status changed, plus one for the order's status when it changed.
 */
export function applyOrderCommand(
  order: Order,
  request: OrderCommandRequest,
): { order: Order; history: OrderHistoryEntry[] } {
  if (request.sellerId && ORDER_WIDE_COMMANDS.includes(request.command)) {
    throw new Error(`${request.command} concerns the whole order, not one seller's part`);
  }
  let targets: OrderPart[];
  if (request.sellerId) {
    const part = order.parts.find((p) => p.sellerId === request.sellerId);
    if (!part)
      throw new DomainError(
        OrderingErrorCode.ORDER_NOT_FOUND,
        `Order ${order.id} has no part of seller ${request.sellerId}`,
        { orderId: order.id, sellerId: request.sellerId },
      );
    targets = [part];
  } else if (request.command === 'CANCEL') {
    targets = order.parts.filter((p) => p.status !== 'CANCELLED');
  } else {
    targets = order.parts;
  }
  const blocking = targets.filter((p) => nextPartStatus(p.status, request.command) === null);
  if (targets.length === 0 || blocking.length > 0)
    throw transitionNotAllowed(order, request, blocking.length > 0 ? blocking : order.parts);

  const history: OrderHistoryEntry[] = [];
  const parts = order.parts.map((part) => {
    if (!targets.includes(part)) return part;
    const next = nextPartStatus(part.status, request.command)!;
    if (next === part.status) return part;
    if (order.parts.length > 1) {
      history.push({
        orderId: order.id,
        sellerId: part.sellerId,
        fromStatus: part.status,
        toStatus: next,
        command: request.command,
        actorId: request.actorId ?? null,
        reason: request.reason ?? null,
        at: request.at,
      });
    }
    return { ...part, status: next };
  });
  const status = deriveOrderStatus(parts.map((p) => p.status));
  if (status !== order.status) {
    history.push({
      orderId: order.id,
      sellerId: null,
      fromStatus: order.status,
      toStatus: status,
      command: request.command,
      actorId: request.actorId ?? null,
      reason: request.reason ?? null,
      at: request.at,
    });
  }
  return { order: { ...order, parts, status, updatedAt: request.at }, history };
}

/** Commands the order accepts now, order-wide and per part (for clients and the workflow's guard). */
export function commandsOf(order: Order): {
  order: OrderCommand[];
  parts: { sellerId: string; commands: OrderCommand[] }[];
} {
  const common = allowedCommands(order.parts[0]!.status).filter((c) =>
    order.parts.every(
      (p) => allowedCommands(p.status).includes(c) || (c === 'CANCEL' && p.status === 'CANCELLED'),
    ),
  );
  return {
    order: common,
    parts: order.parts.map((p) => ({ sellerId: p.sellerId, commands: allowedCommands(p.status) })),
  };
}
