import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../domain/shared/domain-error';
import {
  InventoryErrorCode,
  invalidQuantity,
  outOfStock,
  variantNotFound,
} from '../../domain/inventory/inventory-errors';
import type { ProductAvailability } from '../../domain/inventory/ports';
import {
  sameLines,
  summariseLines,
  type ReservationLine,
  type ReservationStatus,
} from '../../domain/inventory/reservation';
import {
  availabilityTransition,
  checkOnHandChange,
  sellableOf,
  type StockLevel,
} from '../../domain/inventory/stock-level';
import { holdReference } from '../../domain/inventory/waitlist';
import { afterCommit } from './after-commit';
import { execute, placeholders, select, sqlTime } from './sql';
import { isUniqueViolation } from '../unique-violation';
import type { StockChangeListener } from './stock-change-listener';

export interface InventoryCallOptions {
  /** The EntityManager of the caller's open transaction (ordering stores the order and its reservation together). */
  manager?: EntityManager;
}

export interface ReserveOptions extends InventoryCallOptions {
  /** The consumer ordering: a restock hold they were offered on one of these variants is used up first. */
  userId?: string;
}

export interface ReservationResult {
  reference: string;
  lines: ReservationLine[];
  status: ReservationStatus | 'MIXED';
  /** True when this call found the work already done (a retry). */
  repeated: boolean;
}

export interface InventoryDeps {
  dataSource: DataSource;
  now: () => Date;
  newId: () => string;
  onError: (error: unknown, context: string) => void;
  listener?: StockChangeListener;
  /** After a commit in which sellable stock of these variants grew (the waiting queue may be served). */
  onStockReturned?: (variantIds: string[]) => Promise<void>;
  /** Attempts of a read-then-write edit before it gives up with STOCK_CONFLICT. */
  maxEditAttempts?: number;
}

interface LevelRow {
  variant_id: string;
  product_id: string;
  on_hand: number | string;
  reserved: number | string;
  version: number | string;
}

interface ReservationRow {
  id: string;
  variant_id: string;
  quantity: number | string;
  status: ReservationStatus;
}

const toLevel = (row: LevelRow): StockLevel => ({
  variantId: row.variant_id,
  productId: row.product_id,
  onHand: Number(row.on_hand),
  reserved: Number(row.reserved),
  version: Number(row.version),
});

const REFERENCE = /^[A-Za-z0-9:_-]{1,80}$/;

function checkReference(reference: string): string {
  if (!REFERENCE.test(reference))
    throw invalidQuantity('orderId', 'must be 1–80 letters, digits, ":", "_" or "-"');
  return reference;
}

/**
 * Stock per variant and the published functions the ordering context calls: reserve, commit,
 * release and restock, each keyed by a reference (the order id) so a retried call changes nothing.
 *
 * A reservation is one guarded statement per SKU (`reserved = reserved + n WHERE sellable >= n`):
 * the database decides, so there is no window between reading and writing in which two orders
 * could take the same unit. Edits that must read first (a seller setting the count on hand) use
 * the version column and retry a bounded number of times. CHECK constraints back both up.
 */
export class InventoryService {
  private readonly maxEditAttempts: number;

  constructor(private readonly deps: InventoryDeps) {
    this.maxEditAttempts = deps.maxEditAttempts ?? 5;
  }

  private run<T>(options: InventoryCallOptions, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return options.manager ? work(options.manager) : this.deps.dataSource.transaction(work);
  }

  /** Creates the stock rows of new variants (the catalog calls this in the transaction that stores the product). */
  async createStock(
    items: { variantId: string; productId: string; onHand: number }[],
    options: InventoryCallOptions = {},
  ): Promise<void> {
    if (items.length === 0) return;
    const now = sqlTime(this.deps.now());
    await this.run(options, async (manager) => {
      for (const item of items) {
        if (!Number.isSafeInteger(item.onHand) || item.onHand < 0)
          throw invalidQuantity('stock', 'must be a whole number ≥ 0');
      }
      await execute(
        manager,
        `INSERT INTO stock_levels (variant_id, product_id, on_hand, reserved, version, updated_at) VALUES ${items.map(() => '(?, ?, ?, 0, 1, ?)').join(', ')}`,
        items.flatMap((item) => [item.variantId, item.productId, item.onHand, now]),
      );
    });
  }

