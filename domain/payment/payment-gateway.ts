import type {
  CancelResult,
  CheckoutResult,
  ConfirmResult,
  LookupResult,
  WebhookResult,
} from './gateway-results';
import type { CardScope, PaymentMethod, PgProvider } from './payment-method';

/** The adapters of the PGs this process has open, by provider (the API verifies returns and webhooks with them). */
export interface PaymentGatewayDirectory {
  /** The adapter of a configured PG; a DomainError PAYMENT_PROVIDER_UNAVAILABLE for any other. */
  gateway(provider: PgProvider): PaymentGateway;
}

/**
 * The port every PG adapter implements (Toss now; NicePay, KG Inicis, KakaoPay, NaverPay later).
 * The Korean flow is the same everywhere: the server prepares the checkout, the buyer authenticates
 * in the PG's window, the browser comes back with a PG token, the server confirms/approves with the
 * amount it computed itself, and looks the payment up whenever an answer is lost.
 *
 * Calls never throw for PG outcomes: they resolve to the discriminated unions of gateway-results.ts.
 * They may throw only for programming errors (invalid arguments).
 */
export interface PaymentGateway {
  readonly provider: PgProvider;
  readonly capabilities: GatewayCapabilities;

  /** What the client needs to open the PG window (URL and/or SDK parameters). KakaoPay/NaverPay reserve server-side here. */
  prepareCheckout(request: CheckoutRequest): Promise<CheckoutResult>;

  /**
   * Confirm/approve an authenticated payment for `request.amount` — the amount Jangteo computed from
   * the order, never the client's. Adapters refuse (declined, PAYMENT_AMOUNT_MISMATCH, no PG call)
   * when the browser-reported amount differs, and report an approval for a different amount as
   * approved so the caller can see the mismatch and void it (see decideAfterConfirm).
   */
  confirm(request: ConfirmRequest): Promise<ConfirmResult>;

  /** The PG's current view of an order's payment; used to resolve every ambiguous outcome. */
  lookup(request: LookupRequest): Promise<LookupResult>;

  /** Full cancel (no `cancelAmount`) or partial cancel of an approved payment. */
  cancel(request: CancelRequest): Promise<CancelResult>;

  /**
   * Undo an approval whose outcome Jangteo could not use or could not learn (망취소). PGs that
   * mandate it (NicePay within 1 h, Inicis netCancelUrl) have a dedicated call; for the others the
   * adapter looks the order up and cancels whatever was approved. `nothing_to_cancel` when nothing was.
   */
  netCancel(request: NetCancelRequest): Promise<CancelResult>;

  /** Verify and parse a webhook call. Forged or unverifiable calls are never `accepted`. */
  parseWebhook(request: WebhookRequest, context?: WebhookContext): Promise<WebhookResult>;

  /**
   * Read the browser's return from the PG window (the query string of a GET, or the form fields
   * of a POST, merged) into what `confirm` needs. Checks what the PG lets a shop check without a
   * call (order id, return signatures); approves nothing.
   */
  parseReturn(request: PgReturnRequest): PgReturnResult;
}

/** Which of the URLs given to prepareCheckout the browser came back to. */
export type PgReturnOutcome = 'success' | 'fail' | 'cancel';

export interface PgReturnRequest {
  /** The order the return URL was built for (from the URL's path, never from the PG's parameters). */
  orderId: string;
  outcome: PgReturnOutcome;
  /** Query and form parameters exactly as received (strings). */
  params: Record<string, string>;
  /** What prepareCheckout returned as `pgReference` (KakaoPay tid, NaverPay reserveId), if any. */
  pgReference?: string;
}

export type PgReturnResult =
  | { kind: 'authenticated'; pgReturn: PgReturn }
  /** The PG window ended without authentication; `buyerCanceled` when the buyer gave up (취소). */
  | { kind: 'failed'; code: string; message: string; buyerCanceled: boolean }
  /** Parameters that do not belong to this order or fail the PG's return signature: ignore them. */
  | { kind: 'rejected'; reason: string };

