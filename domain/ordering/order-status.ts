/**
 * The order state machine (docs/ordering.md#state-machine-domainorderingorder-statusts) as an explicit
 * transition table.
 *
 * Every seller's part of an order ships and settles separately, so the table is kept per part; the
 * order's own status is derived from its parts (`deriveOrderStatus`). Commands that concern the whole
 * order (payment results, the buyer's cancel of everything) are applied to every part at once and are
 * refused unless every part allows them.
 */
export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'PURCHASE_CONFIRMED',
  'CANCELLED',
  'PAYMENT_FAILED',
  'RETURN_REQUESTED',
  'RETURNED',
  /** The buyer asked to exchange delivered items for another option of the same product (교환). */
  'EXCHANGE_REQUESTED',
  /** The seller approved: the replacement is taken from stock and waits for its invoice. */
  'EXCHANGE_APPROVED',
  /** The replacement is on its way (its own Shipment); delivered, the part is DELIVERED again. */
  'EXCHANGE_IN_TRANSIT',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** A seller's part moves through the same statuses as the order. */
export type PartStatus = OrderStatus;

export const ORDER_COMMANDS = [
  /** The payment attempt was approved (PG and/or points). */
  'MARK_PAID',
  /** The payment attempt failed for good (declined, or retries exhausted). */
  'FAIL_PAYMENT',
  /** Nothing was paid within 30 minutes of placement. */
  'EXPIRE_PAYMENT',
  /** The buyer (or an operator) cancels; allowed until the seller ships. */
  'CANCEL',
  /** The seller starts preparing the part. */
  'START_PREPARING',
  /** The seller registered the courier and invoice number. */
  'SHIP',
  /** The courier reported delivery. */
  'DELIVER',
  /** The buyer confirmed the purchase, or 7 days passed after delivery. */
  'CONFIRM_PURCHASE',
  /** The buyer asks to return a shipped or delivered part. */
  'REQUEST_RETURN',
  /** The seller, a manager or an admin approved the return (refund and restock follow). */
  'APPROVE_RETURN',
  /** The return was refused: the part counts as delivered again. */
  'REJECT_RETURN',
  /** Some lines of the part were returned (refund and restock follow); the rest counts as delivered again. */
  'APPROVE_PARTIAL_RETURN',
  /** The buyer asks to exchange delivered items for another option of the same product. */
  'REQUEST_EXCHANGE',
  /** The seller approved the exchange (the replacement is taken from stock). */
  'APPROVE_EXCHANGE',
  /** The exchange was refused: the part counts as delivered again. */
  'REJECT_EXCHANGE',
  /** The seller registered the replacement's courier and invoice. */
  'SHIP_EXCHANGE',
  /** The courier delivered the replacement: the 7-day confirmation clock starts again. */
  'DELIVER_EXCHANGE',
] as const;
export type OrderCommand = (typeof ORDER_COMMANDS)[number];

/** Commands that always concern the whole order (every part moves together). */
export const ORDER_WIDE_COMMANDS: readonly OrderCommand[] = ['MARK_PAID', 'FAIL_PAYMENT', 'EXPIRE_PAYMENT'];

/** status → command → next status. A command missing from a row is refused in that status. */
export const PART_TRANSITIONS: Readonly<
  Record<PartStatus, Readonly<Partial<Record<OrderCommand, PartStatus>>>>