  async levels(variantIds: string[], options: InventoryCallOptions = {}): Promise<StockLevel[]> {
    if (variantIds.length === 0) return [];
    const manager = options.manager ?? this.deps.dataSource.manager;
    const rows = await select<LevelRow>(
      manager,
      `SELECT variant_id, product_id, on_hand, reserved, version FROM stock_levels WHERE variant_id IN (${placeholders(variantIds.length)})`,
      variantIds,
    );
    return rows.map(toLevel);
  }

  async level(variantId: string, options: InventoryCallOptions = {}): Promise<StockLevel> {
    const [level] = await this.levels([variantId], options);
    if (!level) throw variantNotFound(variantId);
    return level;
  }

  async sellableOf(variantIds: string[], options: InventoryCallOptions = {}): Promise<Map<string, number>> {
    const levels = await this.levels(variantIds, options);
    return new Map(levels.map((level) => [level.variantId, sellableOf(level)]));
  }

  /** Whether each product has at least one variant with sellable stock. */
  async productAvailability(
    productIds: string[],
    options: InventoryCallOptions = {},
  ): Promise<ProductAvailability[]> {
    if (productIds.length === 0) return [];
    const manager = options.manager ?? this.deps.dataSource.manager;
    const rows = await select<{ product_id: string; best: number | string | null }>(
      manager,
      `SELECT product_id, MAX(on_hand - reserved) AS best FROM stock_levels WHERE product_id IN (${placeholders(productIds.length)}) GROUP BY product_id`,
      productIds,
    );
    const best = new Map(rows.map((row) => [row.product_id, Number(row.best ?? 0)]));
    return productIds.map((productId) => ({ productId, anySellable: (best.get(productId) ?? 0) > 0 }));
  }

