import { summariseLines } from '../../domain/inventory/reservation';
import { defaultProviderFor, validateCheckout, type CheckoutRequest } from '../../domain/ordering/checkout';
import { orderAmounts, placeOrder, priceParts, type Order } from '../../domain/ordering/order';
import { formatOrderNumber } from '../../domain/ordering/order-number';
import { invalidFields, OrderingErrorCode } from '../../domain/ordering/ordering-errors';
import type {
  AddressBookStore,
  CartRepository,
  InFlightRequests,
  OrderRepository,
  PointsBalancePort,
  RestockHolds,
  ShippingPolicyStore,
  StockReservations,
  VariantCatalog,
} from '../../domain/ordering/ports';
import { computePaymentSplit } from '../../domain/payment/payment-split';
import { DomainError } from '../../domain/shared/domain-error';
import { DuplicateKeyError, type UnitOfWork } from '../../domain/shared/unit-of-work';
import { catalogSeenBy } from './held-stock';
import { priceLines, shortagesAfterRace } from './price-order';

export interface OrderPlacementDeps {
  transactions: UnitOfWork;
  orders: Pick<OrderRepository, 'insert' | 'findByIdempotencyKey'>;
  carts: Pick<CartRepository, 'list' | 'removeVariants'>;
  catalog: VariantCatalog;
  /** The buyer's restock holds: held units are orderable by their holder (the reservation claims them). */
  holds?: RestockHolds;
  shippingPolicies: Pick<ShippingPolicyStore, 'findMany'>;
  /** The buyer's address book: `addressId` instead of a full `shippingAddress`. */
  addresses?: Pick<AddressBookStore, 'find'>;
  stock: Pick<StockReservations, 'reserve' | 'sellableOf'>;
  points: PointsBalancePort;
  inFlight: InFlightRequests;
  now: () => Date;
  newId: () => string;
  /** The 8-digit serial of order numbers (random in production). */
  orderSerial: () => number;
  /** A stable digest of a text (SHA-256 hex in production): tells a repeated request from another. */
  digest: (text: string) => string;
  /** How long the in-flight guard of an Idempotency-Key lives (a crashed request frees it then). */
  inFlightTtlMs?: number;
  /** How long a concurrent repeat waits for the first request's order before answering 409. */
  inFlightWaitMs?: number;
  /** Told when the in-flight guard's store (Redis) fails: placement goes on, guarded by the unique key alone. */
  onGuardUnavailable?: (error: unknown) => void;
  /** Test seam: runs inside the placement transaction right after the stock reservation. */
  afterReservation?: (orderId: string) => Promise<void>;
}

export interface PlaceOrderInput {
  userId: string;
  /** The request body: `{items?, shippingAddress | addressId, payment}` (validated here). */
  body: Parameters<typeof validateCheckout>[0] & { addressId?: unknown };
  idempotencyKey?: string | null;
}

export interface PlacementResult {
  order: Order;
  /** False when an earlier request with the same Idempotency-Key placed it (nothing new was created). */
  created: boolean;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Places orders: prices the lines from the catalog now (never from the client), splits points and
 * PG, and stores in ONE transaction the order, its per-seller parts and lines, the encrypted
 * shipping address, its first history entry and the stock reservation (inventory's `reserve` in
 * this transaction). Anything failing — short stock included — rolls all of it back.
 *
 * Idempotency-Key: the key is a unique column per buyer (durable: a repeat finds the order), and an
 * in-flight guard makes a concurrent identical request wait for the first instead of running.
 */
export class OrderPlacementService {
  constructor(private readonly deps: OrderPlacementDeps) {}

  async place(input: PlaceOrderInput): Promise<PlacementResult> {
    const checkout = validateCheckout(await this.withSavedAddress(input.userId, input.body));
    const key = input.idempotencyKey ?? null;
    if (key === null)
      return { order: await this.placeNow(input.userId, checkout, null, null), created: true };
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw invalidFields([
        { field: 'header.idempotency-key', message: 'must be 1–100 letters, digits or _ . : -' },
      ]);
    }
    const hash = requestHash(checkout, this.deps.digest);
    const guard = `ordering:placement:${input.userId}:${key}`;
    const deadline = this.deps.now().getTime() + (this.deps.inFlightWaitMs ?? 15_000);
    let claim: 'claimed' | 'taken' | 'unguarded';
    for (;;) {
      const replay = await this.replay(input.userId, key, hash);
      if (replay) return replay;
      claim = await this.claim(guard, hash);
      if (claim !== 'taken') break;
      const running = await this.deps.inFlight.get(guard).catch(() => null);
      if (running !== null && running !== hash) throw keyReused(key);
      if (this.deps.now().getTime() > deadline) {
        throw new DomainError(
          OrderingErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT,
          `A request with Idempotency-Key ${key} is still being processed; repeat it shortly`,
          { idempotencyKey: key },
        );
      }
      await sleep(25);
    }
    try {
      return { order: await this.placeNow(input.userId, checkout, key, hash), created: true };
    } catch (error) {
      // Another process without this guard raced us to the unique key: the order is theirs, answer with it.
      if (error instanceof DuplicateKeyError) {
        const replay = await this.replay(input.userId, key, hash);
        if (replay) return replay;
      }
      throw error;
    } finally {
      // A guard left behind by a store that failed meanwhile expires with its TTL.
      if (claim === 'claimed') await this.deps.inFlight.delete(guard).catch(() => undefined);
    }
  }

