import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import {
  PointsAccount,
  type PointsBalance,
  type PointsEntry,
  type PointsEntryType,
  type PointsHoldStatus,
  type PointsLedger,
} from '../../domain/payment';
import { isUniqueViolation } from '../unique-violation';
import {
  PointsAccountEntity,
  PointsHoldEntity,
  PointsLedgerEntity,
  type PointsLedgerRow,
} from './payment.entities';

type Meta = () => { entryId: string; at: string };
const CONFLICT = Symbol('version conflict');

/**
 * Members' points over three tables: the balance row (with a version for optimistic locking), one
 * hold per order, and the append-only ledger. Each change loads the account, applies the domain
 * operation (PointsAccount decides; a repeat is a no-op there), and writes only if nobody changed
 * the balance row meanwhile — otherwise it reads again, a bounded number of times. CHECK
 * constraints keep every balance non-negative even against a bug.
 */
export class TypeOrmPointsLedger implements PointsLedger {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      newId: () => string;
      now: () => Date;
      maxAttempts?: number;
    },
  ) {}

  earn(userId: string, amount: number, reference: string) {
    // Earning is idempotent by its reference: an entry with it means it was earned already.
    return this.change(userId, undefined, async (account, meta, manager) => {
      const done = await manager.findOneBy(PointsLedgerEntity, { userId, type: 'EARN', reference });
      if (!done) account.earn(amount, reference, meta());
    });
  }

  hold(userId: string, orderId: string, amount: number) {
    return this.change(userId, orderId, async (account, meta) => void account.hold(orderId, amount, meta()));
  }

  capture(userId: string, orderId: string) {
    return this.change(userId, orderId, async (account, meta) => void account.capture(orderId, meta()));
  }

  release(userId: string, orderId: string) {
    return this.change(userId, orderId, async (account, meta) => void account.release(orderId, meta()));
  }

  refund(userId: string, orderId: string, amount: number, refundId: string) {
    return this.change(
      userId,
      orderId,
      async (account, meta) => void account.refund(orderId, amount, refundId, meta()),
    );
  }

  async balance(userId: string): Promise<PointsBalance> {
    const row = await this.deps.dataSource.getRepository(PointsAccountEntity).findOneBy({ userId });
    return { userId, available: row?.available ?? 0, held: row?.held ?? 0 };
  }

  async entries(userId: string, page: { limit: number; cursor?: string }) {
    const rows = await this.deps.dataSource.getRepository(PointsLedgerEntity).find({
      where: page.cursor ? { userId, id: LessThan(page.cursor) } : { userId },
      order: { id: 'DESC' },
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit).map(toEntry);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.entryId : null };
  }

  private async change(
    userId: string,
    orderId: string | undefined,
    apply: (account: PointsAccount, meta: Meta, manager: EntityManager) => Promise<void>,
  ): Promise<PointsBalance> {
    const maxAttempts = this.deps.maxAttempts ?? 5;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await this.deps.dataSource.transaction(async (manager) => {
        const account = await this.load(manager, userId, orderId);
        await apply(
          account,
          () => ({ entryId: this.deps.newId(), at: this.deps.now().toISOString() }),
          manager,
        );
        const entries = account.pullEntries();
        const balance = { userId, available: account.available, held: account.held };
        if (entries.length === 0) return balance;
        const now = this.deps.now();
        const updated = await manager.update(
          PointsAccountEntity,
          { userId, version: account.version },
          { available: account.available, held: account.held, version: account.version + 1, updatedAt: now },
        );
        if ((updated.affected ?? 0) === 0) return CONFLICT;
        const hold = orderId ? account.holdFor(orderId) : undefined;
        if (hold) {
          const refunded = hold.refunds.reduce((sum, r) => sum + r.amount, 0);
          await manager.save(PointsHoldEntity, {
            orderId: hold.orderId,
            userId,
            amount: hold.amount,
            status: hold.status,
            refunded,
            updatedAt: now,
          });
        }
        await manager.insert(
          PointsLedgerEntity,
          entries.map((entry) => toRow(entry, now)),
        );
        return balance;
      });
      if (outcome !== CONFLICT) return outcome;
    }
    throw new Error(`the points of user ${userId} kept changing concurrently; try again`);
  }

  private async load(
    manager: EntityManager,
    userId: string,
    orderId: string | undefined,
  ): Promise<PointsAccount> {
    let row = await manager.findOneBy(PointsAccountEntity, { userId });
    if (!row) {
      try {
        await manager.insert(PointsAccountEntity, {
          userId,
          available: 0,
          held: 0,
          version: 0,
          updatedAt: this.deps.now(),
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      row = await manager.findOneByOrFail(PointsAccountEntity, { userId });
    }
    const holds = await manager.find(PointsHoldEntity, {
      where: [{ userId, status: 'HELD' }, ...(orderId ? [{ userId, orderId }] : [])],
    });
    const refunds = orderId
      ? await manager.findBy(PointsLedgerEntity, { userId, orderId, type: 'REFUND' })
      : [];
    return PointsAccount.restore({
      userId,
      available: row.available,
      version: row.version,
      holds: holds.map((hold) => ({
        orderId: hold.orderId,
        amount: hold.amount,
        status: hold.status as PointsHoldStatus,
        refunds:
          hold.orderId === orderId
            ? refunds.map((r) => ({ refundId: r.reference ?? r.id, amount: r.amount }))
            : [],
      })),
    });
  }
}

function toRow(entry: PointsEntry, now: Date): PointsLedgerRow {
  return {
    id: entry.entryId,
    userId: entry.userId,
    type: entry.type,
    amount: entry.amount,
    orderId: entry.orderId ?? null,
    reference: entry.reference ?? null,
    availableAfter: entry.availableAfter,
    heldAfter: entry.heldAfter,
    createdAt: now,
  };
}

function toEntry(row: PointsLedgerRow): PointsEntry {
  return {
    entryId: row.id,
    userId: row.userId,
    type: row.type as PointsEntryType,
    amount: row.amount,
    orderId: row.orderId ?? undefined,
    reference: row.reference ?? undefined,
    at: row.createdAt.toISOString(),
    availableAfter: row.availableAfter,
    heldAfter: row.heldAfter,
  };
}
