import { InventoryErrorCode, invalidQuantity } from '../../domain/inventory/inventory-errors';
import type { RestockHoldStarter, WaitlistStore } from '../../domain/inventory/ports';
import { sellableOf } from '../../domain/inventory/stock-level';
import { holdReference, MAX_WAITLIST_QUANTITY, type WaitlistEntry } from '../../domain/inventory/waitlist';
import { DomainError } from '../../domain/shared/domain-error';
import { DuplicateKeyError, type Transaction, type UnitOfWork } from '../../domain/shared/unit-of-work';
import type { InventoryService } from './inventory';

export type GrantOutcome =
  | { granted: true; entry: WaitlistEntry; productId: string }
  | { granted: false; reason: 'NOT_WAITING' | 'NOT_HEAD' | 'NO_STOCK' };

export interface WaitlistDeps {
  transactions: UnitOfWork;
  entries: WaitlistStore;
  inventory: Pick<InventoryService, 'level' | 'levels' | 'reserve' | 'release'>;
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
    const { entries } = this.deps;
    try {
      return await this.deps.transactions.run(async (tx) => {
        const existing = await entries.activeEntryOf(variantId, userId, tx);
        if (existing)
          return { entry: existing, position: await this.positionOf(existing, tx), created: false };
        const level = await this.deps.inventory.level(variantId, { tx });
        const ahead = await entries.waiting(variantId, 1, tx);
        if (ahead.length === 0 && sellableOf(level) >= quantity) {
          throw new DomainError(
            InventoryErrorCode.STOCK_AVAILABLE,
            `Variant ${variantId} is in stock: order it instead of waiting`,
            { variantId, sellable: sellableOf(level) },
          );
        }
        const entry: WaitlistEntry = {
          id: this.deps.newId(),
          variantId,
          userId,
          quantity,
          status: 'WAITING',
          createdAt: this.deps.now(),
          offeredAt: null,
          holdExpiresAt: null,
          passedToEntryId: null,
        };
        await entries.insert(entry, tx);
        return { entry, position: await this.positionOf(entry, tx), created: true };
      });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
      // A concurrent join by the same user won: answer with its entry.
      const entry = await entries.activeEntryOf(variantId, userId);
      if (!entry) throw error;
      return { entry, position: await this.positionOf(entry), created: false };
    }
  }

  /** Leaves the queue; a hold the user had goes back on sale (and to the next in line). */
  async leave(variantId: string, userId: string): Promise<boolean> {
    return this.deps.transactions.run(async (tx) => {
      const entry = await this.deps.entries.activeEntryOf(variantId, userId, tx);
      if (!entry) return false;
      const change = { from: entry.status, to: 'CANCELLED' as const, at: this.deps.now() };
      await this.deps.entries.transition(entry.id, change, tx);
      if (entry.status === 'OFFERED') await this.deps.inventory.release(holdReference(entry.id), { tx });
      return true;
    });
  }

  /** The units the user's OFFERED holds keep on these variants (absent: no hold). */
  async heldFor(userId: string, variantIds: string[]): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    for (const variantId of new Set(variantIds)) {
      const entry = await this.deps.entries.activeEntryOf(variantId, userId);
      if (entry?.status === 'OFFERED') held.set(variantId, entry.quantity);
    }
    return held;
  }

  /** The user's WAITING and OFFERED entries with their place in line (0 once offered), oldest first. */
  async entriesOf(userId: string): Promise<{ entry: WaitlistEntry; position: number; productId: string }[]> {
    const variantIds = await this.deps.entries.activeVariantsOf(userId);
    const levels = new Map(
      (await this.deps.inventory.levels(variantIds)).map((level) => [level.variantId, level.productId]),
    );
    const found = [];
    for (const variantId of variantIds) {
      const entry = await this.deps.entries.activeEntryOf(variantId, userId);
      if (entry)
        found.push({ entry, position: await this.positionOf(entry), productId: levels.get(variantId) ?? '' });
    }
    return found.sort((a, b) => a.entry.createdAt.getTime() - b.entry.createdAt.getTime());
  }

  find(entryId: string): Promise<WaitlistEntry | null> {
    return this.deps.entries.find(entryId);
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
      const [level] = await this.deps.inventory.levels([variantId]);
      if (!level) continue;
      let available = sellableOf(level);
      for (const entry of await this.deps.entries.waiting(variantId, 20)) {
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
  variantsWithWaiters(limit = 500): Promise<string[]> {
    return this.deps.entries.variantsWithWaiters(limit);
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
      return await this.deps.transactions.run(async (tx): Promise<GrantOutcome> => {
        const [head] = await this.deps.entries.waiting(entry.variantId, 1, tx);
        if (head?.id !== entry.id) return { granted: false, reason: 'NOT_HEAD' };
        await this.deps.inventory.reserve(
          holdReference(entry.id),
          [{ variantId: entry.variantId, quantity: entry.quantity }],
          { tx },
        );
        const now = this.deps.now();
        const change = { from: 'WAITING' as const, to: 'OFFERED' as const, at: now, holdExpiresAt };
        if (!(await this.deps.entries.transition(entry.id, change, tx)))
          throw new DomainError('HOLD_RACE', 'the entry changed while its hold was granted');
        const level = await this.deps.inventory.level(entry.variantId, { tx });
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
    return this.deps.transactions.run(async (tx) => {
      const entry = await this.deps.entries.find(entryId, tx);
      if (!entry) return 'NOT_HELD';
      if (entry.status === 'CLAIMED' || entry.status === 'CANCELLED') return entry.status;
      if (entry.status === 'EXPIRED') return 'EXPIRED';
      if (entry.status !== 'OFFERED') return 'NOT_HELD';
      const change = { from: 'OFFERED' as const, to: 'EXPIRED' as const, at: this.deps.now() };
      if (await this.deps.entries.transition(entryId, change, tx))
        await this.deps.inventory.release(holdReference(entryId), { tx });
      return 'EXPIRED';
    });
  }

  private async positionOf(entry: WaitlistEntry, tx?: Transaction): Promise<number> {
    if (entry.status !== 'WAITING') return 0;
    return (await this.deps.entries.countAhead(entry, tx)) + 1;
  }
}
