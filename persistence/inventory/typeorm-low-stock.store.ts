import type { DataSource } from 'typeorm';
import {
  DEFAULT_LOW_STOCK_THRESHOLD,
  type LowStockStore,
  type LowStockWatch,
} from '../../domain/inventory/low-stock';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { isUniqueViolation } from '../unique-violation';
import { execute, placeholders, select, sqlTime } from './sql';
import { managerOf } from './typeorm-unit-of-work';

interface WatchRow {
  variant_id: string;
  threshold: number | string;
  alerted: number | string | boolean;
}

/** `low_stock_watches` in plain SQL (MariaDB and SQLite); a missing row is the default watch. */
export class TypeOrmLowStockStore implements LowStockStore {
  constructor(private readonly dataSource: DataSource) {}

  async watches(variantIds: string[], tx?: Transaction): Promise<Map<string, LowStockWatch>> {
    if (variantIds.length === 0) return new Map();
    const rows = await select<WatchRow>(
      managerOf(this.dataSource, tx),
      `SELECT variant_id, threshold, alerted FROM low_stock_watches WHERE variant_id IN (${placeholders(variantIds.length)})`,
      variantIds,
    );
    return new Map(
      rows.map((row) => [
        row.variant_id,
        { variantId: row.variant_id, threshold: Number(row.threshold), alerted: Number(row.alerted) === 1 },
      ]),
    );
  }

  async markAlerted(variantId: string, alerted: boolean, at: Date, tx: Transaction): Promise<boolean> {
    const manager = managerOf(this.dataSource, tx);
    const flipped = await execute(
      manager,
      'UPDATE low_stock_watches SET alerted = ?, updated_at = ? WHERE variant_id = ? AND alerted = ?',
      [alerted ? 1 : 0, sqlTime(at), variantId, alerted ? 0 : 1],
    );
    if (flipped === 1) return true;
    if (!alerted) return false;
    try {
      await execute(
        manager,
        'INSERT INTO low_stock_watches (variant_id, threshold, alerted, updated_at) VALUES (?, ?, 1, ?)',
        [variantId, DEFAULT_LOW_STOCK_THRESHOLD, sqlTime(at)],
      );
      return true;
    } catch (error) {
      // The row exists and was already alerted (the guarded update above matched nothing).
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async setThreshold(variantId: string, threshold: number, at: Date): Promise<void> {
    const manager = managerOf(this.dataSource);
    const updated = await execute(
      manager,
      'UPDATE low_stock_watches SET threshold = ?, alerted = 0, updated_at = ? WHERE variant_id = ?',
      [threshold, sqlTime(at), variantId],
    );
    if (updated === 1) return;
    try {
      await execute(
        manager,
        'INSERT INTO low_stock_watches (variant_id, threshold, alerted, updated_at) VALUES (?, ?, 0, ?)',
        [variantId, threshold, sqlTime(at)],
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await execute(
        manager,
        'UPDATE low_stock_watches SET threshold = ?, alerted = 0, updated_at = ? WHERE variant_id = ?',
        [threshold, sqlTime(at), variantId],
      );
    }
  }
}
