import { invalidFields } from './ordering-errors';
import { shippingFeeFor, type ShippingLine, type ShippingPolicy } from './shipping-policy';

/**
 * How much goes back to the buyer when a seller's part is cancelled or returned, and what is kept
 * (docs/ordering.md#refunds-with-shipping). Pure, whole won.
 *
 *  - Cancel before shipping: goods and shipping, nothing kept.
 *  - Return for change of mind (단순 변심): the return shipping (정책 `returnShippingFee`, default
 *    `baseFee`) is kept, and so is the original shipping when the part shipped free.
 *  - Return for a defect or a wrong item (상품 불량 / 오배송): everything back; the return shipping is
 *    the seller's cost.
 *  - A partial return keeps the part's shipping with what is kept; when what is kept no longer reaches
 *    the free-shipping threshold, the shipping now due is kept from the refund (change of mind only).
 */
export const RETURN_REASON_CODES = ['CHANGE_OF_MIND', 'DEFECTIVE', 'WRONG_ITEM'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];
export const RETURN_REASON_LABELS: Record<ReturnReasonCode, string> = {
  CHANGE_OF_MIND: '단순 변심',
  DEFECTIVE: '상품 불량',
  WRONG_ITEM: '오배송',
};

export type DeductionKind = 'RETURN_SHIPPING' | 'ORIGINAL_SHIPPING' | 'SHIPPING_NOW_DUE' | 'ADJUSTMENT';

export interface RefundDeduction {
  kind: DeductionKind;
  /** Kept from the refund; an ADJUSTMENT may be negative (part of the deduction waived). */
  amount: number;
  reason: string;
}

export interface SellerCost {
  kind: 'RETURN_SHIPPING';
  amount: number;
  reason: string;
}

export interface RefundBreakdown {
  goodsAmount: number;
  shippingAmount: number;
  /** goods + shipping given up, before deductions. */
  grossAmount: number;
  deductions: RefundDeduction[];
  deductionTotal: number;
  /** What goes back to the buyer: gross − deductions, never negative. */
  refundAmount: number;
  /** Borne by the seller (settled as a negative line). */
  sellerCosts: SellerCost[];
  returnedLineIds: string[];
}

export interface RefundableLine extends ShippingLine {
  orderLineId: string;
}

export interface RefundablePart {
  lines: RefundableLine[];
  /** Shipping charged for the part at placement. */
  shippingFee: number;
  /** The seller's policy when ordered; null for orders placed before shipping fees (nothing kept automatically). */
  policy: ShippingPolicy | null;
}

