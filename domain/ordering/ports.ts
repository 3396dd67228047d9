import type { SavedAddress } from './address-book';
import type { RefundRecord } from '../payment/refund-record';
import type { SaleStatus } from '../catalog/sale-status';
import type { ReservationLine } from '../inventory/reservation';
import type { Transaction } from '../shared/unit-of-work';
import type {
  NewReturnRequest,
  OrderCheckoutRecord,
  OrderReturnRecord,
  ReturnDecisionRecord,
  ReturnStatus,
} from './after-sale';
import type { CartItem } from './cart';
import type { Order, OrderLine } from './order';
import type { OrderHistoryEntry } from './order-history';
import type { OrderStatus } from './order-status';
import type { ShippingPolicy } from './shipping-policy';

/**
 * What ordering needs from the catalog and inventory about a variant right now: its product,
 * seller, current price and live sellable stock. Implemented over the catalog's published
 * `productDetail` and inventory's `levels` (no joins into their tables).
 */
export interface VariantOffer {
  variantId: string;
  productId: string;
  sellerId: string;
  productName: string;
  options: Record<string, string>;
  /** Current price in whole won (product price + the variant's delta). */
  unitPrice: number;
  productStatus: SaleStatus;
  sellable: number;
  /** The product's 개별 배송비 (null: the seller's policy). */
  shippingFee: number | null;
  /** False: 묶음배송 불가. */
  bundleShipping: boolean;
}

/** Sellers' shipping policies; a seller who never set one is absent (the platform default applies). */
export interface ShippingPolicyStore {
  find(sellerId: string): Promise<ShippingPolicy | null>;
  findMany(sellerIds: string[]): Promise<Map<string, ShippingPolicy>>;
  save(sellerId: string, policy: ShippingPolicy, actorId: string, at: Date): Promise<void>;
}

export interface VariantCatalog {
  /** Offers of the variants that can be found and are not suspended; others are absent from the map. */
  offers(variantIds: string[]): Promise<Map<string, VariantOffer>>;
}

/**
 * Units a restock hold keeps for one consumer (inventory's waiting queue), by variant id. They are
 * reserved under the hold, so the catalog's sellable stock leaves them out; for their holder they
 * are still orderable (placement's reservation claims the hold). Variants without a hold are absent.
 */
export interface RestockHolds {
  heldFor(userId: string, variantIds: string[]): Promise<Map<string, number>>;
}

/**
 * The buyer's spendable points (적립금). The payment context's points ledger implements it
 * (`availablePoints = (await ledger.balance(userId)).available`); ordering only checks the balance at
 * placement: the points are held by the payment attempt.
 */
export interface PointsBalancePort {
  availablePoints(userId: string): Promise<number>;
}

/**
 * The refunds of an order and whether their money is back, from the payment context (which asks
 * the PG): the order shows a refund PENDING or FAILED until it is DONE (docs/payments.md#refunds-the-pg-refuses).
 */
export interface OrderRefundsPort {
  ofOrder(orderId: string): Promise<RefundRecord[]>;
}

/** A page of a list, newest first; `nextCursor` continues it. */
export interface OrderPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A seller's part of an order as the seller sees it: only its own lines. */
export interface SellerOrderPart {
  orderId: string;
  orderNumber: string;
  status: OrderStatus;
  orderStatus: OrderStatus;
  subtotal: number;
  /** Shipping charged for this part (paid to the seller at settlement). */
  shippingFee: number;
  lines: OrderLine[];
  placedAt: Date;
  /** Only once the order is paid (the seller needs it to ship); null when erased. */
  shippingAddress: Order['shippingAddress'];
}

/** An order as stored, with the version that guards concurrent transitions. */
export type VersionedOrder = Order & { version: number };

/**
 * Orders with their parts, lines and history. Writes take the caller's transaction, so placing an
 * order (with its stock reservation) and recording a transition are each one transaction.
 */
export interface OrderRepository {
  /** Throws DuplicateKeyError when the order number or the buyer's Idempotency-Key is taken. */
  insert(
    order: Order,
    history: OrderHistoryEntry[],
    idempotency: { key: string | null; requestHash: string | null },
    tx: Transaction,
  ): Promise<void>;
  findById(orderId: string, tx?: Transaction): Promise<VersionedOrder | null>;
  /** The order's buyer (user id), with no parts, lines or address read: an ownership check. */
  buyerOf(orderId: string): Promise<string | null>;
  /** The order a buyer already placed with this Idempotency-Key, and the hash of the body that placed it. */
  findByIdempotencyKey(
    userId: string,
    key: string,
  ): Promise<{ order: Order; requestHash: string | null } | null>;
  hasTransition(orderId: string, transitionKey: string, tx: Transaction): Promise<boolean>;
  /**
   * Saves a transition: the order's status and every part's, guarded by the version read with it
   * (false when another writer got there first: the caller reads again), plus its history.
   */
  saveTransition(
    order: Order,
    expectedVersion: number,
    history: OrderHistoryEntry[],
    transitionKey: string | null,
    tx: Transaction,
  ): Promise<boolean>;
  history(orderId: string): Promise<OrderHistoryEntry[]>;
  /** Orders still awaiting payment that were placed before `cutoff`, oldest first. */
  awaitingPaymentBefore(cutoff: Date, limit: number): Promise<Order[]>;
  listByUser(userId: string, page: { limit: number; cursor?: string }): Promise<OrderPage<Order>>;
  listBySeller(
    sellerId: string,
    page: { limit: number; cursor?: string; status?: OrderStatus },
  ): Promise<OrderPage<SellerOrderPart>>;
  /** Withdrawal: the address and recipient go; the order record stays. Returns the orders changed. */
  erasePersonalData(userId: string, at: Date): Promise<number>;
}

