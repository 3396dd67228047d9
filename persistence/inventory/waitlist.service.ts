import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../domain/shared/domain-error';
import { InventoryErrorCode, invalidQuantity } from '../../domain/inventory/inventory-errors';
import type { RestockHoldStarter } from '../../domain/inventory/ports';
import { sellableOf } from '../../domain/inventory/stock-level';
import {
  holdReference,
  MAX_WAITLIST_QUANTITY,
  type WaitlistEntry,
  type WaitlistStatus,
} from '../../domain/inventory/waitlist';
import type { InventoryService } from './inventory.service';
import { execute, select, sqlTime } from './sql';
import { isUniqueViolation } from '../unique-violation';

interface EntryRow {
  id: string;
  variant_id: string;
  user_id: string;
  quantity: number | string;
  status: WaitlistStatus;
  created_at: Date | string;
  offered_at: Date | string | null;
  hold_expires_at: Date | string | null;
  passed_to_entry_id: string | null;
}

const asDate = (value: Date | string | null): Date | null =>
  value === null
    ? null
    : value instanceof Date
      ? value
      : new Date(value.replace(' ', 'T') + (value.endsWith('Z') ? '' : 'Z'));

const toEntry = (row: EntryRow): WaitlistEntry => ({
  id: row.id,
  variantId: row.variant_id,
  userId: row.user_id,
  quantity: Number(row.quantity),
  status: row.status,
  createdAt: asDate(row.created_at)!,
  offeredAt: asDate(row.offered_at),
  holdExpiresAt: asDate(row.hold_expires_at),
  passedToEntryId: row.passed_to_entry_id,
});

const ENTRY_COLUMNS =
  'id, variant_id, user_id, quantity, status, created_at, offered_at, hold_expires_at, passed_to_entry_id';

export type GrantOutcome =
  | { granted: true; entry: WaitlistEntry; productId: string }
  | { granted: false; reason: 'NOT_WAITING' | 'NOT_HEAD' | 'NO_STOCK' };

export interface WaitlistDeps {
  dataSource: DataSource;
  inventory: InventoryService;
  now: () => Date;
  newId: () => string;
  /** Absent where no Temporal client runs (then holds are offered by the next process that has one). */
  holdStarter?: RestockHoldStarter;
}

/**
 * The waiting queue (재고 대기) per variant: first come, first served. When stock returns, the head
 * of the queue gets a hold (its units reserved under `hold:<entryId>`) that a durable workflow
 * expires after 30 minutes, passing the units to the next in line.
 */
export class WaitlistService {
  constructor(private readonly deps: WaitlistDeps) {}

