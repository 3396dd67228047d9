import { PaymentError, PaymentErrorCode } from './payment-errors';
import { consumeLots, type PointsLot } from './points-lots';
import { isPositiveWon, isWon } from './won';

/**
 * A member's points (적립금) as an aggregate. One point = one won. Points are earned, held for an
 * order when it is placed, captured when the order is paid, released when it fails or is cancelled
 * before payment, and refunded (partly or wholly) when a paid order is cancelled or returned.
 *
 * Invariants: the available balance and every hold are whole, non-negative amounts; a hold never
 * exceeds what was available; refunds of an order never exceed what was captured for it.
 * Every change is recorded as an entry (the ledger lines the repository appends); entry ids and
 * times come in as arguments. Compensations are forgiving: releasing a hold that does not exist or
 * was already released does nothing, so a retried saga step is harmless.
 *
 * Every credit (earn, admin grant, release, refund) is a lot with an expiry; every debit (hold,
 * admin deduction, clawback) takes the lots that expire first (points-lots.ts). `available` is the
 * sum of what is left in the lots (plus any balance from before lots existed), and each expired lot's
 * rest leaves as an EXPIRE entry — so the balance is always the sum of the ledger.
 */
export type PointsEntryType =
  'EARN' | 'HOLD' | 'CAPTURE' | 'RELEASE' | 'REFUND' | 'ADMIN_GRANT' | 'ADMIN_DEDUCT' | 'EXPIRE' | 'CLAWBACK';

/** How each entry type moves the available balance (CAPTURE only moves held points). */
export const AVAILABLE_SIGN: Record<PointsEntryType, -1 | 0 | 1> = {
  EARN: 1,
  ADMIN_GRANT: 1,
  RELEASE: 1,
  REFUND: 1,
  HOLD: -1,
  CAPTURE: 0,
  ADMIN_DEDUCT: -1,
  EXPIRE: -1,
  CLAWBACK: -1,
};

export interface PointsEntry {
  entryId: string;
  userId: string;
  type: PointsEntryType;
  /** Magnitude of the movement (always > 0). */
  amount: number;
  orderId?: string;
  /** Why: an earn reference (`earn:<orderId>:<sellerId>`), a refund id, an expired lot id, a clawback key. */
  reference?: string;
  /** An admin's or a clawback's reason, as the buyer sees it. */
  reason?: string;
  at: string;
  /** Balances after this entry. */
  availableAfter: number;
  heldAfter: number;
}

export type PointsHoldStatus = 'HELD' | 'CAPTURED' | 'RELEASED';

export interface PointsHold {
  orderId: string;
  amount: number;
  status: PointsHoldStatus;
  /** Refund ids already applied, with their amounts (idempotency of refunds). */
  refunds: Array<{ refundId: string; amount: number }>;
  /** The latest expiry of the lots it took: points it gives back expire then (null: never). */
  expiresAt?: string | null;
}

export interface PointsAccountSnapshot {
  userId: string;
  available: number;
  holds: PointsHold[];
  /** Lots with points left (others need not be loaded). */
  lots?: PointsLot[];
  /** Optimistic-locking version of the stored row. */
  version: number;
}

export interface EntryMeta {
  entryId: string;
  at: string;
}

export class PointsAccount {
  private readonly recorded: PointsEntry[] = [];
  private readonly changedLots = new Map<string, PointsLot>();

  private constructor(
    readonly userId: string,
    private availableAmount: number,
    private readonly holds: Map<string, PointsHold>,
    readonly version: number,
    private readonly lots: PointsLot[] = [],
  ) {}

  static open(userId: string): PointsAccount {
    return new PointsAccount(userId, 0, new Map(), 0);
  }

  static restore(snapshot: PointsAccountSnapshot): PointsAccount {
    if (!isWon(snapshot.available))
      throw new PaymentError(
        PaymentErrorCode.POINTS_INVALID_AMOUNT,
        'stored available points are not a whole non-negative amount',
        { userId: snapshot.userId },
      );
    const holds = new Map(
      snapshot.holds.map((hold) => [hold.orderId, { ...hold, refunds: [...hold.refunds] }]),
    );
    const lots = (snapshot.lots ?? []).map((lot) => ({ ...lot }));
    return new PointsAccount(snapshot.userId, snapshot.available, holds, snapshot.version, lots);
  }

  /** Points the member can spend now. */
  get available(): number {
    return this.availableAmount;
  }

  /** Points reserved by unpaid orders. */
  get held(): number {
    let sum = 0;
    for (const hold of this.holds.values()) if (hold.status === 'HELD') sum += hold.amount;
    return sum;
  }

