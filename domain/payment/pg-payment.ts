import type { BankTransferKind, CardScope, PaymentMethod, PgProvider } from './payment-method';

/**
 * A payment as the PG reports it, normalised across PGs. `raw` is the PG's own response body, kept verbatim
 * so it can be stored (docs/payments.md#methods-and-providers: store PG transaction ids and raw responses;
 * PGs add fields without notice). Times are ISO-8601 strings so the object travels through Temporal as is.
 */
export type PgPaymentStatus =
  /** Authenticated in the PG window, not approved yet (Toss READY/IN_PROGRESS). */
  | 'PENDING'
  /** Virtual account issued, waiting for the buyer's deposit. */
  | 'AWAITING_DEPOSIT'
  | 'APPROVED'
  | 'PARTIALLY_CANCELED'
  | 'CANCELED'
  /** Approval failed (Toss ABORTED); `failure` says why. */
  | 'FAILED'
  | 'EXPIRED';

export interface PgCancel {
  /** PG id of this cancel transaction (Toss transactionKey, NicePay cancelledTid, KakaoPay aid…). */
  transactionId: string;
  amount: number;
  canceledAt: string;
  reason: string;
}

export interface PgPayment {
  provider: PgProvider;
  /** The PG's id of the payment: Toss paymentKey, NicePay/Inicis/KakaoPay tid, NaverPay paymentId. */
  pgTransactionId: string;
  orderId: string;
  status: PgPaymentStatus;
  /** OTHER: an easy-pay or method Jangteo does not sell with (kept for records, never chosen). */
  method: PaymentMethod | 'OTHER';
  /** The PG's own label for the method (Toss `카드`, NicePay `card`, KakaoPay `CARD`/`MONEY`…). */
  pgMethodLabel?: string;
  cardScope?: CardScope;
  bankTransferKind?: BankTransferKind;
  /** Amount approved (or requested, before approval). */
  totalAmount: number;
  /** What can still be cancelled. */
  balanceAmount: number;
  currency: string;
  approvedAt?: string;
  /** Latest PG transaction (approval or last cancel). */
  lastTransactionId?: string;
  cancels: PgCancel[];
  /** Masked card number and approval number, for receipts; never a full card number. */
  card?: { maskedNumber?: string; issuerCode?: string; approveNo?: string; installmentMonths?: number };
  /** Per-payment secret some PGs use to authenticate later callbacks (Toss DEPOSIT_CALLBACK). */
  callbackSecret?: string;
  failure?: { code: string; message: string };
  receiptUrl?: string;
  raw: unknown;
}
