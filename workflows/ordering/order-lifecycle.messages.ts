import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ExchangeFeePayer, ExchangeItem } from '../../domain/ordering/exchange';
import type { PartStatus } from '../../domain/ordering/order-status';
import type { DeductionAdjustment, ReturnReasonCode } from '../../domain/ordering/refund-rules';
import type { ShippingPolicy } from '../../domain/ordering/shipping-policy';
import type { PaymentMethod, PgProvider, PgReturn } from '../../domain/payment';
import type { PaymentAttemptResult } from '../payment/payment.messages';
import type { CourierName } from '../shipping/shipment.messages';

/**
 * OrderLifecycle's contract with the API (which starts it, sends commands and reads its state) and
 * its own workflow code. Ids, amounts and codes only: the history is readable in the Temporal UI.
 */
export { ORDERING_TASK_QUEUE } from '../shared/task-queues';
export const ORDER_SWEEP_SCHEDULE_ID = 'order-placement-sweep';

export interface OrderLifecycleInput {
  orderId: string;
  orderNumber: string;
  userId: string;
  totalAmount: number;
  pointsAmount: number;
  payableAmount: number;
  method: PaymentMethod;
  provider: PgProvider | null;
  /** ISO-8601: placement + 30 minutes, as shown to the buyer. */
  paymentDueAt: string;
  /**
   * How long from the workflow's start the buyer may still pay: what was left of the 30 minutes when
   * it was started (the workflow's clock, not the caller's, measures it).
   */
  paymentWindowMs: number;
  /** `무선 키보드 외 2건`, for the buyer's messages. */
  orderName: string;
  parts: LifecyclePart[];
  /** Which changes the run has from its start (order-generation.ts); absent: started before generations. */
  generation?: number;
}

export interface LifecyclePart {
  sellerId: string;
  /** Goods amount of the part. */
  subtotal: number;
  /** Shipping charged for the part (absent: started before shipping fees, none was charged). */
  shippingFee?: number;
  /** The seller's policy when ordered, for the refund rules (absent or null: nothing kept automatically). */
  shippingPolicy?: ShippingPolicy | null;
  itemSummary: string;
  lines: Array<{
    orderLineId: string;
    variantId: string;
    productName: string;
    quantity: number;
    amount: number;
    /** For the shipping fee of what is kept after a partial return (absent: the line id stands in). */
    productId?: string;
    shippingFee?: number | null;
    bundleShipping?: boolean;
  }>;
}

/** The buyer handed the PG's result to the shop (confirm call or the PG return URL). */
export interface SubmitPaymentRequest {
  pgReturn?: PgReturn;
  pgReference?: string;
  /**
   * Wait up to this long (workflow time) for the attempt's outcome and answer it too, so the confirm
   * call needs no second update. Absent (an API before it): answer as soon as the attempt started.
   */
  waitMs?: number;
}
export interface SubmitPaymentAnswer {
  attempt: number;
  workflowId: string;
  /** With `waitMs`: the attempt's outcome, PROCESSING if it had not ended in time. */
  outcome?: PaymentOutcomeAnswer;
}
export const submitPaymentUpdate = defineUpdate<SubmitPaymentAnswer, [SubmitPaymentRequest]>('submitPayment');

/**
 * The answer of one attempt, for the payment-confirm call: the attempt's result, FAILED when it was
 * dead-lettered (the order closes), PROCESSING when the PG had not answered within `waitMs`.
 */
export type PaymentOutcomeAnswer =
  | PaymentAttemptResult
  | { status: 'FAILED'; orderId: string; attempt: number; code: string; message: string }
  | { status: 'PROCESSING'; orderId: string; attempt: number };
export interface PaymentOutcomeRequest {
  attempt: number;
  waitMs: number;
}
export const paymentOutcomeUpdate = defineUpdate<PaymentOutcomeAnswer, [PaymentOutcomeRequest]>(
  'paymentOutcome',
);