export interface DeductionAdjustment {
  /** Added to the deduction (negative: waived), by the seller or an admin. */
  amount: number;
  reason: string;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function returnShippingFeeOf(policy: ShippingPolicy): number {
  return policy.returnShippingFee ?? policy.baseFee;
}

/** Cancel before shipping: everything back. */
export function cancelRefund(part: RefundablePart): RefundBreakdown {
  const goodsAmount = sum(part.lines.map((l) => l.lineAmount));
  return finish({
    goodsAmount,
    shippingAmount: part.shippingFee,
    deductions: [],
    sellerCosts: [],
    returnedLineIds: part.lines.map((l) => l.orderLineId),
  });
}

// The fee comparisons below quote kept and whole parcels at one zip code, so area extras cancel out.
const ANY_ZIP = '00000';

/** Base fees waived at the threshold in the part as ordered (0 when nothing shipped free). */
function waivedBaseFees(policy: ShippingPolicy, lines: readonly ShippingLine[]): number {
  if (policy.baseFee === 0) return 0;
  const charges = shippingFeeFor(policy, lines, ANY_ZIP).breakdown;
  return policy.baseFee * charges.filter((c) => c.kind !== 'INDIVIDUAL' && c.fee === 0).length;
}

export function returnRefund(request: {
  part: RefundablePart;
  reasonCode: ReturnReasonCode;
  /** Absent or every line: a whole return. */
  returnedLineIds?: readonly string[];
  adjustment?: DeductionAdjustment | null;
}): RefundBreakdown {
  const { part, reasonCode } = request;
  const known = new Set(part.lines.map((l) => l.orderLineId));
  const unknown = (request.returnedLineIds ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalidFields([
      { field: 'body.lineIds', message: `not lines of this part: ${unknown.join(', ')}` },
    ]);
  const chosen = new Set(request.returnedLineIds?.length ? request.returnedLineIds : known);
  const returned = part.lines.filter((l) => chosen.has(l.orderLineId));
  const kept = part.lines.filter((l) => !chosen.has(l.orderLineId));
  const whole = kept.length === 0;
  const policy = part.policy;
  const label = RETURN_REASON_LABELS[reasonCode];
  const returnShipping = policy ? returnShippingFeeOf(policy) : 0;
  const deductions: RefundDeduction[] = [];
  const sellerCosts: SellerCost[] = [];
  if (reasonCode === 'CHANGE_OF_MIND' && policy) {
    if (returnShipping > 0)
      deductions.push({ kind: 'RETURN_SHIPPING', amount: returnShipping, reason: `반품 배송비 (${label})` });
    const dueNow = whole
      ? waivedBaseFees(policy, part.lines)
      : Math.max(
          0,
          shippingFeeFor(policy, kept, ANY_ZIP).fee - shippingFeeFor(policy, part.lines, ANY_ZIP).fee,
        );
    if (dueNow > 0)
      deductions.push(
        whole
          ? { kind: 'ORIGINAL_SHIPPING', amount: dueNow, reason: '무료배송으로 면제된 최초 배송비' }
          : { kind: 'SHIPPING_NOW_DUE', amount: dueNow, reason: '남은 상품이 무료배송 기준 미만' },
      );
  } else if (returnShipping > 0 && reasonCode !== 'CHANGE_OF_MIND') {
    sellerCosts.push({
      kind: 'RETURN_SHIPPING',
      amount: returnShipping,
      reason: `반품 배송비 판매자 부담 (${label})`,
    });
  }
  const breakdown = finish({
    goodsAmount: sum(returned.map((l) => l.lineAmount)),
    shippingAmount: whole ? part.shippingFee : 0,
    deductions,
    sellerCosts,
    returnedLineIds: returned.map((l) => l.orderLineId),
  });
  return request.adjustment ? adjustDeduction(breakdown, request.adjustment) : breakdown;
}

/**
 * The seller's or an admin's change to what is kept, with a reason: the deduction stays between 0
 * and what is given up (a refund is never negative, nor more than was paid for the part).
 */
export function adjustDeduction(
  breakdown: RefundBreakdown,
  adjustment: DeductionAdjustment,
): RefundBreakdown {
  const reason = adjustment.reason?.trim() ?? '';
  const total = breakdown.deductionTotal + adjustment.amount;
  const issues = [];
  if (!Number.isSafeInteger(adjustment.amount))
    issues.push({ field: 'body.deductionAdjustment.amount', message: 'must be whole won' });
  else if (total < 0 || total > breakdown.grossAmount)
    issues.push({
      field: 'body.deductionAdjustment.amount',
      message: `the deduction (${breakdown.deductionTotal} won now) must stay between 0 and the refund of ${breakdown.grossAmount} won: ${-breakdown.deductionTotal} to ${breakdown.grossAmount - breakdown.deductionTotal}`,
    });
  if (reason.length === 0 || reason.length > 200)
    issues.push({ field: 'body.deductionAdjustment.reason', message: '1–200 characters' });
  if (issues.length > 0) throw invalidFields(issues);
  if (adjustment.amount === 0) return breakdown;
  return finish({
    ...breakdown,
    deductions: [...breakdown.deductions, { kind: 'ADJUSTMENT', amount: adjustment.amount, reason }],
  });
}

function finish(
  parts: Omit<RefundBreakdown, 'grossAmount' | 'deductionTotal' | 'refundAmount'>,
): RefundBreakdown {
  const grossAmount = parts.goodsAmount + parts.shippingAmount;
  // Computed deductions never take more than is given up (a cheap item returned for change of mind).
  const deductionTotal = Math.min(grossAmount, sum(parts.deductions.map((d) => d.amount)));
  return { ...parts, grossAmount, deductionTotal, refundAmount: grossAmount - deductionTotal };
}
