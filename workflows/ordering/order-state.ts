import { PgWake } from '../payment/payment-attempt';
import { hasChange } from './order-generation';
import {
  ApplicationFailure,
  type CancellationScope,
  type ChildWorkflowHandle,
  condition,
} from '@temporalio/workflow';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { OrderNotices } from '../../domain/notification/order-notices';
import {
  deriveOrderStatus,
  PART_TRANSITIONS,
  type OrderCommand,
  type PartStatus,
} from '../../domain/ordering/order-status';
import type { ReturnReasonCode } from '../../domain/ordering/refund-rules';
import type { RefundBalances } from '../../domain/ordering/refund-split';
import type { PaymentAttemptResult } from '../payment/payment.messages';
import { sendNotice, sendOrderNotices } from '../shared/notices';
import { UndoStack } from '../shared/undo-stack';
import type { ShipmentInput, ShipmentResult } from '../shipping/shipment.messages';
import type {
  CancelRequest,
  CommandAnswer,
  ExchangeRequest,
  LifecyclePart,
  OrderLifecycleInput,
  OrderLifecycleState,
  PaymentOutcomeAnswer,
} from './order-lifecycle.messages';
import { steps } from './order-proxies';

export interface PartState {
  def: LifecyclePart;
  status: PartStatus;
  shipmentScope?: CancellationScope;
  /** The shipment row opened at payment (generation 3); its Shipment child starts with the invoice. */
  shipmentId?: string;
  shipment?: ChildWorkflowHandle<(input: ShipmentInput) => Promise<ShipmentResult>>;
  delivered?: ShipmentResult;
  deliveredAtMs?: number;
  confirmedAtMs?: number;
  payableAtMs?: number;
  payable: boolean;
  returnId?: string;
  /** The pending return's reason code and lines (absent: the whole part). */
  returnRequest?: { reasonCode?: ReturnReasonCode; lineIds?: string[] };
  /** When the pending return was asked for: the confirmation clock stood still from then (order-commands.ts). */
  returnRequestedAtMs?: number;
  /** Lines given back by partial returns already approved: not settled, not returned again. */
  returnedLineIds: string[];
  /** When the 7-day confirmation clock started, moved on by the days a return or exchange was pending. */
  confirmClockFromMs?: number;
  /** The exchange under way (order-exchanges.ts), until its replacement is delivered or it is rejected. */
  exchange?: PendingExchange;
}

export interface PendingExchange {
  request: ExchangeRequest;
  /** When the confirmation clock stopped for it. */
  pausedAtMs: number;
  /** The replacement's Shipment is a parcel of the order and tells the buyer itself (EXCHANGE_RESHIPPED). */
  shipmentNotifies?: boolean;
  shipment?: ChildWorkflowHandle<(input: ShipmentInput) => Promise<ShipmentResult>>;
}

export type PaidAttempt = Extract<PaymentAttemptResult, { status: 'PAID' }>;
export interface Failure {
  code: string;
  message: string;
}

/** What an undo acts on: the parts given up, and the money that goes back for them. */
export interface UndoScope {
  parts: PartState[];
  refundId: string;
  amount: number;
  reason: string;
  restockIdOf: (part: PartState) => string;
  /** A partial return: only these lines go back on sale, and the shipment goes on. */
  partialLineIds?: readonly string[];
}

const TERMINAL: readonly PartStatus[] = ['PURCHASE_CONFIRMED', 'CANCELLED', 'PAYMENT_FAILED', 'RETURNED'];
export const isTerminal = (status: PartStatus) => TERMINAL.includes(status);
export const nowIso = () => new Date(Date.now()).toISOString();

export const refused = (message: string, code = 'ORDER_TRANSITION_NOT_ALLOWED') =>
  ApplicationFailure.create({ message, type: code, nonRetryable: true });

/**
 * Everything OrderLifecycle knows, in one place: the phase, the payment's progress, each part's
 * journey, the money that can still go back, and the undo stack of what was done so far.
 */
