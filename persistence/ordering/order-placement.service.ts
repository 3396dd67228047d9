import { createHash, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { summariseLines, type ReservationLine } from '../../domain/inventory/reservation';
import { defaultProviderFor, validateCheckout, type CheckoutRequest } from '../../domain/ordering/checkout';
import { placeOrder, type Order, type PricedLine } from '../../domain/ordering/order';
import { ORDER_SERIAL_LIMIT, formatOrderNumber } from '../../domain/ordering/order-number';
import {
  invalidFields,
  OrderingErrorCode,
  outOfStock,
  productUnavailable,
  type StockShortage,
} from '../../domain/ordering/ordering-errors';
import type { PointsBalancePort, VariantCatalog } from '../../domain/ordering/ports';
import { computePaymentSplit } from '../../domain/payment/payment-split';
import { DomainError } from '../../domain/shared/domain-error';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import type { InventoryService } from '../inventory/inventory.service';
import { isUniqueViolation } from '../unique-violation';
import type { TypeOrmCartRepository } from './typeorm-cart.repository';
import type { TypeOrmOrderRepository } from './typeorm-order.repository';

export interface OrderPlacementDeps {
  dataSource: DataSource;
  orders: TypeOrmOrderRepository;
  carts: TypeOrmCartRepository;
  catalog: VariantCatalog;
  inventory: Pick<InventoryService, 'reserve' | 'sellableOf'>;
  points: PointsBalancePort;
  kv: KeyValueStore;
  now: () => Date;
  newId: () => string;
  /** The 8-digit serial of order numbers; random by default. */
  orderSerial?: () => number;
  /** How long the in-flight guard of an Idempotency-Key lives (a crashed request frees it then). */
  inFlightTtlMs?: number;
  /** How long a concurrent repeat waits for the first request's order before answering 409. */
  inFlightWaitMs?: number;
  /** Test seam: runs inside the placement transaction right after the stock reservation. */
  afterReservation?: (orderId: string) => Promise<void>;
}

export interface PlaceOrderInput {
  userId: string;
  /** The request body: `{items?, shippingAddress, payment}` (validated here). */
  body: Parameters<typeof validateCheckout>[0];
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
 * shipping address, its first history entry and the stock reservation (inventory's `reserve` on this
 * transaction's manager). Anything failing — short stock included — rolls all of it back.
 *
 * Idempotency-Key: the key is a unique column per buyer (durable: a repeat finds the order), and a
 * Redis in-flight guard makes a concurrent identical request wait for the first instead of running.
 */
export class OrderPlacementService {
  private readonly serial: () => number;

  constructor(private readonly deps: OrderPlacementDeps) {
    this.serial = deps.orderSerial ?? (() => randomInt(ORDER_SERIAL_LIMIT));
  }

  async place(input: PlaceOrderInput): Promise<PlacementResult> {
    const checkout = validateCheckout(input.body);
    const key = input.idempotencyKey ?? null;
    if (key === null)
      return { order: await this.placeNow(input.userId, checkout, null, null), created: true };
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw invalidFields([
        { field: 'header.idempotency-key', message: 'must be 1–100 letters, digits or _ . : -' },
      ]);
    }
    const hash = requestHash(checkout);
    const guard = `ordering:placement:${input.userId}:${key}`;
    const deadline = this.deps.now().getTime() + (this.deps.inFlightWaitMs ?? 15_000);
    for (;;) {
      const replay = await this.replay(input.userId, key, hash);
      if (replay) return replay;
      if (await this.deps.kv.setIfAbsent(guard, hash, this.deps.inFlightTtlMs ?? 60_000)) break;
      const running = await this.deps.kv.get(guard);
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
      // Another process without this Redis raced us to the unique key: the order is theirs, answer with it.
      if (isUniqueViolation(error)) {
        const replay = await this.replay(input.userId, key, hash);
        if (replay) return replay;
      }
      throw error;
    } finally {
      await this.deps.kv.delete(guard);
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
    const lines = await this.price(demand);
    const totalAmount = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);

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
          orderNumber: formatOrderNumber(now, this.serial()),
          now,
          newId: this.deps.newId,
        },
      );
      try {
        await this.deps.dataSource.transaction(async (manager) => {
          await this.deps.orders.insert(order, history, { key, requestHash: hash }, manager);
          await this.deps.inventory.reserve(order.id, demand, { manager, userId });
          if (this.deps.afterReservation) await this.deps.afterReservation(order.id);
          if (fromCart)
            await this.deps.carts.removeVariants(
              userId,
              demand.map((line) => line.variantId),
              manager,
            );
        });
        return order;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'OUT_OF_STOCK')
          throw await this.shortages(demand, error);
        // An order-number collision (1 in 10^8 per same-day pair) gets a new number; a key collision is the caller's.
        if (isUniqueViolation(error) && key === null && attempt < 3) continue;
        if (
          isUniqueViolation(error) &&
          key !== null &&
          attempt < 3 &&
          !(await this.deps.orders.findByIdempotencyKey(userId, key))
        )
          continue;
        throw error;
      }
    }
  }

  /** Prices each SKU from the catalog now; refuses what cannot be sold and lists every shortage at once. */
  private async price(demand: ReservationLine[]): Promise<PricedLine[]> {
    const offers = await this.deps.catalog.offers(demand.map((line) => line.variantId));
    const unavailable = demand.filter((line) => {
      const offer = offers.get(line.variantId);
      return !offer || offer.productStatus === 'SUSPENDED';
    });
    if (unavailable.length > 0)
      throw productUnavailable(
        unavailable.map((line) => ({
          variantId: line.variantId,
          reason: offers.has(line.variantId) ? 'NOT_ON_SALE' : 'NOT_FOUND',
        })),
      );
    const short: StockShortage[] = demand
      .filter((line) => offers.get(line.variantId)!.sellable < line.quantity)
      .map((line) => ({
        variantId: line.variantId,
        requested: line.quantity,
        available: offers.get(line.variantId)!.sellable,
      }));
    if (short.length > 0) throw outOfStock(short);
    return demand.map((line) => {
      const offer = offers.get(line.variantId)!;
      return {
        sellerId: offer.sellerId,
        productId: offer.productId,
        variantId: offer.variantId,
        productName: offer.productName,
        options: offer.options,
        unitPrice: offer.unitPrice,
        quantity: line.quantity,
      };
    });
  }

  /** The reservation lost a race for stock: report every SKU that is short now (at least the one that failed). */
  private async shortages(demand: ReservationLine[], error: DomainError): Promise<DomainError> {
    const sellable = await this.deps.inventory.sellableOf(demand.map((line) => line.variantId));
    const short = demand
      .map((line) => ({
        variantId: line.variantId,
        requested: line.quantity,
        available: Math.max(0, sellable.get(line.variantId) ?? 0),
      }))
      .filter((line) => line.available < line.requested);
    if (short.length > 0) return outOfStock(short);
    const d = error.details as { variantId: string; requested: number; sellable: number };
    return outOfStock([{ variantId: d.variantId, requested: d.requested, available: d.sellable }]);
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
export function requestHash(checkout: CheckoutRequest): string {
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
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
