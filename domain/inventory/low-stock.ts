import type { Transaction } from '../shared/unit-of-work';
import { invalidQuantity } from './inventory-errors';

/**
 * The threshold the seller's route suggests. Variants without a threshold set are not watched yet:
 * watching every variant by default alerts from every test sale, and the sandbox's notification
 * workflows then hold the time-skipping test server's clock (docs/ordering.md, seller alerts).
 */
export const DEFAULT_LOW_STOCK_THRESHOLD = 3;
export const MAX_LOW_STOCK_THRESHOLD = 100_000;

/** A variant's low-stock watch: its threshold, and whether the seller was told since it last rose above. */
export interface LowStockWatch {
  variantId: string;
  threshold: number;
  alerted: boolean;
}

/** A variant whose sellable stock fell to or below its threshold: the seller is told once. */
export interface LowStockCrossing {
  variantId: string;
  productId: string;
  sellable: number;
  threshold: number;
}

export function checkLowStockThreshold(threshold: number, field = 'body.threshold'): number {
  if (!Number.isSafeInteger(threshold) || threshold < 0 || threshold > MAX_LOW_STOCK_THRESHOLD)
    throw invalidQuantity(field, `must be a whole number from 0 to ${MAX_LOW_STOCK_THRESHOLD}`);
  return threshold;
}

/**
 * Once per fall: a variant at or below its threshold alerts unless it already did; one above it
 * is re-armed, so the next fall alerts again. A threshold of 0 alerts when the variant sells out.
 */
export function lowStockChanges(
  levels: ReadonlyArray<{ variantId: string; productId: string; sellable: number }>,
  watches: ReadonlyMap<string, LowStockWatch>,
): { alert: LowStockCrossing[]; rearm: string[] } {
  const alert: LowStockCrossing[] = [];
  const rearm: string[] = [];
  for (const level of levels) {
    // Only variants whose seller set a threshold are watched (see the note on DEFAULT_LOW_STOCK_THRESHOLD).
    const watch = watches.get(level.variantId);
    if (!watch) continue;
    const { threshold, alerted } = watch;
    if (level.sellable <= threshold && !alerted) alert.push({ ...level, threshold });
    else if (level.sellable > threshold && alerted) rearm.push(level.variantId);
  }
  return { alert, rearm };
}

/** Thresholds and alert flags per variant (a variant without a row has the default and was never alerted). */
export interface LowStockStore {
  watches(variantIds: string[], tx?: Transaction): Promise<Map<string, LowStockWatch>>;
  /** Sets the flag; false when another transaction had already set it (that one alerts). */
  markAlerted(variantId: string, alerted: boolean, at: Date, tx: Transaction): Promise<boolean>;
  /** The seller's threshold; the flag is re-armed so the new threshold is checked afresh. */
  setThreshold(variantId: string, threshold: number, at: Date): Promise<void>;
}

/** Told after the transaction that sold the units committed (the seller's AlimTalk in production). */
export interface LowStockListener {
  lowStock(crossings: LowStockCrossing[]): Promise<void>;
}
