import {
  ApplicationFailure,
  CancellationScope,
  type ChildWorkflowHandle,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  isCancellation,
  log,
  setHandler,
  sleep,
  startChild,
  TemporalFailure,
} from '@temporalio/workflow';
import {
  deriveOrderStatus,
  PART_TRANSITIONS,
  type OrderCommand,
  type PartStatus,
} from '../../domain/ordering/order-status';
import { splitRefund, type RefundBalances } from '../../domain/ordering/refund-split';
import { paymentWorkflowId, shipmentWorkflowId } from '../../domain/ordering/workflow-ids';
import type { NotificationRequest } from '../../domain/notification/notification';
import { paymentAttemptWorkflow } from '../payment/payment-attempt.workflow';
import { paymentCompletedNotice } from '../payment/payment-notices';
import {
  PAYMENT_TASK_QUEUE,
  type PaymentAttemptInput,
  type PaymentAttemptResult,
} from '../payment/payment.messages';
import {
  invoiceRegisteredSignal,
  SHIPPING_TASK_QUEUE,
  type ShipmentInput,
  type ShipmentResult,
} from '../shipping/shipment.messages';
import {
  cancelOrderUpdate,
  confirmPurchaseUpdate,
  decideReturnUpdate,
  orderStateQuery,
  requestReturnUpdate,
  shipPartUpdate,
  startPreparingUpdate,
  submitPaymentUpdate,
  type CancelRequest,
  type CommandAnswer,
  type LifecyclePart,
  type OrderLifecycleInput,
  type OrderLifecycleState,
  type SubmitPaymentAnswer,
  type SubmitPaymentRequest,
} from './order-lifecycle.messages';
import {
  orderAutoCancelledNotice,
  orderCancelledNotice,
  orderPlacedNotice,
  purchaseAutoConfirmedNotice,
  refundCompletedNotice,
} from './order-notices';
import { notifications, payments, settlement, steps } from './order-proxies';

/** After delivery the buyer has 7 days to confirm (or return); then the purchase confirms itself. */
export const AUTO_CONFIRM_AFTER_MS = 7 * 24 * 3600_000;
/** A confirmed purchase becomes payable to the seller 7 days later (DESIGN.md §3 Settlement). */
export const SETTLEMENT_HOLD_MS = 7 * 24 * 3600_000;

interface PartState {
  def: LifecyclePart;
  status: PartStatus;
  shipmentScope?: CancellationScope;
  shipment?: ChildWorkflowHandle<(input: ShipmentInput) => Promise<ShipmentResult>>;
  delivered?: ShipmentResult;
  deliveredAtMs?: number;
  confirmedAtMs?: number;
  payableAtMs?: number;
  payable: boolean;
  returnId?: string;
  /** Bumped when a return is rejected: the 7-day confirmation clock starts again. */
  confirmClockFromMs?: number;
}

type PaymentOutcome = 'PAID' | 'EXPIRED' | 'CANCELLED' | 'FAILED';

const TERMINAL: readonly PartStatus[] = ['PURCHASE_CONFIRMED', 'CANCELLED', 'PAYMENT_FAILED', 'RETURNED'];
const isTerminal = (status: PartStatus) => TERMINAL.includes(status);
const nowIso = () => new Date(Date.now()).toISOString();

const refused = (message: string, code = 'ORDER_TRANSITION_NOT_ALLOWED') =>
  ApplicationFailure.create({ message, type: code, nonRetryable: true });

/**
 * OrderLifecycle (DESIGN.md §4): waits up to 30 minutes for the buyer's payment (never expiring an
 * attempt in flight), runs PaymentAttempt as a child, commits or releases the stock, then per seller
 * follows the Shipment child to delivery, waits for purchase confirmation (buyer or 7 days), holds
 * the money 7 days and hands the lines to settlement. People's commands arrive as updates, checked
 * against the state machine here before anything is written; each command runs alone (a cancel and
 * a ship racing for the same part cannot both pass). Cancels and returns undo what was done in
 * reverse order (shipment, stock, money), also when the workflow itself is cancelled.
 */