export class OrderState {
  readonly orderId: string;
  readonly dueAtMs: number;
  readonly parts: Map<string, PartState>;
  phase: 'AWAITING_PAYMENT' | 'PAID' | 'ENDED' = 'AWAITING_PAYMENT';
  /** The payment phase's outcome is written (paid and committed, or released and closed). */
  paymentSettled = false;
  /** The stock is sold (committed); before that it is only reserved. */
  committed = false;
  attempts = 0;
  /** A payment attempt is running. */
  inFlight = false;
  /**
   * Attempts settled inside this workflow (generation 3), not as PaymentAttempt children, by number:
   * a cancelled order waits for their own undo before it ends.
   */
  readonly inlineRuns = new Map<number, Promise<unknown>>();
  /** PG webhook news for an attempt settled inside this workflow. */
  readonly pgWake = new PgWake();
  paid?: PaidAttempt;
  paymentFailure?: Failure;
  lastDecline?: Failure;
  /** Each ended attempt's answer, for the payment-confirm call that waits on it. */
  readonly outcomes = new Map<number, PaymentOutcomeAnswer>();
  cancelBeforePayment?: CancelRequest;
  balances: RefundBalances = { pg: 0, points: 0 };
  readonly refunds: Array<{ refundId: string; amount: number }> = [];
  readonly undos = new UndoStack<UndoScope>();
  /** Seller alerts started off the order's path (order-seller-alerts.ts), awaited before the workflow ends. */
  readonly alerts: Promise<void>[] = [];
  /** The 결제 대기 notice, once sent (at the start before generation 5, later only to a buyer yet to pay). */
  placedNotice: Promise<void> = Promise.resolve();
  /** Generation 5: when the 결제 대기 notice is owed if the order is still unpaid; undefined once sent or not owed. */
  remindAtMs?: number;
  private busy = false;

  constructor(readonly input: OrderLifecycleInput) {
    this.orderId = input.orderId;
    this.dueAtMs = Date.now() + input.paymentWindowMs;
    this.parts = new Map(
      input.parts.map((def) => [
        def.sellerId,
        { def, status: 'PENDING_PAYMENT', payable: false, returnedLineIds: [] },
      ]),
    );
  }

  get allParts(): PartState[] {
    return [...this.parts.values()];
  }

  /** One command at a time: each re-checks the state it found after the previous one finished. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    await condition(() => !this.busy);
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
    }
  }

  partOf(sellerId: string): PartState {
    const part = this.parts.get(sellerId);
    if (!part)
      throw refused(`seller ${sellerId} has no part in order ${this.input.orderNumber}`, 'ORDER_NOT_FOUND');
    return part;
  }

  requireAllowed(part: PartState, command: OrderCommand): void {
    if (!PART_TRANSITIONS[part.status][command])
      throw refused(`${command} is not allowed for the part of seller ${part.def.sellerId} (${part.status})`);
  }

  orderStatus(): string {
    return deriveOrderStatus(this.allParts.map((p) => p.status));
  }

  answer(): CommandAnswer {
    return {
      status: this.orderStatus(),
      parts: this.allParts.map((p) => ({ sellerId: p.def.sellerId, status: p.status })),
    };
  }

  /** Writes the step through the state machine, mirrors the statuses it answered; returns the step's time. */
  async record(
    command: OrderCommand,
    key: string,
    extra: { sellerId?: string; actorId?: string | null; reason?: string | null } = {},
  ): Promise<number> {
    const at = Date.now();
    const result = await steps.recordOrderStep({
      orderId: this.orderId,
      command,
      transitionKey: key,
      at: new Date(at).toISOString(),
      ...extra,
    });
    for (const { sellerId, status } of result.parts) {
      const part = this.parts.get(sellerId);
      if (part) part.status = status;
    }
    return at;
  }

  /** A message once started is sent even if the order is being cancelled meanwhile. */
  notify(request: NotificationRequest): Promise<void> {
    return sendNotice(request, { shielded: true });
  }

  /** Messages owed at the same moment, in one activity (and one workflow task for its completion). */
  notifyTogether(batch: OrderNotices): Promise<void> {
    return sendOrderNotices(batch, { shielded: true });
  }

  private paymentView(): OrderLifecycleState['payment'] {
    const { attempts, inFlight, lastDecline, paymentFailure: failure } = this;
    return { attempts, inFlight, dueAt: this.input.paymentDueAt, lastDecline, ...(failure && { failure }) };
  }

  /** Whether this run has a workflow change (order-generation.ts): by its generation, else patched(). */
  has(change: string): boolean {
    return hasChange(this.input.generation, change);
  }

  /** The live state the `orderState` query answers. */
  view(): OrderLifecycleState {
    const iso = (ms?: number) => (ms ? new Date(ms).toISOString() : undefined);
    return {
      orderId: this.orderId,
      status: this.orderStatus(),
      parts: this.allParts.map((p) => ({
        sellerId: p.def.sellerId,
        status: p.status,
        deliveredAt: iso(p.deliveredAtMs),
        purchaseConfirmedAt: iso(p.confirmedAtMs),
        payableAt: iso(p.payableAtMs),
        payable: p.payable,
        returnId: p.returnId,
        exchangeId: p.exchange?.request.exchangeId,
      })),
      payment: this.paymentView(),
      refunds: [...this.refunds],
    };
  }

  /** The workflow's result. */
  result(): OrderLifecycleState {
    return {
      orderId: this.orderId,
      status: this.orderStatus(),
      parts: this.allParts.map((p) => ({ sellerId: p.def.sellerId, status: p.status, payable: p.payable })),
      payment: this.paymentView(),
      refunds: [...this.refunds],
    };
  }
}