  /** Joins the queue; joining again while waiting returns the same entry. */
  async join(
    variantId: string,
    userId: string,
    quantity: number,
  ): Promise<{ entry: WaitlistEntry; position: number; created: boolean }> {
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_WAITLIST_QUANTITY) {
      throw invalidQuantity('body.quantity', `must be a whole number from 1 to ${MAX_WAITLIST_QUANTITY}`);
    }
    try {
      return await this.deps.dataSource.transaction(async (manager) => {
        const existing = await this.activeEntryOf(manager, variantId, userId);
        if (existing)
          return { entry: existing, position: await this.positionOf(manager, existing), created: false };
        const level = await this.deps.inventory.level(variantId, { manager });
        const ahead = await this.waiting(manager, variantId, 1);
        if (ahead.length === 0 && sellableOf(level) >= quantity) {
          throw new DomainError(
            InventoryErrorCode.STOCK_AVAILABLE,
            `Variant ${variantId} is in stock: order it instead of waiting`,
            {
              variantId,
              sellable: sellableOf(level),
            },
          );
        }
        const now = this.deps.now();
        const entry: WaitlistEntry = {
          id: this.deps.newId(),
          variantId,
          userId,
          quantity,
          status: 'WAITING',
          createdAt: now,
          offeredAt: null,
          holdExpiresAt: null,
          passedToEntryId: null,
        };
        await execute(
          manager,
          `INSERT INTO waitlist_entries (id, variant_id, user_id, quantity, status, active_slot, passed_to_entry_id, created_at, offered_at, hold_expires_at, updated_at)
           VALUES (?, ?, ?, ?, 'WAITING', 'A', NULL, ?, NULL, NULL, ?)`,
          [entry.id, variantId, userId, quantity, sqlTime(now), sqlTime(now)],
        );
        return { entry, position: await this.positionOf(manager, entry), created: true };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent join by the same user won: answer with its entry.
      const manager = this.deps.dataSource.manager;
      const entry = await this.activeEntryOf(manager, variantId, userId);
      if (!entry) throw error;
      return { entry, position: await this.positionOf(manager, entry), created: false };
    }
  }

  /** Leaves the queue; a hold the user had goes back on sale (and to the next in line). */
  async leave(variantId: string, userId: string): Promise<boolean> {
    return this.deps.dataSource.transaction(async (manager) => {
      const entry = await this.activeEntryOf(manager, variantId, userId);
      if (!entry) return false;
      const now = sqlTime(this.deps.now());
      await execute(
        manager,
        "UPDATE waitlist_entries SET status = 'CANCELLED', active_slot = NULL, updated_at = ? WHERE id = ? AND status = ?",
        [now, entry.id, entry.status],
      );
      if (entry.status === 'OFFERED') await this.deps.inventory.release(holdReference(entry.id), { manager });
      return true;
    });
  }

  async find(entryId: string): Promise<WaitlistEntry | null> {
    const [row] = await select<EntryRow>(
      this.deps.dataSource.manager,
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries WHERE id = ?`,
      [entryId],
    );
    return row ? toEntry(row) : null;
  }

  /**
   * Starts holds for the head of each variant's queue while the sellable stock covers them (strict
   * first come, first served: a head that does not fit blocks those behind it). Safe to repeat:
   * a hold's workflow id is derived from its entry, so a second start of the same hold is refused.
   */
  async offerHolds(variantIds: string[]): Promise<string[]> {
    const started: string[] = [];
    const starter = this.deps.holdStarter;
    if (!starter) return started;
    for (const variantId of [...new Set(variantIds)]) {
      const manager = this.deps.dataSource.manager;
      const [level] = await this.deps.inventory.levels([variantId], { manager });
      if (!level) continue;
      let available = sellableOf(level);
      for (const entry of await this.waiting(manager, variantId, 20)) {
        if (entry.quantity > available) break;
        available -= entry.quantity;
        await starter.startHold({ variantId, entryId: entry.id });
        started.push(entry.id);
      }
    }
    return started;
  }

  /**
   * Variants whose queue has someone waiting, oldest first. The restock sweep offers holds on them
   * again, so a process that died between returning stock and starting a hold stalls no queue.
   */
  async variantsWithWaiters(limit = 500): Promise<string[]> {
    const rows = await select<{ variant_id: string }>(
      this.deps.dataSource.manager,
      `SELECT variant_id FROM waitlist_entries WHERE status = 'WAITING' GROUP BY variant_id ORDER BY MIN(created_at) LIMIT ${Number(limit)}`,
      [],
    );
    return rows.map((row) => row.variant_id);
  }

  /** The hold workflow's first step: reserve the units for the entry if it is still first in line. */
  async grantHold(entryId: string, holdExpiresAt: Date): Promise<GrantOutcome> {
    const entry = await this.find(entryId);
    if (!entry) return { granted: false, reason: 'NOT_WAITING' };
    if (entry.status === 'OFFERED') {
      const [level] = await this.deps.inventory.levels([entry.variantId]);
      return { granted: true, entry, productId: level?.productId ?? '' };
    }
    if (entry.status !== 'WAITING') return { granted: false, reason: 'NOT_WAITING' };
    try {
      return await this.deps.dataSource.transaction(async (manager): Promise<GrantOutcome> => {
        const [head] = await this.waiting(manager, entry.variantId, 1);
        if (head?.id !== entry.id) return { granted: false, reason: 'NOT_HEAD' };
        await this.deps.inventory.reserve(
          holdReference(entry.id),
          [{ variantId: entry.variantId, quantity: entry.quantity }],
          { manager },
        );
        const now = this.deps.now();
        const won = await execute(
          manager,
          "UPDATE waitlist_entries SET status = 'OFFERED', offered_at = ?, hold_expires_at = ?, updated_at = ? WHERE id = ? AND status = 'WAITING'",
          [sqlTime(now), sqlTime(holdExpiresAt), sqlTime(now), entry.id],
        );
        if (won !== 1) throw new DomainError('HOLD_RACE', 'the entry changed while its hold was granted');
        const level = await this.deps.inventory.level(entry.variantId, { manager });
        return {
          granted: true,
          entry: { ...entry, status: 'OFFERED', offeredAt: now, holdExpiresAt },
          productId: level.productId,
        };
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === InventoryErrorCode.OUT_OF_STOCK)
        return { granted: false, reason: 'NO_STOCK' };
      if (error instanceof DomainError && error.code === 'HOLD_RACE')
        return { granted: false, reason: 'NOT_WAITING' };
      throw error;
    }
  }

  /**
   * The hold's time is up: if the consumer did not order, the entry expires and its units are
   * released (the release offers them to the next in line after commit). Returns what happened.
   */
  async expireHold(entryId: string): Promise<'EXPIRED' | 'CLAIMED' | 'CANCELLED' | 'NOT_HELD'> {
    return this.deps.dataSource.transaction(async (manager) => {
      const [row] = await select<EntryRow>(
        manager,
        `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries WHERE id = ?`,
        [entryId],
      );
      if (!row) return 'NOT_HELD';
      if (row.status === 'CLAIMED' || row.status === 'CANCELLED') return row.status;
      if (row.status === 'EXPIRED') return 'EXPIRED';
      if (row.status !== 'OFFERED') return 'NOT_HELD';
      const now = sqlTime(this.deps.now());
      const won = await execute(
        manager,
        "UPDATE waitlist_entries SET status = 'EXPIRED', active_slot = NULL, updated_at = ? WHERE id = ? AND status = 'OFFERED'",
        [now, entryId],
      );
      if (won === 1) await this.deps.inventory.release(holdReference(entryId), { manager });
      return 'EXPIRED';
    });
  }

  private async activeEntryOf(
    manager: EntityManager,
    variantId: string,
    userId: string,
  ): Promise<WaitlistEntry | null> {
    const [row] = await select<EntryRow>(
      manager,
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries WHERE variant_id = ? AND user_id = ? AND active_slot = 'A'`,
      [variantId, userId],
    );
    return row ? toEntry(row) : null;
  }

  private async waiting(manager: EntityManager, variantId: string, limit: number): Promise<WaitlistEntry[]> {
    const rows = await select<EntryRow>(
      manager,
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries WHERE variant_id = ? AND status = 'WAITING' ORDER BY created_at, id LIMIT ${Number(limit)}`,
      [variantId],
    );
    return rows.map(toEntry);
  }

  private async positionOf(manager: EntityManager, entry: WaitlistEntry): Promise<number> {
    if (entry.status !== 'WAITING') return 0;
    const [row] = await select<{ ahead: number | string }>(
      manager,
      `SELECT COUNT(*) AS ahead FROM waitlist_entries WHERE variant_id = ? AND status = 'WAITING' AND (created_at < ? OR (created_at = ? AND id < ?))`,
      [entry.variantId, sqlTime(entry.createdAt), sqlTime(entry.createdAt), entry.id],
    );
    return Number(row?.ahead ?? 0) + 1;
  }
}