/**
 * Buyers' saved addresses (the address book), the address encrypted at rest. `save` inserts or
 * replaces; `makeDefault` clears every other default of the user in the same transaction.
 */
export interface AddressBookStore {
  /** Serialises changes to one user's book until the transaction ends (two adds cannot both pass the limit). */
  lockBook(userId: string, tx: Transaction): Promise<void>;
  list(userId: string, tx?: Transaction): Promise<SavedAddress[]>;
  find(userId: string, addressId: string, tx?: Transaction): Promise<SavedAddress | null>;
  save(address: SavedAddress, tx: Transaction): Promise<void>;
  makeDefault(userId: string, addressId: string, tx: Transaction): Promise<void>;
  remove(userId: string, addressId: string, tx: Transaction): Promise<boolean>;
  /** Withdrawal: every address of the user; returns how many. */
  removeAllOf(userId: string): Promise<number>;
}

/** What an operator filters the order list by (every given filter must match). */
export interface AdminOrderFilter {
  status?: OrderStatus;
  /** Orders with a part of this seller. */
  sellerId?: string;
  placedFrom?: Date;
  placedBefore?: Date;
  orderNumber?: string;
  /** Orders of these buyers (found through the identity context's keyed hashes); empty: none match. */
  buyerIds?: string[];
}

/** The operators' order look-ups (newest first, keyset-paginated by id). */
export interface AdminOrderSearch {
  search(filter: AdminOrderFilter, page: { limit: number; cursor?: string }): Promise<OrderPage<Order>>;
  findByOrderNumber(orderNumber: string): Promise<Order | null>;
}

/**
 * Buyers found by e-mail or phone through the identity context's keyed hashes (exact values only:
 * a hash cannot answer a prefix). Implemented over identity's UserRepository.
 */
export interface BuyerDirectory {
  userIdsByEmail(email: string): Promise<string[]>;
  userIdsByPhone(phone: string): Promise<string[]>;
}

/** Cart lines, one per consumer and variant, oldest first. */
export interface CartRepository {
  list(userId: string): Promise<CartItem[]>;
  find(userId: string, itemId: string): Promise<CartItem | null>;
  findByVariant(userId: string, variantId: string): Promise<CartItem | null>;
  count(userId: string): Promise<number>;
  /** False when the variant is already in the cart (a concurrent add); nothing is written then. */
  insert(item: CartItem): Promise<boolean>;
  setQuantity(itemId: string, quantity: number, at: Date): Promise<void>;
  /** Adds to the quantity of an existing line in one write (two concurrent adds both count). */
  addQuantity(itemId: string, quantity: number, at: Date): Promise<void>;
  remove(userId: string, itemId: string): Promise<boolean>;
  /** The ordered lines leave the cart in the transaction that stores the order. */
  removeVariants(userId: string, variantIds: string[], tx: Transaction): Promise<void>;
  clear(userId: string): Promise<void>;
}

/** Checkouts prepared with the PGs and return requests of orders. Every write may be repeated. */
export interface AfterSaleStore {
  saveCheckout(checkout: OrderCheckoutRecord): Promise<void>;
  latestCheckout(orderId: string): Promise<OrderCheckoutRecord | null>;
  /** Stores the request once (a retried activity finds it). */
  openReturn(request: NewReturnRequest): Promise<void>;
  /** Records the decision on a pending request; a repeat of a decided one changes nothing. */
  decideReturn(id: string, decision: ReturnDecisionRecord): Promise<void>;
  findReturn(id: string): Promise<OrderReturnRecord | null>;
  returnsOf(orderId: string): Promise<OrderReturnRecord[]>;
  /** The seller's returns, newest request first; the cursor is the last id of the previous page. */
  returnsOfSeller(
    sellerId: string,
    page: { status?: ReturnStatus; cursor?: string; limit: number },
  ): Promise<{ items: OrderReturnRecord[]; nextCursor: string | null }>;
}

/**
 * Inventory's published functions as ordering calls them, each keyed by a reference (the order id)
 * so a retried call changes nothing. `reserve` joins the caller's transaction when given one.
 */
export interface StockReservations {
  reserve(
    orderId: string,
    lines: ReservationLine[],
    options: { tx?: Transaction; userId?: string },
  ): Promise<unknown>;
  sellableOf(variantIds: string[]): Promise<Map<string, number>>;
  /** Payment completed: the reserved units leave the shelf. */
  commit(orderId: string): Promise<unknown>;
  /** The reservation is given back (nothing held: nothing to do). */
  release(orderId: string): Promise<unknown>;
  /** Units come back on the shelf, once per `restockId`. */
  restock(restockId: string, lines: ReservationLine[]): Promise<unknown>;
}

/**
 * Short-lived markers of requests in flight (Redis in production): a concurrent repeat of a
 * placement waits for the first instead of running.
 */
export interface InFlightRequests {
  /** Stores the value only when the key is absent; true when this call stored it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
}

/** Starts OrderLifecycle for an order once (Temporal in production). */
export interface OrderLifecycles {
  start(order: Order): Promise<void>;
  exists(orderId: string): Promise<boolean>;
}