export async function orderLifecycleWorkflow(input: OrderLifecycleInput): Promise<OrderLifecycleState> {
  const { orderId } = input;
  const dueAtMs = Date.now() + input.paymentWindowMs;
  const parts = new Map<string, PartState>(
    input.parts.map((def) => [def.sellerId, { def, status: 'PENDING_PAYMENT', payable: false }]),
  );
  let phase: 'AWAITING_PAYMENT' | 'PAID' | 'ENDED' = 'AWAITING_PAYMENT';
  /** The payment phase's outcome is written (paid and committed, or released and closed). */
  let paymentSettled = false;
  let committed = false;
  let attempts = 0;
  let inFlight = false;
  let paid: Extract<PaymentAttemptResult, { status: 'PAID' }> | undefined;
  let paymentFailure: { code: string; message: string } | undefined;
  let lastDecline: { code: string; message: string } | undefined;
  let cancelBeforePayment: CancelRequest | undefined;
  let balances: RefundBalances = { pg: 0, points: 0 };
  const refunds: Array<{ refundId: string; amount: number }> = [];

  // One command at a time: each re-checks the state it found after the previous one finished.
  let busy = false;
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    await condition(() => !busy);
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  }

  const partOf = (sellerId: string): PartState => {
    const part = parts.get(sellerId);
    if (!part)
      throw refused(`seller ${sellerId} has no part in order ${input.orderNumber}`, 'ORDER_NOT_FOUND');
    return part;
  };
  const requireAllowed = (part: PartState, command: OrderCommand) => {
    if (!PART_TRANSITIONS[part.status][command])
      throw refused(`${command} is not allowed for the part of seller ${part.def.sellerId} (${part.status})`);
  };
  const answer = (): CommandAnswer => ({ status: orderStatus(), parts: partList() });
  const partList = () => [...parts.values()].map((p) => ({ sellerId: p.def.sellerId, status: p.status }));
  const orderStatus = () => deriveOrderStatus([...parts.values()].map((p) => p.status));

  /** Writes the step through the state machine, mirrors the statuses it answered; returns the step's time. */
  async function record(
    command: OrderCommand,
    key: string,
    extra: { sellerId?: string; actorId?: string | null; reason?: string | null } = {},
  ): Promise<number> {
    const at = Date.now();
    const result = await steps.recordOrderStep({
      orderId,
      command,
      transitionKey: key,
      at: new Date(at).toISOString(),
      ...extra,
    });
    for (const { sellerId, status } of result.parts) {
      const part = parts.get(sellerId);
      if (part) part.status = status;
    }
    return at;
  }

  /** A message once started is sent even if the order is being cancelled meanwhile. */
  async function notify(request: NotificationRequest): Promise<void> {
    try {
      await CancellationScope.nonCancellable(() => notifications.sendNotification(request));
    } catch (error) {
      log.warn('notification not sent', { orderId, template: request.templateCode, error: String(error) });
    }
  }

  // ---- payment ---------------------------------------------------------------------------------

  /** The attempt's input: the stored order's amounts; the receipt is sent from here, off the payment's path. */
  function attemptInputOf(attempt: number): PaymentAttemptInput {
    return {
      orderId,
      attempt,
      userId: input.userId,
      method: input.method,
      provider: input.provider ?? undefined,
      totalAmount: input.totalAmount,
      pointsAmount: input.pointsAmount,
      orderNumber: input.orderNumber,
      orderName: input.orderName,
      receiptSentByCaller: true,
    };
  }

  async function startAttempt(request: SubmitPaymentRequest): Promise<SubmitPaymentAnswer> {
    attempts += 1;
    inFlight = true;
    lastDecline = undefined;
    const attempt = attempts;
    const workflowId = paymentWorkflowId(orderId, attempt);
    const handle = await startChild(paymentAttemptWorkflow, {
      workflowId,
      taskQueue: PAYMENT_TASK_QUEUE,
      args: [{ ...attemptInputOf(attempt), pgReturn: request.pgReturn, pgReference: request.pgReference }],
      // The attempt's own compensation (net-cancel, points back) must run even if this order ends first.
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
    });
    void handle.result().then(
      (result) => {
        if (result.status === 'PAID') paid = result;
        else lastDecline = { code: result.code, message: result.message };
        inFlight = false;
      },
      (error: unknown) => {
        paymentFailure = failureOf(error, 'PAYMENT_DEAD_LETTERED');
        inFlight = false;
      },
    );
    return { attempt, workflowId };
  }

  async function paymentPhase(): Promise<PaymentOutcome> {
    // Points pay everything: nothing for the buyer to authenticate, the attempt starts at once.
    if (input.payableAmount === 0) await startAttempt({});
    for (;;) {
      if (paid) return 'PAID';
      if (paymentFailure) return 'FAILED';
      if (inFlight) {
        await condition(() => !inFlight);
        continue;
      }
      if (cancelBeforePayment) return 'CANCELLED';
      const left = dueAtMs - Date.now();
      if (left <= 0) return 'EXPIRED';
      await condition(() => inFlight || cancelBeforePayment !== undefined, left);
    }
  }

  setHandler(
    submitPaymentUpdate,
    async (request) =>
      exclusive(async () => {
        if (inFlight) return { attempt: attempts, workflowId: paymentWorkflowId(orderId, attempts) };
        if (phase !== 'AWAITING_PAYMENT' || cancelBeforePayment || paid)
          throw refused(`order ${input.orderNumber} is not awaiting payment`, 'ORDER_NOT_PAYABLE');
        if (Date.now() >= dueAtMs)
          throw refused(
            `the payment window of order ${input.orderNumber} has closed`,
            'PAYMENT_WINDOW_CLOSED',
          );
        return startAttempt(request);
      }),
    {
      validator: (_request) => {
        if (phase !== 'AWAITING_PAYMENT' && !inFlight)
          throw refused(`order ${input.orderNumber} is not awaiting payment`, 'ORDER_NOT_PAYABLE');
      },
    },
  );

  // ---- money back and stock back -----------------------------------------------------------------

  async function refund(refundId: string, amount: number, reason: string): Promise<void> {
    if (amount <= 0 || !paid) return;
    const split = splitRefund(amount, balances);
    const pgBalanceBefore = balances.pg;
    balances = split.after;
    refunds.push({ refundId, amount });
    const done = await payments.refundPayment({
      orderId,
      userId: input.userId,
      attempt: paid.attempt,
      refundId,
      pgAmount: split.pgAmount,
      pgBalanceBefore,
      pointsAmount: split.pointsAmount,
      reason,
    });
    await notify(
      refundCompletedNotice(input, {
        refundId,
        pgAmount: split.pgAmount,
        pointsAmount: split.pointsAmount,
        at: new Date(done.refundedAt),
      }),
    );
  }

  const restockLinesOf = (part: PartState) =>
    part.def.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity }));

  /** Undo of a paid part, newest step first: stop its shipment, put its units back, refund it. */
  async function undoPaidParts(targets: PartState[], key: string, reason: string): Promise<void> {
    for (const part of targets) part.shipmentScope?.cancel();
    // One restock per part and purpose (a part is cancelled at most once).
    for (const part of targets)
      await steps.restockLines({
        restockId: `cancel:${orderId}:${input.parts.indexOf(part.def)}`,
        lines: restockLinesOf(part),
      });
    const amount = targets.reduce((sum, part) => sum + part.def.subtotal, 0);
    await refund(`${orderId}:${key}`, amount, reason);
  }

  async function cancelPaid(request: CancelRequest, key: string): Promise<void> {
    const targets = request.sellerId
      ? [partOf(request.sellerId)]
      : [...parts.values()].filter((p) => p.status !== 'CANCELLED');
    for (const part of targets) requireAllowed(part, 'CANCEL');
    await record('CANCEL', key, {
      sellerId: request.sellerId,
      actorId: request.actorId,
      reason: request.reason,
    });
    await undoPaidParts(targets, key, request.reason);
    await notify(
      orderCancelledNotice(input, {
        key,
        itemSummary: targets.map((p) => p.def.itemSummary).join(', '),
        reason: request.reason,
      }),
    );
  }

  setHandler(
    cancelOrderUpdate,
    async (request) => {
      if (phase === 'AWAITING_PAYMENT') {
        if (request.sellerId && parts.size > 1)
          throw refused('before payment the whole order is cancelled, not one seller’s part');
        cancelBeforePayment ??= request;
        // The payment phase decides: a payment already being approved may still win the race.
        await condition(() => paymentSettled);
        if (!paid) return answer();
      }
      return exclusive(async () => {
        if (phase !== 'PAID') throw refused(`order ${input.orderNumber} can no longer be cancelled`);
        await cancelPaid(request, `cancel:${request.sellerId ?? 'all'}`);
        return answer();
      });
    },
    {
      validator: (request) => {
        if (request.sellerId) partOf(request.sellerId);
        if (phase === 'ENDED') throw refused(`order ${input.orderNumber} is closed`);
      },
    },
  );

  // ---- fulfilment commands ---------------------------------------------------------------------

  setHandler(startPreparingUpdate, async (command) =>
    exclusive(async () => {
      const part = partOf(command.sellerId);
      requireAllowed(part, 'START_PREPARING');
      await record('START_PREPARING', `prepare:${command.sellerId}`, command);
      return answer();
    }),
  );

  setHandler(shipPartUpdate, async (command) =>
    exclusive(async () => {
      const part = partOf(command.sellerId);
      // A shipped part may register its invoice again (a corrected number); nothing else changes.
      if (part.status !== 'SHIPPED') {
        requireAllowed(part, 'SHIP');
        await record('SHIP', `ship:${command.sellerId}`, {
          sellerId: command.sellerId,
          actorId: command.actorId,
          reason: `${command.courier} ${command.invoiceNumber}`,
        });
      }
      await condition(() => part.shipment !== undefined);
      await part.shipment!.signal(invoiceRegisteredSignal, {
        courier: command.courier,
        invoiceNumber: command.invoiceNumber,
        registeredBy: command.actorId,
        registeredAt: nowIso(),
      });
      return answer();
    }),
  );

  setHandler(confirmPurchaseUpdate, async (command) =>
    exclusive(async () => {
      const part = partOf(command.sellerId);
      requireAllowed(part, 'CONFIRM_PURCHASE');
      part.confirmedAtMs = await record('CONFIRM_PURCHASE', `confirm:${command.sellerId}`, command);
      return answer();
    }),
  );

  setHandler(requestReturnUpdate, async (request) =>
    exclusive(async () => {
      const part = partOf(request.sellerId);
      requireAllowed(part, 'REQUEST_RETURN');
      await steps.openReturn({
        returnId: request.returnId,
        orderId,
        sellerId: request.sellerId,
        reason: request.reason,
        requestedBy: request.actorId,
        at: nowIso(),
      });
      await record('REQUEST_RETURN', `return:${request.returnId}`, {
        sellerId: request.sellerId,
        actorId: request.actorId,
        reason: request.reason,
      });
      part.returnId = request.returnId;
      return answer();
    }),
  );

  setHandler(decideReturnUpdate, async (decision) =>
    exclusive(async () => {
      const part = partOf(decision.sellerId);
      if (part.status !== 'RETURN_REQUESTED' || part.returnId !== decision.returnId)
        throw refused(`return ${decision.returnId} is not waiting for a decision`);
      const deduction = decision.deductionAmount ?? 0;
      if (decision.approve && (deduction < 0 || deduction > part.def.subtotal))
        throw refused(`the deduction must be between 0 and ${part.def.subtotal} won`, 'VALIDATION_FAILED');
      const key = `return:${decision.returnId}`;
      if (!decision.approve) {
        await record('REJECT_RETURN', `${key}:rejected`, decision);
        await steps.decideReturn({
          returnId: decision.returnId,
          status: 'REJECTED',
          decidedBy: decision.actorId,
          decisionReason: decision.reason ?? null,
          deductionAmount: null,
          refundAmount: null,
          at: nowIso(),
        });
        part.confirmClockFromMs = Date.now();
        return answer();
      }
      await record('APPROVE_RETURN', `${key}:approved`, decision);
      part.shipmentScope?.cancel();
      await steps.restockLines({ restockId: key, lines: restockLinesOf(part) });
      const refundAmount = part.def.subtotal - deduction;
      await refund(`${orderId}:${key}`, refundAmount, decision.reason ?? '반품 승인');
      await steps.decideReturn({
        returnId: decision.returnId,
        status: 'APPROVED',
        decidedBy: decision.actorId,
        decisionReason: decision.reason ?? null,
        deductionAmount: deduction,
        refundAmount,
        at: nowIso(),
      });
      return answer();
    }),
  );

  setHandler(orderStateQuery, () => ({
    orderId,
    status: orderStatus(),
    parts: [...parts.values()].map((p) => ({
      sellerId: p.def.sellerId,
      status: p.status,
      deliveredAt: p.deliveredAtMs ? new Date(p.deliveredAtMs).toISOString() : undefined,
      purchaseConfirmedAt: p.confirmedAtMs ? new Date(p.confirmedAtMs).toISOString() : undefined,
      payableAt: p.payableAtMs ? new Date(p.payableAtMs).toISOString() : undefined,
      payable: p.payable,
      returnId: p.returnId,
    })),
    payment: { attempts, inFlight, dueAt: input.paymentDueAt, lastDecline },
    refunds: [...refunds],
  }));

  // ---- the journey -----------------------------------------------------------------------------

  function startShipment(part: PartState): void {
    const shipment: ShipmentInput = {
      orderId,
      orderNumber: input.orderNumber,
      sellerId: part.def.sellerId,
      buyerUserId: input.userId,
      itemSummary: part.def.itemSummary,
    };
    part.shipmentScope = new CancellationScope();
    void part.shipmentScope
      .run(async () => {
        const child = await startChild<(input: ShipmentInput) => Promise<ShipmentResult>>(
          'shipmentWorkflow',
          {
            workflowId: shipmentWorkflowId(orderId, part.def.sellerId),
            taskQueue: SHIPPING_TASK_QUEUE,
            args: [shipment],
          },
        );
        part.shipment = child;
        return child.result();
      })
      .then(
        (result) => void (part.delivered = result),
        (error: unknown) => {
          if (!isCancellation(error))
            log.error('shipment ended without delivery', {
              orderId,
              sellerId: part.def.sellerId,
              error: String(error),
            });
        },
      );
  }

  async function followPart(part: PartState): Promise<void> {
    await condition(() => part.delivered !== undefined || isTerminal(part.status));
    // (A return rejected before the parcel arrived counts as delivered: the buyer may confirm early.)
    if (isTerminal(part.status) && part.status !== 'PURCHASE_CONFIRMED') return;
    if (!isTerminal(part.status))
      await exclusive(async () => {
        part.deliveredAtMs = Date.now();
        part.confirmClockFromMs = part.deliveredAtMs;
        if (PART_TRANSITIONS[part.status].DELIVER)
          await record('DELIVER', `deliver:${part.def.sellerId}`, {
            sellerId: part.def.sellerId,
            reason: `delivered ${part.delivered!.deliveredAt}`,
          });
      });
    // Purchase confirmation: the buyer, or 7 days after delivery; a pending return stops the clock.
    while (!isTerminal(part.status)) {
      if (part.status === 'RETURN_REQUESTED') {
        await condition(() => part.status !== 'RETURN_REQUESTED');
        continue;
      }
      const clockFrom = part.confirmClockFromMs!;
      const left = clockFrom + AUTO_CONFIRM_AFTER_MS - Date.now();
      if (left > 0) {
        await condition(() => part.status !== 'DELIVERED' || part.confirmClockFromMs !== clockFrom, left);
        continue;
      }
      await exclusive(async () => {
        if (part.status !== 'DELIVERED') return;
        part.confirmedAtMs = await record('CONFIRM_PURCHASE', `confirm:${part.def.sellerId}`, {
          sellerId: part.def.sellerId,
          reason: '배송 완료 후 7일 경과 자동 구매확정',
        });
        await notify(purchaseAutoConfirmedNotice(input, part.def));
      });
    }
    if (part.status !== 'PURCHASE_CONFIRMED') return;
    part.confirmedAtMs ??= Date.now();
    part.payableAtMs = part.confirmedAtMs + SETTLEMENT_HOLD_MS;
    await sleep(Math.max(0, part.payableAtMs - Date.now()));
    await settlement.recordPayableLines({
      orderId,
      orderNumber: input.orderNumber,
      sellerId: part.def.sellerId,
      purchaseConfirmedAt: new Date(part.confirmedAtMs).toISOString(),
      payableAt: new Date(part.payableAtMs).toISOString(),
      lines: part.def.lines.map((line) => ({
        orderLineId: line.orderLineId,
        productName: line.productName,
        quantity: line.quantity,
        amount: line.amount,
      })),
    });
    part.payable = true;
  }

  /**
   * The workflow itself was cancelled (an operator in the Temporal UI): every part that may still be
   * cancelled is, and what was done for it is undone newest first (shipments stop with this scope).
   * A payment still in flight undoes itself (its child is cancelled with this workflow).
   */
  async function compensateAll(): Promise<void> {
    const reason = '운영자에 의한 주문 취소';
    const cancellable = [...parts.values()].filter((p) => PART_TRANSITIONS[p.status].CANCEL);
    const stuck = [...parts.values()].filter(
      (p) => !isTerminal(p.status) && !PART_TRANSITIONS[p.status].CANCEL,
    );
    if (stuck.length > 0)
      log.error('order workflow cancelled with parts past shipping: handle them by hand', {
        orderId,
        parts: stuck.map((p) => `${p.def.sellerId}:${p.status}`),
      });
    for (const part of cancellable)
      await record('CANCEL', `cancel:workflow:${part.def.sellerId}`, { sellerId: part.def.sellerId, reason });
    if (committed) {
      if (cancellable.length > 0) await undoPaidParts(cancellable, 'cancel:workflow', reason);
      return;
    }
    if (paid) await refund(`${orderId}:cancel:workflow`, balances.pg + balances.points, reason);
    await steps.releaseStock({ orderId });
  }

  try {
    await notify(orderPlacedNotice(input));
    const outcome = await paymentPhase();
    if (outcome !== 'PAID') {
      phase = 'ENDED';
      await exclusive(async () => {
        await steps.releaseStock({ orderId });
        if (outcome === 'EXPIRED') {
          await record('EXPIRE_PAYMENT', 'expired', { reason: '30분 내 미결제 자동 취소' });
          await notify(orderAutoCancelledNotice(input));
        } else if (outcome === 'CANCELLED') {
          const request = cancelBeforePayment!;
          await record('CANCEL', 'cancel:all', { actorId: request.actorId, reason: request.reason });
          await notify(
            orderCancelledNotice(input, { key: 'all', itemSummary: input.orderName, reason: request.reason }),
          );
        } else {
          await record('FAIL_PAYMENT', 'payment-failed', { reason: paymentFailure?.code ?? null });
        }
      });
      paymentSettled = true;
      await condition(allHandlersFinished);
      return stateNow();
    }

    balances = { pg: paid!.pgAmount, points: paid!.pointsAmount };
    const receipt = notify(paymentCompletedNotice(attemptInputOf(paid!.attempt), new Date(paid!.approvedAt)));
    await exclusive(async () => {
      await steps.commitStock({ orderId });
      committed = true;
      await record('MARK_PAID', 'paid', { reason: `attempt ${paid!.attempt}` });
      phase = 'PAID';
    });
    paymentSettled = true;
    await receipt;
    for (const part of parts.values()) if (!isTerminal(part.status)) startShipment(part);
    await Promise.all([...parts.values()].map(followPart));
    phase = 'ENDED';
    await condition(allHandlersFinished);
    return stateNow();
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(compensateAll);
    }
    throw error;
  }

  function stateNow(): OrderLifecycleState {
    return {
      orderId,
      status: orderStatus(),
      parts: [...parts.values()].map((p) => ({
        sellerId: p.def.sellerId,
        status: p.status,
        payable: p.payable,
      })),
      payment: { attempts, inFlight, dueAt: input.paymentDueAt, lastDecline },
      refunds: [...refunds],
    };
  }
}

function failureOf(error: unknown, fallback: string): { code: string; message: string } {
  let current: unknown = error;
  while (current instanceof TemporalFailure) {
    if (current instanceof ApplicationFailure && current.type)
      return { code: current.type, message: current.message };
    current = current.cause;
  }
  return { code: fallback, message: error instanceof Error ? error.message : String(error) };
}
