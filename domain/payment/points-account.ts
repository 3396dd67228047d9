import { PaymentError, PaymentErrorCode } from './payment-errors';
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
 */
export type PointsEntryType = 'EARN' | 'HOLD' | 'CAPTURE' | 'RELEASE' | 'REFUND';

export interface PointsEntry {
  entryId: string;
  userId: string;
  type: PointsEntryType;
  /** Magnitude of the movement (always > 0). */
  amount: number;
  orderId?: string;
  /** Why: an earn reason (`purchase:<orderId>`, `event:…`) or a refund id. */
  reference?: string;
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
}

export interface PointsAccountSnapshot {
  userId: string;
  available: number;
  holds: PointsHold[];
  /** Optimistic-locking version of the stored row. */
  version: number;
}

interface EntryMeta {
  entryId: string;
  at: string;
}

export class PointsAccount {
  private readonly recorded: PointsEntry[] = [];

  private constructor(
    readonly userId: string,
    private availableAmount: number,
    private readonly holds: Map<string, PointsHold>,
    readonly version: number,
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
    return new PointsAccount(snapshot.userId, snapshot.available, holds, snapshot.version);
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

  earn(amount: number, reference: string, meta: EntryMeta): PointsEntry {
    requirePositive(amount, 'earn');
    this.availableAmount += amount;
    return this.record('EARN', amount, meta, { reference });
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
    if (amount > this.availableAmount) {
      throw new PaymentError(
        PaymentErrorCode.POINTS_INSUFFICIENT,
        `only ${this.availableAmount} points are available, ${amount} requested`,
        { available: this.availableAmount, requested: amount },
      );
    }
    this.availableAmount -= amount;
    this.holds.set(orderId, { orderId, amount, status: 'HELD', refunds: [] });
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
    this.availableAmount += hold.amount;
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
    this.availableAmount += amount;
    return this.record('REFUND', amount, meta, { orderId, reference: refundId });
  }

  /** Points of an order that can still be refunded. */
  refundable(orderId: string): number {
    const hold = this.holds.get(orderId);
    if (!hold || hold.status !== 'CAPTURED') return 0;
    return hold.amount - hold.refunds.reduce((sum, r) => sum + r.amount, 0);
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
      version: this.version,
    };
  }

  private record(
    type: PointsEntryType,
    amount: number,
    meta: EntryMeta,
    extra: { orderId?: string; reference?: string },
  ): PointsEntry {
    const entry: PointsEntry = {
      entryId: meta.entryId,
      userId: this.userId,
      type,
      amount,
      ...extra,
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