  /** `addressId` names an address of the buyer's book: it becomes the order's shipping address. */
  private async withSavedAddress(
    userId: string,
    body: PlaceOrderInput['body'],
  ): Promise<Parameters<typeof validateCheckout>[0]> {
    const { addressId, ...rest } = body;
    if (addressId === undefined || addressId === null) {
      if (!rest.shippingAddress)
        throw invalidFields([
          {
            field: 'body.shippingAddress',
            message: 'is required, or addressId (an address of your address book)',
          },
        ]);
      return rest;
    }
    if (rest.shippingAddress)
      throw invalidFields([
        { field: 'body.addressId', message: 'give either addressId or shippingAddress, not both' },
      ]);
    const saved =
      typeof addressId === 'string' && this.deps.addresses
        ? await this.deps.addresses.find(userId, addressId)
        : null;
    if (!saved)
      throw invalidFields([{ field: 'body.addressId', message: 'is not an address of your address book' }]);
    return { ...rest, shippingAddress: { ...saved.address } };
  }

  /**
   * The in-flight guard. Without its store (Redis down) orders are still taken: the unique
   * (buyer, key) index decides, and a concurrent repeat waits on the first insert's row lock, then
   * answers with its order (docs/ordering.md, "Idempotency").
   */
  private async claim(guard: string, hash: string): Promise<'claimed' | 'taken' | 'unguarded'> {
    try {
      const stored = await this.deps.inFlight.setIfAbsent(guard, hash, this.deps.inFlightTtlMs ?? 60_000);
      return stored ? 'claimed' : 'taken';
    } catch (error) {
      this.deps.onGuardUnavailable?.(error);
      return 'unguarded';
    }
  }

  private async replay(userId: string, key: string, hash: string): Promise<PlacementResult | null> {
    const existing = await this.deps.orders.findByIdempotencyKey(userId, key);
    if (!existing) return null;
    if (existing.requestHash !== hash) throw keyReused(key);
    return { order: existing.order, created: false };
  }

  private async placeNow(
    userId: string,
    checkout: CheckoutRequest,
    key: string | null,
    hash: string | null,
  ): Promise<Order> {
    const fromCart = checkout.items === null;
    const requested = fromCart
      ? (await this.deps.carts.list(userId)).map((item) => ({
          variantId: item.variantId,
          quantity: item.quantity,
        }))
      : checkout.items!;
    if (requested.length === 0)
      throw new DomainError(
        OrderingErrorCode.CART_EMPTY,
        'Your cart is empty: add items or name them in `items`',
        {},
      );
    const demand = summariseLines(requested);
    const lines = await priceLines(catalogSeenBy(this.deps.catalog, this.deps.holds, userId), demand);
    const shippingPolicies = await this.deps.shippingPolicies.findMany([
      ...new Set(lines.map((line) => line.sellerId)),
    ]);
    const { totalAmount } = orderAmounts(
      priceParts(lines, shippingPolicies, checkout.shippingAddress.zipCode),
    );

    const wantsPoints = (checkout.payment.points ?? 0) > 0 || checkout.payment.method === 'POINTS';
    const availablePoints = wantsPoints ? await this.deps.points.availablePoints(userId) : 0;
    const split = computePaymentSplit({
      totalAmount,
      pointsToUse: checkout.payment.points,
      availablePoints,
      method: checkout.payment.method,
    });

    for (let attempt = 1; ; attempt++) {
      const now = this.deps.now();
      const { order, history } = placeOrder(
        {
          userId,
          lines,
          shippingAddress: checkout.shippingAddress,
          shippingPolicies,
          payment: {
            method: split.effectiveMethod,
            provider: split.needsPg
              ? (checkout.payment.provider ??
                defaultProviderFor(checkout.payment.method, checkout.payment.cardScope))
              : null,
            cardScope: split.needsPg ? checkout.payment.cardScope : null,
            pointsAmount: split.pointsAmount,
            payableAmount: split.pgAmount,
          },
        },
        {
          orderId: this.deps.newId(),
          orderNumber: formatOrderNumber(now, this.deps.orderSerial()),
          now,
          newId: this.deps.newId,
        },
      );
      try {
        await this.deps.transactions.run(async (tx) => {
          await this.deps.orders.insert(order, history, { key, requestHash: hash }, tx);
          await this.deps.stock.reserve(order.id, demand, { tx, userId });
          if (this.deps.afterReservation) await this.deps.afterReservation(order.id);
          if (fromCart)
            await this.deps.carts.removeVariants(
              userId,
              demand.map((line) => line.variantId),
              tx,
            );
        });
        return order;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'OUT_OF_STOCK')
          throw await shortagesAfterRace(this.deps.stock, demand, error, lines);
        // An order-number collision (1 in 10^8 per same-day pair) gets a new number; a key collision is the caller's.
        const duplicate = error instanceof DuplicateKeyError;
        if (duplicate && key === null && attempt < 3) continue;
        if (
          duplicate &&
          key !== null &&
          attempt < 3 &&
          !(await this.deps.orders.findByIdempotencyKey(userId, key))
        )
          continue;
        throw error;
      }
    }
  }
}

function keyReused(key: string): DomainError {
  return new DomainError(
    OrderingErrorCode.IDEMPOTENCY_KEY_REUSED,
    `Idempotency-Key ${key} was already used for a different request; use a new key for a new order`,
    { idempotencyKey: key },
  );
}

/** A stable digest of what the buyer asked for (the normalised checkout), to tell a repeat from a different order. */
export function requestHash(checkout: CheckoutRequest, digest: (text: string) => string): string {
  const canonical = {
    items: checkout.items ? summariseLines(checkout.items) : null,
    shippingAddress: checkout.shippingAddress,
    payment: {
      method: checkout.payment.method,
      provider: checkout.payment.provider,
      cardScope: checkout.payment.cardScope,
      points: checkout.payment.points ?? null,
    },
  };
  return digest(JSON.stringify(canonical));
}
