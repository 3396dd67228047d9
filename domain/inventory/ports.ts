/** The ports of the inventory context; the TypeORM implementations live in persistence/inventory. */
import type { Transaction } from '../shared/unit-of-work';
import type { ReservationLine, ReservationStatus } from './reservation';
import type { StockLevel } from './stock-level';
import type { WaitlistEntry, WaitlistStatus } from './waitlist';

/** Starts the durable 30-minute hold for the head of a variant's waiting queue (Temporal in production). */
export interface RestockHoldStarter {
  startHold(input: { variantId: string; entryId: string }): Promise<void>;
}

/** A product whose sellable stock crossed zero in either direction. */
export interface ProductAvailability {
  productId: string;
  anySellable: boolean;
}

/** One SKU's row of a reservation (an order's, a hold's or a restock's, by its reference). */
export interface ReservationRecord {
  id: string;
  variantId: string;
  quantity: number;
  status: ReservationStatus;
}

/**
 * Stock rows and reservation rows. Every write is one guarded statement, so the database decides
 * who gets the last unit; nothing here reads before it writes.
 */
export interface StockStore {
  createLevels(
    items: { variantId: string; productId: string; onHand: number }[],
    at: Date,
    tx: Transaction,
  ): Promise<void>;
  levels(variantIds: string[], tx?: Transaction): Promise<StockLevel[]>;
  /** Whether each product has a variant with sellable stock. */
  productAvailability(productIds: string[], tx?: Transaction): Promise<ProductAvailability[]>;
  /** Records the lines under `reference`; false (nothing written) when the reference already has rows. */
  insertReservations(
    reference: string,
    lines: ReservationLine[],
    status: 'HELD' | 'RESTOCKED',
    at: Date,
    tx: Transaction,
  ): Promise<boolean>;
  /** The rows of a reference, in variant-id order. */
  reservations(reference: string, tx: Transaction): Promise<ReservationRecord[]>;
  /**
   * Reserves the units if they are sellable: TAKEN when some stay sellable, LAST when exactly the
   * rest was taken (the variant sold out), SHORT when there were not enough (nothing changed).
   */
  take(line: ReservationLine, at: Date, tx: Transaction): Promise<'TAKEN' | 'LAST' | 'SHORT'>;
  /** Moves a HELD row to COMMITTED or RELEASED; false when it was no longer HELD. */
  settle(
    reservationId: string,
    status: 'COMMITTED' | 'RELEASED',
    at: Date,
    tx: Transaction,
  ): Promise<boolean>;
  /** Held units go back on sale (reserved drops). */
  unreserve(variantId: string, quantity: number, at: Date, tx: Transaction): Promise<void>;
  /** Paid units leave the shelf (on hand and reserved both drop). */
  shipOut(variantId: string, quantity: number, at: Date, tx: Transaction): Promise<void>;
  /** Units come back on the shelf; false when the variant has no stock row. */
  addOnHand(variantId: string, quantity: number, at: Date, tx: Transaction): Promise<boolean>;
  /** Sets the count on hand if the row is still at `version` and its reserved units fit; false otherwise. */
  setOnHandIfUnchanged(
    variantId: string,
    onHand: number,
    version: number,
    at: Date,
    tx: Transaction,
  ): Promise<boolean>;
}

/**
 * How inventory tells the catalog about stock changes it must reflect, inside the same transaction
 * (so a product is never shown ON_SALE with nothing left, nor SOLD_OUT after a restock commits).
 * Called only when a product's availability may have flipped, not on every reservation.
 */
export interface StockChangeListener {
  availabilityChanged(changes: ProductAvailability[], tx: Transaction): Promise<void>;
  unitsSold(sales: { productId: string; quantity: number }[], tx: Transaction): Promise<void>;
  /** After commit: caches and external indexes may refresh. */
  afterAvailabilityCommitted(productIds: string[]): Promise<void>;
}

/** The waiting queues' entries. */
export interface WaitlistStore {
  find(entryId: string, tx?: Transaction): Promise<WaitlistEntry | null>;
  /** The user's WAITING or OFFERED entry for the variant. */
  activeEntryOf(variantId: string, userId: string, tx?: Transaction): Promise<WaitlistEntry | null>;
  /** The first `limit` WAITING entries, first come first. */
  waiting(variantId: string, limit: number, tx?: Transaction): Promise<WaitlistEntry[]>;
  /** How many WAITING entries of the variant came before this one. */
  countAhead(entry: WaitlistEntry, tx?: Transaction): Promise<number>;
  /** Throws DuplicateKeyError when the user already has an active entry for the variant. */
  insert(entry: WaitlistEntry, tx: Transaction): Promise<void>;
  /**
   * Moves the entry from `from` to `to` (an OFFERED entry records when and until when); false when
   * it was no longer `from`. Any status but WAITING and OFFERED frees the user's active slot.
   */
  transition(
    entryId: string,
    change: { from: WaitlistStatus; to: WaitlistStatus; at: Date; holdExpiresAt?: Date },
    tx: Transaction,
  ): Promise<boolean>;
  /** The entries OFFERED to the user on these variants (holds an order of theirs uses up), by variant id. */
  offeredTo(
    userId: string,
    variantIds: string[],
    tx: Transaction,
  ): Promise<{ id: string; variantId: string }[]>;
  /** Variants whose queue has someone waiting, oldest waiter first. */
  variantsWithWaiters(limit: number): Promise<string[]>;
  /** The variants the user waits for or holds (WAITING or OFFERED entries). */
  activeVariantsOf(userId: string): Promise<string[]>;
  /** Withdrawal: deletes every entry of the user (active ones must have been left first); returns how many. */
  deleteEntriesOf(userId: string): Promise<number>;
}
