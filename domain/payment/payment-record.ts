import type { PaymentMethod, PgProvider } from './payment-method';
import type { PgPaymentStatus } from './pg-payment';

/**
 * One payment attempt as Jangteo records it (table `payments`, one row per attempt n of an order).
 * It keeps the PG's transaction id and raw answer, never card data (the PG holds that).
 *
 * The status only moves forward (see mayAdvance): the workflow and the PG's webhooks both write it
 * and may arrive in any order, so a late or repeated report can never undo a newer one.
 */
export type PaymentStatus =
  'PENDING' | 'AWAITING_DEPOSIT' | 'DECLINED' | 'FAILED' | 'APPROVED' | 'PARTIALLY_CANCELLED' | 'CANCELLED';

export interface PaymentRecord {
  id: string;
  orderId: string;
  /** n of `payment:<orderId>:<n>`, from 1. */
  attempt: number;
  userId: string;
  /** Absent for orders paid with points only. */
  provider?: PgProvider;
  method: PaymentMethod;
  totalAmount: number;
  pointsAmount: number;
  /** totalAmount − pointsAmount: what the PG charges. */
  pgAmount: number;
  status: PaymentStatus;
  pgTransactionId?: string;
  /** The PG's status as last seen (normalised). */
  pgStatus?: PgPaymentStatus;
  failureCode?: string;
  failureMessage?: string;
  /** The PG's last raw answer (JSON), stored as received. */
  rawResponse?: unknown;
  /** Toss virtual-account `secret` that authenticates its deposit callbacks. */
  callbackSecret?: string;
  approvedAt?: Date;
  cancelledAmount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Later statuses outrank earlier ones; a write with a lower rank than the stored status is ignored. */
const RANK: Record<PaymentStatus, number> = {
  PENDING: 0,
  AWAITING_DEPOSIT: 1,
  DECLINED: 2,
  FAILED: 2,
  APPROVED: 3,
  PARTIALLY_CANCELLED: 4,
  CANCELLED: 5,
};

/** Statuses a row may hold for `to` to be written over it (the same status again refreshes the PG data). */
export function statusesBefore(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(RANK) as PaymentStatus[]).filter((from) => RANK[from] < RANK[to] || from === to);
}

export function mayAdvance(from: PaymentStatus, to: PaymentStatus): boolean {
  return statusesBefore(to).includes(from);
}

/** What a PG's view of a payment means for the row; undefined when it says nothing final (pending, failed at the PG: the workflow decides). */
export function paymentStatusFromPg(status: PgPaymentStatus): PaymentStatus | undefined {
  switch (status) {
    case 'APPROVED':
      return 'APPROVED';
    case 'AWAITING_DEPOSIT':
      return 'AWAITING_DEPOSIT';
    case 'PARTIALLY_CANCELED':
      return 'PARTIALLY_CANCELLED';
    case 'CANCELED':
      return 'CANCELLED';
    default:
      return undefined;
  }
}

export interface PaymentAdvance {
  status: PaymentStatus;
  pgTransactionId?: string;
  pgStatus?: PgPaymentStatus;
  rawResponse?: unknown;
  callbackSecret?: string;
  approvedAt?: Date;
  cancelledAmount?: number;
  failureCode?: string;
  failureMessage?: string;
}

/** A verified PG webhook, stored once per provider event id. */
export interface PaymentEventRecord {
  id: string;
  provider: PgProvider;
  eventId: string;
  eventType: string;
  orderId: string;
  pgTransactionId: string;
  pgStatus: PgPaymentStatus;
  stale: boolean;
  receivedAt: Date;
}

export interface PaymentRepository {
  /** Inserts the attempt's row, or returns the one already stored for (orderId, attempt). */
  begin(record: PaymentRecord): Promise<PaymentRecord>;
  findAttempt(orderId: string, attempt: number): Promise<PaymentRecord | null>;
  findById(id: string): Promise<PaymentRecord | null>;
  /** The attempt of the order that holds this PG transaction, else the order's latest attempt. */
  findForPg(orderId: string, pgTransactionId: string): Promise<PaymentRecord | null>;
  /** Writes the change only if the stored status may advance to it; true when it was written. */
  advance(id: string, change: PaymentAdvance, now: Date): Promise<boolean>;
  callbackSecretOf(orderId: string): Promise<string | undefined>;
  /** False when this provider event was recorded before (a replay). */
  recordEvent(event: PaymentEventRecord): Promise<boolean>;
}
