import { variantNotFound } from '../../domain/inventory/inventory-errors';
import type { ProductAvailability } from '../../domain/inventory/ports';
import type { ReservationLine } from '../../domain/inventory/reservation';
import { sellableOf, type StockLevel } from '../../domain/inventory/stock-level';
import { commitReservation } from './commit-reservation';
import type {
  InventoryCallOptions,
  InventoryDeps,
  ReservationResult,
  ReserveOptions,
} from './inventory-deps';
import { reserveStock } from './reserve-stock';
import { releaseReservation, restockLines } from './return-stock';
import { createStock, setOnHand } from './stock-levels';

export type {
  InventoryCallOptions,
  InventoryDeps,
  ReservationResult,
  ReserveOptions,
} from './inventory-deps';

/**
 * Stock per variant and the published functions the ordering context calls: reserve, commit,
 * release and restock, each keyed by a reference (the order id) so a retried call changes nothing.
 *
 * A reservation is one guarded statement per SKU (`reserved = reserved + n WHERE sellable >= n`):
 * the database decides, so there is no window between reading and writing in which two orders
 * could take the same unit. Edits that must read first (a seller setting the count on hand) use
 * the version and retry a bounded number of times. CHECK constraints back both up.
 */
export class InventoryService {
  constructor(private readonly deps: InventoryDeps) {}

  createStock(
    items: { variantId: string; productId: string; onHand: number }[],
    options: InventoryCallOptions = {},
  ): Promise<void> {
    return createStock(this.deps, items, options);
  }

  levels(variantIds: string[], options: InventoryCallOptions = {}): Promise<StockLevel[]> {
    return this.deps.stock.levels(variantIds, options.tx);
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
  productAvailability(
    productIds: string[],
    options: InventoryCallOptions = {},
  ): Promise<ProductAvailability[]> {
    return this.deps.stock.productAvailability(productIds, options.tx);
  }

  reserve(
    orderId: string,
    lines: ReservationLine[],
    options: ReserveOptions = {},
  ): Promise<ReservationResult> {
    return reserveStock(this.deps, orderId, lines, options);
  }

  commit(orderId: string, options: InventoryCallOptions = {}): Promise<ReservationResult> {
    return commitReservation(this.deps, orderId, options);
  }

  release(orderId: string, options: InventoryCallOptions = {}): Promise<ReservationResult> {
    return releaseReservation(this.deps, orderId, options);
  }

  restock(
    restockId: string,
    lines: ReservationLine[],
    options: InventoryCallOptions = {},
  ): Promise<ReservationResult> {
    return restockLines(this.deps, restockId, lines, options);
  }

  setOnHand(variantId: string, onHand: number): Promise<StockLevel> {
    return setOnHand(this.deps, variantId, onHand);
  }
}