> = {
  PENDING_PAYMENT: {
    MARK_PAID: 'PAID',
    FAIL_PAYMENT: 'PAYMENT_FAILED',
    EXPIRE_PAYMENT: 'CANCELLED',
    CANCEL: 'CANCELLED',
  },
  PAID: { CANCEL: 'CANCELLED', START_PREPARING: 'PREPARING', SHIP: 'SHIPPED' },
  PREPARING: { CANCEL: 'CANCELLED', SHIP: 'SHIPPED' },
  SHIPPED: { DELIVER: 'DELIVERED', REQUEST_RETURN: 'RETURN_REQUESTED' },
  DELIVERED: {
    CONFIRM_PURCHASE: 'PURCHASE_CONFIRMED',
    REQUEST_RETURN: 'RETURN_REQUESTED',
    REQUEST_EXCHANGE: 'EXCHANGE_REQUESTED',
  },
  RETURN_REQUESTED: {
    APPROVE_RETURN: 'RETURNED',
    APPROVE_PARTIAL_RETURN: 'DELIVERED',
    REJECT_RETURN: 'DELIVERED',
    DELIVER: 'RETURN_REQUESTED',
  },
  EXCHANGE_REQUESTED: { APPROVE_EXCHANGE: 'EXCHANGE_APPROVED', REJECT_EXCHANGE: 'DELIVERED' },
  EXCHANGE_APPROVED: { SHIP_EXCHANGE: 'EXCHANGE_IN_TRANSIT' },
  EXCHANGE_IN_TRANSIT: { DELIVER_EXCHANGE: 'DELIVERED' },
  PURCHASE_CONFIRMED: {},
  CANCELLED: {},
  PAYMENT_FAILED: {},
  RETURNED: {},
};

export const TERMINAL_STATUSES: readonly OrderStatus[] = [
  'PURCHASE_CONFIRMED',
  'CANCELLED',
  'PAYMENT_FAILED',
  'RETURNED',
];

export function nextPartStatus(status: PartStatus, command: OrderCommand): PartStatus | null {
  return PART_TRANSITIONS[status][command] ?? null;
}

export function allowedCommands(status: PartStatus): OrderCommand[] {
  return Object.keys(PART_TRANSITIONS[status]) as OrderCommand[];
}

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Whether the units of a part in this status have left the seller (a cancel is no longer possible). */
export function hasShipped(status: PartStatus): boolean {
  return (
    status === 'SHIPPED' ||
    status === 'DELIVERED' ||
    status === 'RETURN_REQUESTED' ||
    status === 'RETURNED' ||
    status === 'PURCHASE_CONFIRMED' ||
    isExchangePending(status)
  );
}

/** A part whose exchange is under way: the purchase-confirmation clock stands still. */
export function isExchangePending(status: PartStatus): boolean {
  return (
    status === 'EXCHANGE_REQUESTED' || status === 'EXCHANGE_APPROVED' || status === 'EXCHANGE_IN_TRANSIT'
  );
}

/** Progress of a live part after payment, for deriving the order's status from mixed parts. */
const PROGRESS: Partial<Record<PartStatus, number>> = {
  PAID: 1,
  PREPARING: 2,
  SHIPPED: 3,
  DELIVERED: 4,
  EXCHANGE_REQUESTED: 4,
  EXCHANGE_APPROVED: 4,
  EXCHANGE_IN_TRANSIT: 4,
  PURCHASE_CONFIRMED: 5,
};

/**
 * The order's status from its parts: all alike → that status. Mixed: a pending return wins (the
 * buyer and seller must act); otherwise the least advanced live part (the order is "shipped" only
 * when every live part is); parts cancelled or returned count only when nothing else is left.
 */
export function deriveOrderStatus(parts: readonly PartStatus[]): OrderStatus {
  if (parts.length === 0) throw new Error('an order has at least one part');
  if (parts.every((s) => s === parts[0])) return parts[0]!;
  if (parts.includes('RETURN_REQUESTED')) return 'RETURN_REQUESTED';
  if (parts.includes('EXCHANGE_REQUESTED')) return 'EXCHANGE_REQUESTED';
  for (const pre of ['PENDING_PAYMENT', 'PAYMENT_FAILED'] as const) if (parts.includes(pre)) return pre;
  const live = parts.filter((s) => PROGRESS[s] !== undefined);
  if (live.length > 0) return live.reduce((a, b) => (PROGRESS[a]! <= PROGRESS[b]! ? a : b));
  return parts.includes('RETURNED') ? 'RETURNED' : 'CANCELLED';
}