  /**
   * Reserves every line for the order, or nothing: OUT_OF_STOCK (with the variant and what is
   * sellable) when one SKU falls short. Lines are summed per SKU and touched in variant-id order.
   * With `options.manager` the caller's transaction holds the work, and the caller must roll it
   * back when this throws.
   */
  async reserve(
    orderId: string,
    lines: ReservationLine[],
    options: ReserveOptions = {},
  ): Promise<ReservationResult> {
    const reference = checkReference(orderId);
    const demand = summariseLines(lines);
    return this.run(options, async (manager) => {
      const now = sqlTime(this.deps.now());
      // The reservation rows go in first: the (reference, variant) key makes a repeated call fail
      // here, before any stock row is locked, and keeps the hot row's lock as short as possible.
      try {
        await execute(
          manager,
          `INSERT INTO stock_reservations (id, reference, variant_id, quantity, status, created_at, updated_at) VALUES ${demand.map(() => "(?, ?, ?, ?, 'HELD', ?, ?)").join(', ')}`,
          demand.flatMap((line) => [this.deps.newId(), reference, line.variantId, line.quantity, now, now]),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await this.reservationRows(manager, reference);
        if (existing.length > 0) return this.repeatedReservation(reference, existing, demand);
        throw new DomainError(
          InventoryErrorCode.STOCK_CONFLICT,
          `Order ${reference} is being reserved by another call; retry`,
          { orderId: reference },
        );
      }
      const claimed = options.userId
        ? await this.claimHolds(manager, options.userId, demand)
        : new Map<string, number>();
      const soldOut: string[] = [];
      for (const line of demand) {
        const outcome = await this.take(manager, line, now);
        if (outcome === 'SHORT') {
          const [level] = await this.levels([line.variantId], { manager });
          if (!level) throw variantNotFound(line.variantId);
          throw outOfStock(line.variantId, line.quantity, sellableOf(level));
        }
        if (outcome === 'LAST' || claimed.has(line.variantId)) soldOut.push(line.variantId);
      }
      if (soldOut.length > 0) {
        const after = await this.levels(soldOut, { manager });
        const changed = after.filter((level) => {
          const line = demand.find((l) => l.variantId === level.variantId)!;
          const before = sellableOf(level) + line.quantity - (claimed.get(level.variantId) ?? 0);
          return availabilityTransition(before, sellableOf(level)) !== null;
        });
        await this.reportAvailability(manager, changed, []);
      }
      return { reference, lines: demand, status: 'HELD', repeated: false };
    });
  }

  /**
   * One guarded statement takes the units: first on the condition that some stay sellable (the
   * common case, no read needed afterwards), else on the condition that exactly the rest is taken
   * (the variant sells out: the catalog must hear of it). Neither reads before it writes.
   */
  private async take(
    manager: EntityManager,
    line: ReservationLine,
    now: string,
  ): Promise<'TAKEN' | 'LAST' | 'SHORT'> {
    const some = await execute(
      manager,
      'UPDATE stock_levels SET reserved = reserved + ?, updated_at = ? WHERE variant_id = ? AND on_hand - reserved > ?',
      [line.quantity, now, line.variantId, line.quantity],
    );
    if (some === 1) return 'TAKEN';
    const last = await execute(
      manager,
      'UPDATE stock_levels SET reserved = reserved + ?, updated_at = ? WHERE variant_id = ? AND on_hand - reserved = ?',
      [line.quantity, now, line.variantId, line.quantity],
    );
    return last === 1 ? 'LAST' : 'SHORT';
  }

  /** Payment completed: the reserved units leave the shelf (onHand and reserved both drop). */
  async commit(orderId: string, options: InventoryCallOptions = {}): Promise<ReservationResult> {
    const reference = checkReference(orderId);
    return this.run(options, async (manager) => {
      const rows = await this.reservationRows(manager, reference);
      if (rows.length === 0) {
        throw new DomainError(
          InventoryErrorCode.RESERVATION_NOT_FOUND,
          `No reservation for order ${reference}`,
          { orderId: reference },
        );
      }
      if (rows.some((row) => row.status === 'RELEASED')) {
        throw new DomainError(
          InventoryErrorCode.RESERVATION_MISMATCH,
          `The reservation of order ${reference} was released; it cannot be committed`,
          { orderId: reference },
        );
      }
      const now = sqlTime(this.deps.now());
      const committed: ReservationLine[] = [];
      for (const row of rows.filter((r) => r.status === 'HELD')) {
        const quantity = Number(row.quantity);
        if (
          (await execute(
            manager,
            "UPDATE stock_reservations SET status = 'COMMITTED', updated_at = ? WHERE id = ? AND status = 'HELD'",
            [now, row.id],
          )) !== 1
        )
          continue;
        await execute(
          manager,
          'UPDATE stock_levels SET on_hand = on_hand - ?, reserved = reserved - ?, version = version + 1, updated_at = ? WHERE variant_id = ?',
          [quantity, quantity, now, row.variant_id],
        );
        committed.push({ variantId: row.variant_id, quantity });
      }
      if (committed.length > 0 && this.deps.listener) {
        const levels = await this.levels(
          committed.map((line) => line.variantId),
          { manager },
        );
        const perProduct = new Map<string, number>();
        for (const line of committed) {
          const productId = levels.find((level) => level.variantId === line.variantId)?.productId;
          if (productId) perProduct.set(productId, (perProduct.get(productId) ?? 0) + line.quantity);
        }
        await this.deps.listener.unitsSold(
          [...perProduct].map(([productId, quantity]) => ({ productId, quantity })),
          manager,
        );
      }
      return { reference, lines: rows.map(lineOf), status: 'COMMITTED', repeated: committed.length === 0 };
    });
  }

  /**
   * Payment failed, timed out or the order was cancelled before payment: held units go back on
   * sale. Releasing an unknown or already released order changes nothing; committed units stay
   * deducted (a cancel after payment restocks instead).
   */
  async release(orderId: string, options: InventoryCallOptions = {}): Promise<ReservationResult> {
    const reference = checkReference(orderId);
    return this.run(options, async (manager) => {
      const rows = await this.reservationRows(manager, reference);
      const now = sqlTime(this.deps.now());
      const released: ReservationLine[] = [];
      for (const row of rows.filter((r) => r.status === 'HELD')) {
        const quantity = Number(row.quantity);
        if (
          (await execute(
            manager,
            "UPDATE stock_reservations SET status = 'RELEASED', updated_at = ? WHERE id = ? AND status = 'HELD'",
            [now, row.id],
          )) !== 1
        )
          continue;
        await execute(
          manager,
          'UPDATE stock_levels SET reserved = reserved - ?, updated_at = ? WHERE variant_id = ?',
          [quantity, now, row.variant_id],
        );
        released.push({ variantId: row.variant_id, quantity });
      }
      await this.afterIncrease(manager, released);
      return { reference, lines: released, status: 'RELEASED', repeated: released.length === 0 };
    });
  }

  /**
   * Units come back on the shelf: a cancel after payment or an approved return. `restockId` keys
   * the call (e.g. `<orderId>:cancel` or a return id) so a retry does not count the units twice.
   */
  async restock(
    restockId: string,
    lines: ReservationLine[],
    options: InventoryCallOptions = {},
  ): Promise<ReservationResult> {
    const reference = checkReference(`restock:${restockId}`);
    const supply = summariseLines(lines);
    return this.run(options, async (manager) => {
      const existing = await this.reservationRows(manager, reference);
      if (existing.length > 0) return this.repeatedReservation(reference, existing, supply);
      const now = sqlTime(this.deps.now());
      await execute(
        manager,
        `INSERT INTO stock_reservations (id, reference, variant_id, quantity, status, created_at, updated_at) VALUES ${supply.map(() => "(?, ?, ?, ?, 'RESTOCKED', ?, ?)").join(', ')}`,
        supply.flatMap((line) => [this.deps.newId(), reference, line.variantId, line.quantity, now, now]),
      );
      for (const line of supply) {
        const affected = await execute(
          manager,
          'UPDATE stock_levels SET on_hand = on_hand + ?, version = version + 1, updated_at = ? WHERE variant_id = ?',
          [line.quantity, now, line.variantId],
        );
        if (affected !== 1) throw variantNotFound(line.variantId);
      }
      await this.afterIncrease(manager, supply);
      return { reference, lines: supply, status: 'RESTOCKED', repeated: false };
    });
  }

  /**
   * A seller sets the count on hand. Reads, checks the rules, then writes only if nobody changed
   * the row since (version) and the reserved units still fit; otherwise reads again, a bounded
   * number of times, then answers STOCK_CONFLICT.
   */
  async setOnHand(variantId: string, onHand: number): Promise<StockLevel> {
    for (let attempt = 1; attempt <= this.maxEditAttempts; attempt++) {
      const result = await this.deps.dataSource.transaction(async (manager) => {
        const [level] = await this.levels([variantId], { manager });
        if (!level) throw variantNotFound(variantId);
        checkOnHandChange(level, onHand);
        const affected = await execute(
          manager,
          'UPDATE stock_levels SET on_hand = ?, version = version + 1, updated_at = ? WHERE variant_id = ? AND version = ? AND reserved <= ?',
          [onHand, sqlTime(this.deps.now()), variantId, level.version, onHand],
        );
        if (affected !== 1) return null;
        const [after] = await this.levels([variantId], { manager });
        const before = level.onHand - after!.reserved;
        const transition = availabilityTransition(before, sellableOf(after!));
        await this.reportAvailability(
          manager,
          transition ? [after!] : [],
          sellableOf(after!) > before ? [after!.variantId] : [],
        );
        return after!;
      });
      if (result) return result;
    }
    throw new DomainError(
      InventoryErrorCode.STOCK_CONFLICT,
      `Stock of variant ${variantId} kept changing; try again`,
      { variantId },
    );
  }

  private async reservationRows(manager: EntityManager, reference: string): Promise<ReservationRow[]> {
    return select<ReservationRow>(
      manager,
      'SELECT id, variant_id, quantity, status FROM stock_reservations WHERE reference = ? ORDER BY variant_id',
      [reference],
    );
  }

  private repeatedReservation(
    reference: string,
    rows: ReservationRow[],
    demand: ReservationLine[],
  ): ReservationResult {
    const lines = rows.map(lineOf);
    if (!sameLines(lines, demand)) {
      throw new DomainError(
        InventoryErrorCode.RESERVATION_MISMATCH,
        `${reference} was already recorded with other lines`,
        { reference, recorded: lines },
      );
    }
    const statuses = new Set(rows.map((row) => row.status));
    return { reference, lines, status: statuses.size === 1 ? rows[0]!.status : 'MIXED', repeated: true };
  }

  /** Uses up the restock holds the consumer was offered on these variants (their units become this order's). */
  private async claimHolds(
    manager: EntityManager,
    userId: string,
    demand: ReservationLine[],
  ): Promise<Map<string, number>> {
    const claimed = new Map<string, number>();
    const offers = await select<{ id: string; variant_id: string }>(
      manager,
      `SELECT id, variant_id FROM waitlist_entries WHERE user_id = ? AND status = 'OFFERED' AND variant_id IN (${placeholders(demand.length)}) ORDER BY variant_id`,
      [userId, ...demand.map((line) => line.variantId)],
    );
    const now = sqlTime(this.deps.now());
    for (const offer of offers) {
      const won = await execute(
        manager,
        "UPDATE waitlist_entries SET status = 'CLAIMED', active_slot = NULL, updated_at = ? WHERE id = ? AND status = 'OFFERED'",
        [now, offer.id],
      );
      if (won !== 1) continue;
      for (const row of await this.reservationRows(manager, holdReference(offer.id))) {
        if (row.status !== 'HELD') continue;
        await execute(
          manager,
          "UPDATE stock_reservations SET status = 'RELEASED', updated_at = ? WHERE id = ? AND status = 'HELD'",
          [now, row.id],
        );
        await execute(
          manager,
          'UPDATE stock_levels SET reserved = reserved - ?, updated_at = ? WHERE variant_id = ?',
          [Number(row.quantity), now, row.variant_id],
        );
        claimed.set(row.variant_id, (claimed.get(row.variant_id) ?? 0) + Number(row.quantity));
      }
    }
    return claimed;
  }

  private async afterIncrease(manager: EntityManager, lines: ReservationLine[]): Promise<void> {
    if (lines.length === 0) return;
    const after = await this.levels(
      lines.map((line) => line.variantId),
      { manager },
    );
    const changed = after.filter((level) => {
      const quantity = lines.find((line) => line.variantId === level.variantId)!.quantity;
      return availabilityTransition(sellableOf(level) - quantity, sellableOf(level)) !== null;
    });
    await this.reportAvailability(
      manager,
      changed,
      lines.map((line) => line.variantId),
    );
  }

  /** Tells the catalog about products whose availability may have flipped, and queues post-commit work. */
  private async reportAvailability(
    manager: EntityManager,
    changed: StockLevel[],
    increasedVariantIds: string[],
  ): Promise<void> {
    const productIds = [...new Set(changed.map((level) => level.productId))];
    const { listener, onStockReturned, onError } = this.deps;
    if (productIds.length > 0 && listener) {
      await listener.availabilityChanged(await this.productAvailability(productIds, { manager }), manager);
      afterCommit(
        manager,
        () => listener.afterAvailabilityCommitted(productIds),
        (e) => onError(e, 'catalog refresh after stock change'),
      );
    }
    if (increasedVariantIds.length > 0 && onStockReturned) {
      afterCommit(
        manager,
        () => onStockReturned(increasedVariantIds),
        (e) => onError(e, 'waiting queue after stock returned'),
      );
    }
  }
}

const lineOf = (row: ReservationRow): ReservationLine => ({
  variantId: row.variant_id,
  quantity: Number(row.quantity),
});
