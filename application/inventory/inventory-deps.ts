import { InventoryErrorCode, invalidQuantity } from '../../domain/inventory/inventory-errors';
import type {
  ReservationRecord,
  StockChangeListener,
  StockStore,
  WaitlistStore,
} from '../../domain/inventory/ports';
import { sameLines, type ReservationLine, type ReservationStatus } from '../../domain/inventory/reservation';
import { DomainError } from '../../domain/shared/domain-error';
import type { EventOutbox } from '../../domain/shared/domain-event';
import type { Transaction, UnitOfWork } from '../../domain/shared/unit-of-work';
import type { LowStockDeps } from './low-stock-watch';

export interface InventoryDeps {
  transactions: UnitOfWork;
  stock: StockStore;
  /** A reservation uses up the restock holds its consumer was offered. */
  waitlist: Pick<WaitlistStore, 'offeredTo' | 'transition'>;
  now: () => Date;
  onError: (error: unknown, context: string) => void;
  listener?: StockChangeListener;
  /** After a commit in which sellable stock of these variants grew (the waiting queue may be served). */
  onStockReturned?: (variantIds: string[]) => Promise<void>;
  /** Domain events of stock edits (docs/events.md); absent in tests of inventory alone. */
  events?: { outbox: EventOutbox; newId: () => string };
  /** Attempts of a read-then-write edit before it gives up with STOCK_CONFLICT. */
  maxEditAttempts?: number;
  /** Sellers' low-stock thresholds and alerts (low-stock-watch.ts); absent: nobody is told. */
  lowStock?: LowStockDeps;
}

export interface InventoryCallOptions {
  /** The caller's open transaction (ordering stores the order and its reservation together). */
  tx?: Transaction;
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

/** Runs `work` in the caller's transaction, or in a new one. */
export function within<T>(
  deps: Pick<InventoryDeps, 'transactions'>,
  options: InventoryCallOptions,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return options.tx ? work(options.tx) : deps.transactions.run(work);
}

const REFERENCE = /^[A-Za-z0-9:_-]{1,80}$/;

export function checkReference(reference: string): string {
  if (!REFERENCE.test(reference))
    throw invalidQuantity('orderId', 'must be 1–80 letters, digits, ":", "_" or "-"');
  return reference;
}

export const lineOf = (row: ReservationRecord): ReservationLine => ({
  variantId: row.variantId,
  quantity: row.quantity,
});

/** A repeated call: the same lines answer with what is recorded, other lines are refused. */
export function repeatedReservation(
  reference: string,
  rows: ReservationRecord[],
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
