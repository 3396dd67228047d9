import type { DataSource } from 'typeorm';
import type { ProductAvailability, ReservationRecord, StockStore } from '../../domain/inventory/ports';
import type { ReservationLine, ReservationStatus } from '../../domain/inventory/reservation';
import type { StockLevel } from '../../domain/inventory/stock-level';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { isUniqueViolation } from '../unique-violation';
import { execute, placeholders, select, sqlTime } from './sql';
import { managerOf } from './typeorm-unit-of-work';

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

/** `stock_levels` and `stock_reservations` in plain SQL that behaves the same on MariaDB and SQLite. */
export class TypeOrmStockStore implements StockStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly newId: () => string,
  ) {}

  async createLevels(
    items: { variantId: string; productId: string; onHand: number }[],
    at: Date,
    tx: Transaction,
  ): Promise<void> {
    const now = sqlTime(at);
    await execute(
      managerOf(this.dataSource, tx),
      `INSERT INTO stock_levels (variant_id, product_id, on_hand, reserved, version, updated_at) VALUES ${items.map(() => '(?, ?, ?, 0, 1, ?)').join(', ')}`,
      items.flatMap((item) => [item.variantId, item.productId, item.onHand, now]),
    );
  }

  async levels(variantIds: string[], tx?: Transaction): Promise<StockLevel[]> {
    if (variantIds.length === 0) return [];
    const rows = await select<LevelRow>(
      managerOf(this.dataSource, tx),
      `SELECT variant_id, product_id, on_hand, reserved, version FROM stock_levels WHERE variant_id IN (${placeholders(variantIds.length)})`,
      variantIds,
    );
    return rows.map(toLevel);
  }

  async productAvailability(productIds: string[], tx?: Transaction): Promise<ProductAvailability[]> {
    if (productIds.length === 0) return [];
    const rows = await select<{ product_id: string; best: number | string | null }>(
      managerOf(this.dataSource, tx),
      // A retired variant's units are not for sale: only active variants make a product ON_SALE.
      `SELECT s.product_id, MAX(s.on_hand - s.reserved) AS best FROM stock_levels s
         JOIN product_variants v ON v.id = s.variant_id AND v.active = 1
       WHERE s.product_id IN (${placeholders(productIds.length)}) GROUP BY s.product_id`,
      productIds,
    );
    const best = new Map(rows.map((row) => [row.product_id, Number(row.best ?? 0)]));
    return productIds.map((productId) => ({ productId, anySellable: (best.get(productId) ?? 0) > 0 }));
  }

  async insertReservations(
    reference: string,
    lines: ReservationLine[],
    status: 'HELD' | 'RESTOCKED',
    at: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const now = sqlTime(at);
    try {
      await execute(
        managerOf(this.dataSource, tx),
        `INSERT INTO stock_reservations (id, reference, variant_id, quantity, status, created_at, updated_at) VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        lines.flatMap((line) => [this.newId(), reference, line.variantId, line.quantity, status, now, now]),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async reservations(reference: string, tx: Transaction): Promise<ReservationRecord[]> {
    const rows = await select<ReservationRow>(
      managerOf(this.dataSource, tx),
      'SELECT id, variant_id, quantity, status FROM stock_reservations WHERE reference = ? ORDER BY variant_id',
      [reference],
    );
    return rows.map((row) => ({
      id: row.id,
      variantId: row.variant_id,
      quantity: Number(row.quantity),
      status: row.status,
    }));
  }

  /**
   * First on the condition that some units stay sellable (the common case, no read needed
   * afterwards), else on the condition that exactly the rest is taken (the variant sells out).
   */
  async take(line: ReservationLine, at: Date, tx: Transaction): Promise<'TAKEN' | 'LAST' | 'SHORT'> {
    const manager = managerOf(this.dataSource, tx);
    const now = sqlTime(at);
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

  async settle(
    reservationId: string,
    status: 'COMMITTED' | 'RELEASED',
    at: Date,
    tx: Transaction,
  ): Promise<boolean> {
    return (
      (await execute(
        managerOf(this.dataSource, tx),
        "UPDATE stock_reservations SET status = ?, updated_at = ? WHERE id = ? AND status = 'HELD'",
        [status, sqlTime(at), reservationId],
      )) === 1
    );
  }

  async unreserve(variantId: string, quantity: number, at: Date, tx: Transaction): Promise<void> {
    await execute(
      managerOf(this.dataSource, tx),
      'UPDATE stock_levels SET reserved = reserved - ?, updated_at = ? WHERE variant_id = ?',
      [quantity, sqlTime(at), variantId],
    );
  }

  async shipOut(variantId: string, quantity: number, at: Date, tx: Transaction): Promise<void> {
    await execute(
      managerOf(this.dataSource, tx),
      'UPDATE stock_levels SET on_hand = on_hand - ?, reserved = reserved - ?, version = version + 1, updated_at = ? WHERE variant_id = ?',
      [quantity, quantity, sqlTime(at), variantId],
    );
  }

  async addOnHand(variantId: string, quantity: number, at: Date, tx: Transaction): Promise<boolean> {
    return (
      (await execute(
        managerOf(this.dataSource, tx),
        'UPDATE stock_levels SET on_hand = on_hand + ?, version = version + 1, updated_at = ? WHERE variant_id = ?',
        [quantity, sqlTime(at), variantId],
      )) === 1
    );
  }

  async setOnHandIfUnchanged(
    variantId: string,
    onHand: number,
    version: number,
    at: Date,
    tx: Transaction,
  ): Promise<boolean> {
    return (
      (await execute(
        managerOf(this.dataSource, tx),
        'UPDATE stock_levels SET on_hand = ?, version = version + 1, updated_at = ? WHERE variant_id = ? AND version = ? AND reserved <= ?',
        [onHand, sqlTime(at), variantId, version, onHand],
      )) === 1
    );
  }
}