export interface GatewayCapabilities {
  /** How the buyer's window is opened: a hosted page to redirect to, a JS SDK, or a form POST. */
  checkoutStyle: 'REDIRECT' | 'JS_SDK' | 'FORM_POST';
  partialCancel: boolean;
  /** How to settle an ambiguous confirm: look the order up, or net-cancel (when no look-up can find it). */
  ambiguityResolution: 'LOOKUP' | 'NET_CANCEL';
  webhooks: boolean;
  /** Smallest amount the PG approves per method (e.g. Toss: card 100원, transfer 200원). */
  minimumAmount: Partial<Record<PaymentMethod, number>>;
}

export interface CheckoutRequest {
  orderId: string;
  /** Shown in the PG window (e.g. `무선 키보드 외 2건`). */
  orderName: string;
  /** What the PG must charge: the order total minus points, computed by the server. */
  amount: number;
  method: Exclude<PaymentMethod, 'POINTS'>;
  cardScope?: CardScope;
  /** Where the PG sends the browser back after authentication / after a failure. */
  successUrl: string;
  failUrl: string;
  /** Buyer-gave-up page for PGs that distinguish it (KakaoPay cancel_url); defaults to failUrl. */
  cancelUrl?: string;
  /** Opaque buyer key (no personal data): Toss customerKey, KakaoPay partner_user_id. */
  customerKey: string;
  taxFreeAmount?: number;
}

/** What the PG window returned to the browser, handed to the server by the client. */
export interface PgReturn {
  /** Toss paymentKey, NicePay tid, Inicis authToken, KakaoPay pg_token, NaverPay paymentId. */
  token: string;
  /** The amount in the return URL: compared with the order, never used to charge. */
  amount?: number;
  /** Other vendor values from the return (Inicis authUrl/netCancelUrl/idc_name, NicePay authToken/signature…). */
  params?: Record<string, string>;
}

export interface ConfirmRequest {
  orderId: string;
  /** The PG part of the order, from Jangteo's own records. */
  amount: number;
  pgReturn: PgReturn;
  /** From prepareCheckout (KakaoPay tid…). */
  pgReference?: string;
  customerKey?: string;
  /** One key per business operation, stable across retries of the same call: see idempotency-keys.ts. */
  idempotencyKey: string;
}

export interface LookupRequest {
  orderId: string;
  /** Known PG id, if any (a look-up by id is preferred when the PG supports both). */
  pgTransactionId?: string;
  pgReference?: string;
  /** Day the payment was requested (NicePay look-up by orderId needs it), ISO date. */
  orderDate?: string;
}

export interface CancelRequest {
  orderId: string;
  pgTransactionId: string;
  /** Omit for a full cancel. Whole won, > 0, ≤ the PG's balance. */
  cancelAmount?: number;
  /** Shown to the buyer by some PGs; Toss requires it (≤ 200 chars). */
  reason: string;
  /** One key per cancel operation: `cancel:<orderId>:<n>`. */
  idempotencyKey: string;
  /** PG balance before this cancel, for PGs that check it (Inicis confirmPrice, NaverPay expectedRestAmount). */
  balanceAmount?: number;
  method?: PaymentMethod;
  taxFreeAmount?: number;
}

export interface NetCancelRequest {
  orderId: string;
  pgReturn?: PgReturn;
  pgTransactionId?: string;
  reason: string;
  idempotencyKey: string;
}

export interface WebhookRequest {
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>;
  /** The body exactly as received (signatures cover raw bytes). */
  rawBody: string;
}

export interface WebhookContext {
  /** A callback secret Jangteo stored for the order (Toss virtual-account `secret`), if any. */
  storedCallbackSecret?: (orderId: string) => Promise<string | undefined>;
}