  holdFor(orderId: string): PointsHold | undefined {
    const hold = this.holds.get(orderId);
    return hold && { ...hold, refunds: [...hold.refunds] };
  }

  /** Points that expire at `expiresAt` (absent: never). */
  earn(
    amount: number,
    reference: string,
    meta: EntryMeta,
    expiresAt: string | null = null,
    reason?: string,
  ): PointsEntry {
    requirePositive(amount, 'earn');
    this.credit(amount, meta, expiresAt);
    return this.record('EARN', amount, meta, { reference, reason });
  }

  /** CS gives points, with the reason the buyer sees. */
  grant(amount: number, reason: string, meta: EntryMeta, expiresAt: string | null): PointsEntry {
    requirePositive(amount, 'grant');
    this.credit(amount, meta, expiresAt);
    return this.record('ADMIN_GRANT', amount, meta, { reason });
  }

  /** CS takes points away; never more than is available (held points belong to orders). */
  deduct(amount: number, reason: string, meta: EntryMeta): PointsEntry {
    requirePositive(amount, 'deduct');
    this.requireAvailable(amount);
    this.debit(amount);
    return this.record('ADMIN_DEDUCT', amount, meta, { reason });
  }

  /** Earned points taken back for a refunded purchase (amount from clawbackFor, ≤ available). */
  clawBack(orderId: string, amount: number, reference: string, reason: string, meta: EntryMeta): PointsEntry {
    requirePositive(amount, 'claw back');
    this.requireAvailable(amount);
    this.debit(amount);
    return this.record('CLAWBACK', amount, meta, { orderId, reference, reason });
  }

  /** What is left of every lot expired by `asOf` leaves the balance, one EXPIRE entry per lot. */
  expire(asOf: string, nextMeta: () => EntryMeta): PointsEntry[] {
    const entries: PointsEntry[] = [];
    for (const lot of this.lots) {
      if (lot.remaining === 0 || lot.expiresAt === null || lot.expiresAt > asOf) continue;
      const amount = lot.remaining;
      lot.remaining = 0;
      this.changedLots.set(lot.lotId, lot);
      this.availableAmount -= amount;
      entries.push(this.record('EXPIRE', amount, nextMeta(), { reference: lot.lotId }));
    }
    return entries;
  }

  /** Lots with points left (in no particular order; points-lots.ts byExpiry sorts them). */
  get openLots(): PointsLot[] {
    return this.lots.filter((lot) => lot.remaining > 0).map((lot) => ({ ...lot }));
  }

  /**
   * Reserve points for an order. Repeating the same hold is a no-op (returns undefined). A released
   * hold may be taken again: a later payment attempt of the same order (an operator's retry).
   */
  hold(orderId: string, amount: number, meta: EntryMeta): PointsEntry | undefined {
    requirePositive(amount, 'hold');
    const existing = this.holds.get(orderId);
    if (existing && existing.status !== 'RELEASED') {
      if (existing.amount === amount) return undefined;
      throw new PaymentError(
        PaymentErrorCode.POINTS_HOLD_CONFLICT,
        `order ${orderId} already has a ${existing.status.toLowerCase()} hold of ${existing.amount} points`,
        { orderId, existing: existing.amount, requested: amount },
      );
    }
    this.requireAvailable(amount);
    const expiresAt = this.debit(amount);
    this.holds.set(orderId, { orderId, amount, status: 'HELD', refunds: [], expiresAt });
    return this.record('HOLD', amount, meta, { orderId });
  }

  /** The order is paid: the held points are spent. Repeating it is a no-op. */
  capture(orderId: string, meta: EntryMeta): PointsEntry | undefined {
    const hold = this.holds.get(orderId);
    if (!hold)
      throw new PaymentError(PaymentErrorCode.POINTS_HOLD_NOT_FOUND, `order ${orderId} holds no points`, {
        orderId,
      });
    if (hold.status === 'CAPTURED') return undefined;
    if (hold.status === 'RELEASED')
      throw new PaymentError(
        PaymentErrorCode.POINTS_HOLD_NOT_ACTIVE,
        `the points of order ${orderId} were already released`,
        { orderId },
      );
    hold.status = 'CAPTURED';
    return this.record('CAPTURE', hold.amount, meta, { orderId });
  }

  /** The order failed or was cancelled before payment: the held points come back. No hold → no-op. */
  release(orderId: string, meta: EntryMeta): PointsEntry | undefined {
    const hold = this.holds.get(orderId);
    if (!hold || hold.status === 'RELEASED') return undefined;
    if (hold.status === 'CAPTURED')
      throw new PaymentError(
        PaymentErrorCode.POINTS_HOLD_NOT_ACTIVE,
        `the points of order ${orderId} were captured; refund them instead`,
        { orderId },
      );
    hold.status = 'RELEASED';
    this.credit(hold.amount, meta, hold.expiresAt ?? null);
    return this.record('RELEASE', hold.amount, meta, { orderId });
  }

