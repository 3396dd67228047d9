import { DomainError } from '../../domain/shared/domain-error';
import { adjustDeduction, returnRefund, type RefundBreakdown } from '../../domain/ordering/refund-rules';
import { refundablePartOf, undoReturnedPart } from './order-compensation';
import type { ReturnDecision, ReturnRequest } from './order-lifecycle.messages';
import { settlement, steps } from './order-proxies';
import { nowIso, refused, type OrderState, type PartState } from './order-state';

/**
 * Patch id: a decided return moves the purchase-confirmation clock before the part is DELIVERED again.
 * Before it the clock moved after, so followPart could read the old one and confirm at once (a return
 * rejected more than 7 days after delivery); a rejection now also leaves the pending days uncounted.
 */
export const RETURN_CONFIRM_CLOCK = 'return-confirm-clock';

/**
 * A rejected return lets the 7-day clock go on where it stopped: the days it was pending do not
 * count. Not delivered yet, nothing moves (the clock starts at delivery); a return asked for before
 * its request time was kept starts the 7 days again, as rejections did then.
 */
export function resumeConfirmClock(part: PartState, nowMs: number): void {
  const from = part.confirmClockFromMs;
  const askedAt = part.returnRequestedAtMs;
  part.returnRequestedAtMs = undefined;
  if (from === undefined) return;
  part.confirmClockFromMs = askedAt === undefined ? nowMs : from + nowMs - Math.max(askedAt, from);
}

/** Domain refusals (a bad line id, a deduction out of range) answer the caller as a 4xx, never fail the task. */
function asRefusal<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DomainError) throw refused(error.message, error.code);
    throw error;
  }
}

/** The lines a return names must be lines the buyer still holds. */
export function checkReturnLines(part: PartState, request: ReturnRequest): void {
  if (!request.lineIds?.length) return;
  const held = new Set(refundablePartOf(part).lines.map((l) => l.orderLineId));
  const wrong = request.lineIds.filter((id) => !held.has(id));
  if (wrong.length > 0)
    throw refused(
      `body.lineIds: not lines of this part still held by the buyer: ${wrong.join(', ')}`,
      'VALIDATION_FAILED',
    );
}

/**
 * The refund of an approved return under the rules (docs/ordering.md#refunds-with-shipping): the
 * seller's `deductionAdjustment` is added to what the rules keep; the older `deductionAmount`
 * replaces it.
 */
export function quoteReturn(part: PartState, decision: ReturnDecision): RefundBreakdown {
  return asRefusal(() => {
    const quote = returnRefund({
      part: refundablePartOf(part),
      reasonCode: part.returnRequest?.reasonCode ?? 'CHANGE_OF_MIND',
      returnedLineIds: part.returnRequest?.lineIds,
    });
    if (decision.deductionAdjustment) return adjustDeduction(quote, decision.deductionAdjustment);
    if (decision.deductionAmount !== undefined)
      return adjustDeduction(quote, {
        amount: decision.deductionAmount - quote.deductionTotal,
        reason: decision.reason ?? '판매자 지정 차감',
      });
    return quote;
  });
}

/**
 * Approves a return under the refund rules: the part (or the returned lines) goes back, the buyer
 * gets the refund less what is kept, and settlement learns what is the seller's: the deduction kept
 * (a RETURN_SHIPPING credit) and the seller-borne return shipping (a SELLER_COST).
 */
export async function approveReturn(
  order: OrderState,
  part: PartState,
  decision: ReturnDecision,
): Promise<void> {
  const key = `return:${decision.returnId}`;
  const breakdown = quoteReturn(part, decision);
  const partial = breakdown.returnedLineIds.length < refundablePartOf(part).lines.length;
  // The kept lines go on to confirmation with a fresh 7 days, set before the part is DELIVERED again.
  const clockFirst = partial && order.has(RETURN_CONFIRM_CLOCK);
  if (clockFirst) part.confirmClockFromMs = Date.now();
  await order.record(partial ? 'APPROVE_PARTIAL_RETURN' : 'APPROVE_RETURN', `${key}:approved`, decision);
  if (partial) {
    part.returnedLineIds.push(...breakdown.returnedLineIds);
    if (!clockFirst) part.confirmClockFromMs = Date.now();
  }
  part.returnRequestedAtMs = undefined;
  part.returnRequest = undefined;
  await undoReturnedPart(
    order,
    part,
    key,
    breakdown.refundAmount,
    decision.reason ?? '반품 승인',
    partial ? breakdown.returnedLineIds : undefined,
  );
  await settleReturnCosts(order, part, key, breakdown);
  await steps.decideReturn({
    returnId: decision.returnId,
    decidedBy: decision.actorId,
    decisionReason: decision.reason ?? null,
    status: 'APPROVED',
    deductionAmount: breakdown.deductionTotal,
    refundAmount: breakdown.refundAmount,
    refundBreakdown: breakdown,
    at: nowIso(),
  });
}

async function settleReturnCosts(
  order: OrderState,
  part: PartState,
  key: string,
  breakdown: RefundBreakdown,
) {
  const common = { sellerId: part.def.sellerId, orderId: order.orderId, at: nowIso() };
  const reasonOf = (reasons: string[]) => reasons.join(', ').slice(0, 200);
  if (breakdown.deductionTotal > 0)
    await settlement.recordRefundAdjustment({
      ...common,
      kind: 'RETURN_SHIPPING',
      refundId: `${order.orderId}:${key}:deduction`,
      amount: breakdown.deductionTotal,
      reason: reasonOf(breakdown.deductions.map((d) => d.reason)),
    });
  const sellerCost = breakdown.sellerCosts.reduce((sum, cost) => sum + cost.amount, 0);
  if (sellerCost > 0)
    await settlement.recordRefundAdjustment({
      ...common,
      kind: 'SELLER_COST',
      refundId: `${order.orderId}:${key}:seller-cost`,
      amount: sellerCost,
      reason: reasonOf(breakdown.sellerCosts.map((c) => c.reason)),
    });
}