/** Commands from people; each is checked against the state machine before it is accepted. */
export interface CancelRequest {
  actorId: string;
  reason: string;
  /** Absent: the whole order. */
  sellerId?: string;
}
export interface PartCommand {
  actorId: string;
  sellerId: string;
}
export interface ShipRequest extends PartCommand {
  courier: CourierName;
  invoiceNumber: string;
}
export interface ReturnRequest {
  actorId: string;
  sellerId: string;
  returnId: string;
  reason: string;
  /** Absent (requests before reason codes): CHANGE_OF_MIND. */
  reasonCode?: ReturnReasonCode;
  /** Lines returned (a partial return); absent: every line the part still holds. */
  lineIds?: string[];
}
export interface ReturnDecision extends PartCommand {
  returnId: string;
  approve: boolean;
  /** Replaces the computed deduction (the route before refund rules), whole won ≤ the refund. */
  deductionAmount?: number;
  /** Added to the computed deduction (negative: waived), with the reason shown to the buyer. */
  deductionAdjustment?: DeductionAdjustment;
  reason?: string;
}
/** An exchange for another option of the same product (docs/ordering.md#exchanges), checked by the API against the catalogue. */
export interface ExchangeRequest extends PartCommand {
  exchangeId: string;
  reasonCode: ReturnReasonCode;
  reason: string;
  items: ExchangeItem[];
  /** The round trip's shipping (왕복) and who bears it. */
  shippingFee: number;
  payer: ExchangeFeePayer;
  feeReason: string;
}
export interface ExchangeDecision extends PartCommand {
  exchangeId: string;
  approve: boolean;
  reason?: string;
}
export interface ExchangeShipRequest extends PartCommand {
  exchangeId: string;
  courier: CourierName;
  invoiceNumber: string;
}
export interface CommandAnswer {
  status: string;
  parts: Array<{ sellerId: string; status: PartStatus }>;
}

export const cancelOrderUpdate = defineUpdate<CommandAnswer, [CancelRequest]>('cancelOrder');
export const startPreparingUpdate = defineUpdate<CommandAnswer, [PartCommand]>('startPreparing');
export const shipPartUpdate = defineUpdate<CommandAnswer, [ShipRequest]>('shipPart');
export const confirmPurchaseUpdate = defineUpdate<CommandAnswer, [PartCommand]>('confirmPurchase');
export const requestReturnUpdate = defineUpdate<CommandAnswer, [ReturnRequest]>('requestReturn');
export const decideReturnUpdate = defineUpdate<CommandAnswer, [ReturnDecision]>('decideReturn');
export type ExchangeAnswer = CommandAnswer & { exchangeId: string };
export const requestExchangeUpdate = defineUpdate<ExchangeAnswer, [ExchangeRequest]>('requestExchange');
export const decideExchangeUpdate = defineUpdate<ExchangeAnswer, [ExchangeDecision]>('decideExchange');
export const shipExchangeUpdate = defineUpdate<ExchangeAnswer, [ExchangeShipRequest]>('shipExchange');

/** Live state of the workflow (the database holds the same statuses once each step is recorded). */
export interface OrderLifecycleState {
  orderId: string;
  status: string;
  parts: Array<{
    sellerId: string;
    status: PartStatus;
    deliveredAt?: string;
    purchaseConfirmedAt?: string;
    payableAt?: string;
    payable: boolean;
    returnId?: string;
    exchangeId?: string;
  }>;
  payment: {
    attempts: number;
    inFlight: boolean;
    dueAt: string;
    lastDecline?: { code: string; message: string };
    /** The last attempt failed for good (dead-lettered): the order closed unpaid. */
    failure?: { code: string; message: string };
  };
  refunds: Array<{ refundId: string; amount: number }>;
}
export const orderStateQuery = defineQuery<OrderLifecycleState>('orderState');
