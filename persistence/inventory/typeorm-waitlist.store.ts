import type { DataSource } from 'typeorm';
import type { WaitlistStore } from '../../domain/inventory/ports';
import type { WaitlistEntry, WaitlistStatus } from '../../domain/inventory/waitlist';
import { DuplicateKeyError, type Transaction } from '../../domain/shared/unit-of-work';
import { isUniqueViolation } from '../unique-violation';
import { execute, placeholders, select, sqlTime } from './sql';
import { managerOf } from './typeorm-unit-of-work';

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

/** `waitlist_entries`: `active_slot` is 'A' while an entry is WAITING or OFFERED (one per user and variant). */
export class TypeOrmWaitlistStore implements WaitlistStore {
  constructor(private readonly dataSource: DataSource) {}

  private async entries(sql: string, params: unknown[], tx?: Transaction): Promise<WaitlistEntry[]> {
    const rows = await select<EntryRow>(
      managerOf(this.dataSource, tx),
      `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries WHERE ${sql}`,
      params,
    );
    return rows.map(toEntry);
  }

  async find(entryId: string, tx?: Transaction): Promise<WaitlistEntry | null> {
    return (await this.entries('id = ?', [entryId], tx))[0] ?? null;
  }

  async activeEntryOf(variantId: string, userId: string, tx?: Transaction): Promise<WaitlistEntry | null> {
    const [entry] = await this.entries(
      "variant_id = ? AND user_id = ? AND active_slot = 'A'",
      [variantId, userId],
      tx,
    );
    return entry ?? null;
  }

  waiting(variantId: string, limit: number, tx?: Transaction): Promise<WaitlistEntry[]> {
    return this.entries(
      `variant_id = ? AND status = 'WAITING' ORDER BY created_at, id LIMIT ${Number(limit)}`,
      [variantId],
      tx,
    );
  }

  async countAhead(entry: WaitlistEntry, tx?: Transaction): Promise<number> {
    const [row] = await select<{ ahead: number | string }>(
      managerOf(this.dataSource, tx),
      `SELECT COUNT(*) AS ahead FROM waitlist_entries WHERE variant_id = ? AND status = 'WAITING' AND (created_at < ? OR (created_at = ? AND id < ?))`,
      [entry.variantId, sqlTime(entry.createdAt), sqlTime(entry.createdAt), entry.id],
    );
    return Number(row?.ahead ?? 0);
  }

  async insert(entry: WaitlistEntry, tx: Transaction): Promise<void> {
    try {
      await execute(
        managerOf(this.dataSource, tx),
        `INSERT INTO waitlist_entries (id, variant_id, user_id, quantity, status, active_slot, passed_to_entry_id, created_at, offered_at, hold_expires_at, updated_at)
         VALUES (?, ?, ?, ?, 'WAITING', 'A', NULL, ?, NULL, NULL, ?)`,
        [
          entry.id,
          entry.variantId,
          entry.userId,
          entry.quantity,
          sqlTime(entry.createdAt),
          sqlTime(entry.createdAt),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DuplicateKeyError(`User ${entry.userId} already waits for ${entry.variantId}`, {
          cause: error,
        });
      throw error;
    }
  }

  async transition(
    entryId: string,
    change: { from: WaitlistStatus; to: WaitlistStatus; at: Date; holdExpiresAt?: Date },
    tx: Transaction,
  ): Promise<boolean> {
    const at = sqlTime(change.at);
    const manager = managerOf(this.dataSource, tx);
    const updated =
      change.to === 'OFFERED'
        ? await execute(
            manager,
            "UPDATE waitlist_entries SET status = 'OFFERED', offered_at = ?, hold_expires_at = ?, updated_at = ? WHERE id = ? AND status = ?",
            [at, sqlTime(change.holdExpiresAt ?? change.at), at, entryId, change.from],
          )
        : await execute(
            manager,
            `UPDATE waitlist_entries SET status = ?, active_slot = ${change.to === 'WAITING' ? "'A'" : 'NULL'}, updated_at = ? WHERE id = ? AND status = ?`,
            [change.to, at, entryId, change.from],
          );
    return updated === 1;
  }

  async offeredTo(
    userId: string,
    variantIds: string[],
    tx: Transaction,
  ): Promise<{ id: string; variantId: string }[]> {
    const rows = await select<{ id: string; variant_id: string }>(
      managerOf(this.dataSource, tx),
      `SELECT id, variant_id FROM waitlist_entries WHERE user_id = ? AND status = 'OFFERED' AND variant_id IN (${placeholders(variantIds.length)}) ORDER BY variant_id`,
      [userId, ...variantIds],
    );
    return rows.map((row) => ({ id: row.id, variantId: row.variant_id }));
  }

  async variantsWithWaiters(limit: number): Promise<string[]> {
    const rows = await select<{ variant_id: string }>(
      this.dataSource.manager,
      `SELECT variant_id FROM waitlist_entries WHERE status = 'WAITING' GROUP BY variant_id ORDER BY MIN(created_at) LIMIT ${Number(limit)}`,
      [],
    );
    return rows.map((row) => row.variant_id);
  }

  async activeVariantsOf(userId: string): Promise<string[]> {
    const rows = await select<{ variant_id: string }>(
      this.dataSource.manager,
      "SELECT variant_id FROM waitlist_entries WHERE user_id = ? AND active_slot = 'A' ORDER BY variant_id",
      [userId],
    );
    return rows.map((row) => row.variant_id);
  }

  async deleteEntriesOf(userId: string): Promise<number> {
    return execute(this.dataSource.manager, 'DELETE FROM waitlist_entries WHERE user_id = ?', [userId]);
  }
}
