import type { PgPayment } from './pg-payment';

/**
 * What a PaymentGateway call can end in. Every PG's vendor codes are mapped into these kinds by its
 * adapter, so the PaymentAttempt workflow never reads vendor codes:
 * - approved / canceled / found: the PG did it (or has it);
 * - declined: final, retrying cannot help (card refused, validation, configuration);
 * - retryable: the PG definitely did not do it, a later identical call may succeed;
 * - ambiguous: the outcome is unknown (timeout, lost response, 5xx, "already processed"): look the
 *   payment up (or net-cancel where the PG mandates it) before deciding anything.
 */
export interface GatewayFailureInfo {
  /** Vendor code as returned (`REJECT_CARD_PAYMENT`, `3021`, `-780`…) or a transport code (`TIMEOUT`, `NETWORK_ERROR`, `HTTP_502`). */
  code: string;
  message: string;
  /** HTTP status of the PG response, when there was one. */
  httpStatus?: number;
  /** Configuration problems (keys, MID): an operator must act. */
  alert?: boolean;
  raw?: unknown;
}

export type Declined = { kind: 'declined' } & GatewayFailureInfo;
export type Retryable = { kind: 'retryable'; retryAfterMs?: number } & GatewayFailureInfo;
export type Ambiguous = { kind: 'ambiguous' } & GatewayFailureInfo;

export type ConfirmResult =
  | {
      kind: 'approved';
      payment: PgPayment;
      /** True when the PG told us it was already approved and the adapter read it back. */
      alreadyApproved?: boolean;
    }
  | Declined
  | Retryable
  | Ambiguous;

export type LookupResult =
  | { kind: 'found'; payment: PgPayment }
  /** The PG has no payment for this order: nothing was approved. */
  | { kind: 'not_found'; code: string; message: string }
  | Retryable
  | Declined;

export type CancelResult =
  | {
      kind: 'canceled';
      payment: PgPayment;
      /** Amount this request cancelled (0 when it had already been cancelled earlier). */
      canceledAmount: number;
      cancelTransactionId?: string;
      alreadyCanceled?: boolean;
    }
  /** Net-cancel found nothing to undo (never approved). */
  | { kind: 'nothing_to_cancel'; code: string; message: string }
  | Declined
  | Retryable
  | Ambiguous;

export type CheckoutResult =
  | {
      kind: 'ready';
      /**
       * A page a browser can open to pay: the PG's own page for redirect PGs (KakaoPay, NaverPay
       * reserve), the simulator's window in sandbox mode; absent when the client must use the PG's
       * JS SDK with `clientParams`.
       */
      checkoutUrl?: string;
      /** What the client's PG SDK call needs (Toss requestPayment, NicePay AUTHNICE.requestPay, Inicis form fields…). */
      clientParams: Record<string, string | number | boolean>;
      /** A PG handle the server must keep for confirm/lookup (KakaoPay tid, NaverPay reserveId). */
      pgReference?: string;
      expiresAt?: string;
    }
  | Declined
  | Retryable
  | Ambiguous;

/** What the HTTP handler must answer to the PG's webhook call (NicePay wants text/html `OK`). */
export interface WebhookAck {
  status: number;
  contentType: string;
  body: string;
}

export type PgWebhookEventType = 'PAYMENT_STATUS_CHANGED' | 'DEPOSIT';

export interface PgWebhookEvent {
  /**
   * Deduplication key: identical for every delivery of the same state (duplicates, PG retries, and
   * late out-of-order deliveries that the adapter resolved to the PG's current state).
   */
  eventId: string;
  type: PgWebhookEventType;
  orderId: string;
  pgTransactionId: string;
  /** The PG's current, verified view (re-fetched or signature-checked): act on this, not on the body. */
  payment: PgPayment;
  /** The body does not describe the PG's current state (late, out-of-order or forged body): the current state is in `payment`. */
  stale: boolean;
  /** When the PG says the event was created. */
  createdAt?: string;
}

export type WebhookResult =
  | { kind: 'accepted'; event: PgWebhookEvent; ack: WebhookAck }
  /** Not genuine (bad signature/secret, unknown payment, ids that do not match): do not act. */
  | { kind: 'rejected'; reason: string; ack: WebhookAck }
  /** Genuine or harmless but of no interest (event types Jangteo does not use). */
  | { kind: 'ignored'; reason: string; ack: WebhookAck }
  /** Could not verify now (PG look-up failed): answer non-2xx so the PG delivers it again. */
  | { kind: 'retry_later'; reason: string; ack: WebhookAck };