  /** Give captured points back (cancel/return after payment). Same refundId again → no-op. */
  refund(orderId: string, amount: number, refundId: string, meta: EntryMeta): PointsEntry | undefined {
    requirePositive(amount, 'refund');
    const hold = this.holds.get(orderId);
    if (!hold || hold.status !== 'CAPTURED') {
      throw new PaymentError(
        PaymentErrorCode.POINTS_HOLD_NOT_ACTIVE,
        `order ${orderId} has no captured points to refund`,
        { orderId },
      );
    }
    const previous = hold.refunds.find((r) => r.refundId === refundId);
    if (previous) {
      if (previous.amount === amount) return undefined;
      throw new PaymentError(
        PaymentErrorCode.POINTS_HOLD_CONFLICT,
        `refund ${refundId} was already applied with ${previous.amount} points`,
        { refundId },
      );
    }
    const refunded = hold.refunds.reduce((sum, r) => sum + r.amount, 0);
    if (refunded + amount > hold.amount) {
      throw new PaymentError(
        PaymentErrorCode.POINTS_REFUND_EXCEEDS_CAPTURE,
        `only ${hold.amount - refunded} of the ${hold.amount} captured points remain refundable`,
        {
          orderId,
          refundable: hold.amount - refunded,
          requested: amount,
        },
      );
    }
    hold.refunds.push({ refundId, amount });
    this.credit(amount, meta, hold.expiresAt ?? null);
    return this.record('REFUND', amount, meta, { orderId, reference: refundId });
  }

  /** Points of an order that can still be refunded. */
  refundable(orderId: string): number {
    const hold = this.holds.get(orderId);
    if (!hold || hold.status !== 'CAPTURED') return 0;
    return hold.amount - hold.refunds.reduce((sum, r) => sum + r.amount, 0);
  }

  /** Lots created or changed since this object was opened or restored (to store). */
  pullLotChanges(): PointsLot[] {
    const changed = [...this.changedLots.values()].map((lot) => ({ ...lot }));
    this.changedLots.clear();
    return changed;
  }

  /** Entries recorded since this object was opened or restored (to append to the ledger). */
  pullEntries(): PointsEntry[] {
    return this.recorded.splice(0, this.recorded.length);
  }

  snapshot(): PointsAccountSnapshot {
    return {
      userId: this.userId,
      available: this.availableAmount,
      holds: [...this.holds.values()].map((hold) => ({ ...hold, refunds: [...hold.refunds] })),
      lots: this.lots.map((lot) => ({ ...lot })),
      version: this.version,
    };
  }

  private credit(amount: number, meta: EntryMeta, expiresAt: string | null): void {
    const lot: PointsLot = { lotId: meta.entryId, amount, remaining: amount, expiresAt, createdAt: meta.at };
    this.lots.push(lot);
    this.changedLots.set(lot.lotId, lot);
    this.availableAmount += amount;
  }

  /** Takes points from the oldest lots; returns the latest expiry taken (undefined: none from lots). */
  private debit(amount: number): string | null | undefined {
    const { changed, latestExpiry } = consumeLots(this.lots, amount);
    for (const lot of changed) this.changedLots.set(lot.lotId, lot);
    this.availableAmount -= amount;
    return latestExpiry;
  }

  private requireAvailable(amount: number): void {
    if (amount > this.availableAmount)
      throw new PaymentError(
        PaymentErrorCode.POINTS_INSUFFICIENT,
        `only ${this.availableAmount} points are available, ${amount} requested`,
        { available: this.availableAmount, requested: amount },
      );
  }

  private record(
    type: PointsEntryType,
    amount: number,
    meta: EntryMeta,
    extra: { orderId?: string; reference?: string; reason?: string },
  ): PointsEntry {
    const entry: PointsEntry = {
      entryId: meta.entryId,
      userId: this.userId,
      type,
      amount,
      ...definedOnly(extra),
      at: meta.at,
      availableAfter: this.availableAmount,
      heldAfter: this.held,
    };
    this.recorded.push(entry);
    return entry;
  }
}

function requirePositive(amount: number, what: string): void {
  if (!isPositiveWon(amount)) {
    throw new PaymentError(
      PaymentErrorCode.POINTS_INVALID_AMOUNT,
      `points to ${what} must be a whole number of won greater than zero, got ${amount}`,
      { amount },
    );
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
