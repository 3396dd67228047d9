import { LessThan, LessThanOrEqual, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import {
  clawbackFor,
  expiryAfter,
  PointsAccount,
  type ClawbackRequest,
  type EntryMeta,
  type PointsBalance,
  type PointsHoldStatus,
  type PointsLedger,
} from '../../domain/payment';
import { isUniqueViolation } from '../unique-violation';
import { PointsAccountEntity, PointsHoldEntity, PointsLedgerEntity } from './payment.entities';
import { PointsLotEntity } from './points-lot.entity';
import { toEntry, toLot, toLotRow, toRow } from './points.mapper';

type Meta = () => EntryMeta;
const CONFLICT = Symbol('version conflict');

/**
 * Members' points over four tables: the balance row (with a version for optimistic locking), one
 * hold per order, the lots (each credit, what is left of it, its expiry) and the append-only
 * ledger. Each change loads the account, expires its due lots, applies the domain operation
 * (PointsAccount decides; a repeat is a no-op there), and writes only if nobody changed the balance
 * row meanwhile — otherwise it reads again, a bounded number of times. CHECK constraints keep every
 * balance non-negative even against a bug.
 */
export class TypeOrmPointsLedger implements PointsLedger {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      newId: () => string;
      now: () => Date;
      /** POINTS_VALIDITY_DAYS: how long credited points last. */
      validityDays?: number;
      maxAttempts?: number;
    },
  ) {}

  private get validityDays() {
    return this.deps.validityDays ?? 365;
  }

  earn(userId: string, amount: number, reference: string, options: { at?: Date; reason?: string } = {}) {
    // Earning is idempotent by its reference: an entry with it means it was earned already.
    return this.change(userId, undefined, async (account, meta, manager) => {
      const done = await manager.findOneBy(PointsLedgerEntity, { userId, type: 'EARN', reference });
      const from = (options.at ?? this.deps.now()).toISOString();
      if (!done)
        account.earn(amount, reference, meta(), expiryAfter(from, this.validityDays), options.reason);
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

  adjust(userId: string, amount: number, reason: string) {
    return this.change(userId, undefined, async (account, meta) => {
      const entry = meta();
      if (amount > 0) account.grant(amount, reason, entry, expiryAfter(entry.at, this.validityDays));
      else account.deduct(-amount, reason, entry);
    });
  }

  async clawBack(userId: string, request: ClawbackRequest) {
    let result = { clawback: 0, takenFromRefund: 0 };
    const balance = await this.change(userId, undefined, async (account, meta, manager) => {
      const [earned, done] = await Promise.all([
        manager.findOneBy(PointsLedgerEntity, { userId, type: 'EARN', reference: request.earnReference }),
        manager.findOneBy(PointsLedgerEntity, { userId, type: 'CLAWBACK', reference: request.reference }),
      ]);
      const due = clawbackFor({
        earned: earned?.amount ?? 0,
        refundedPgAmount: request.refundedPgAmount,
        paidPgAmount: request.paidPgAmount,
        available: done ? Number.MAX_SAFE_INTEGER : account.available,
      });
      // A repeat answers what the first call took; the shortfall is what it could not take.
      result = done ? { clawback: done.amount, takenFromRefund: due.clawback - done.amount } : due;
      if (!done && due.clawback > 0)
        account.clawBack(request.orderId, due.clawback, request.reference, request.reason, meta());
    });
    return { ...result, balance };
  }

  expire(userId: string, asOf: Date) {
    return this.change(userId, undefined, async () => undefined, asOf);
  }

  async expireDue(asOf: Date, limit: number): Promise<number> {
    const rows = await this.deps.dataSource
      .getRepository(PointsLotEntity)
      .createQueryBuilder('lot')
      .select('DISTINCT lot.userId', 'userId')
      .where('lot.remaining > 0 AND lot.expiresAt IS NOT NULL AND lot.expiresAt <= :asOf', { asOf })
      .limit(limit)
      .getRawMany<{ userId: string }>();
    for (const { userId } of rows) await this.expire(userId, asOf);
    return rows.length;
  }

  async balance(userId: string): Promise<PointsBalance> {
    const row = await this.deps.dataSource.getRepository(PointsAccountEntity).findOneBy({ userId });
    return { userId, available: row?.available ?? 0, held: row?.held ?? 0 };
  }

  async expiring(userId: string, until: Date) {
    const rows = await this.deps.dataSource.getRepository(PointsLotEntity).find({
      where: { userId, remaining: MoreThan(0), expiresAt: LessThanOrEqual(until) },
      order: { expiresAt: 'ASC', createdAt: 'ASC' },
      take: 100,
    });
    return rows.map((row) => ({ amount: row.remaining, expiresAt: row.expiresAt!.toISOString() }));
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
    expireAsOf?: Date,
  ): Promise<PointsBalance> {
    const maxAttempts = this.deps.maxAttempts ?? 5;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await this.deps.dataSource.transaction(async (manager) => {
        const account = await this.load(manager, userId, orderId);
        const meta: Meta = () => ({ entryId: this.deps.newId(), at: this.deps.now().toISOString() });
        account.expire((expireAsOf ?? this.deps.now()).toISOString(), meta);
        await apply(account, meta, manager);
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
            expiresAt: hold.expiresAt ? new Date(hold.expiresAt) : null,
            updatedAt: now,
          });
        }
        const lots = account.pullLotChanges();
        if (lots.length > 0)
          await manager.save(
            PointsLotEntity,
            lots.map((lot) => toLotRow(lot, userId)),
          );
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
    const [holds, refunds, lots] = await Promise.all([
      manager.find(PointsHoldEntity, {
        where: [{ userId, status: 'HELD' }, ...(orderId ? [{ userId, orderId }] : [])],
      }),
      orderId ? manager.findBy(PointsLedgerEntity, { userId, orderId, type: 'REFUND' }) : [],
      manager.findBy(PointsLotEntity, { userId, remaining: MoreThan(0) }),
    ]);
    return PointsAccount.restore({
      userId,
      available: row.available,
      version: row.version,
      lots: lots.map(toLot),
      holds: holds.map((hold) => ({
        orderId: hold.orderId,
        amount: hold.amount,
        status: hold.status as PointsHoldStatus,
        expiresAt: hold.expiresAt ? hold.expiresAt.toISOString() : null,
        refunds:
          hold.orderId === orderId
            ? refunds.map((r) => ({ refundId: r.reference ?? r.id, amount: r.amount }))
            : [],
      })),
    });
  }
}
