import { MAX_LINE_AMOUNT } from './settlement-fee';
import { SettlementError, SettlementErrorCode } from './settlement-errors';
import { ADJUSTMENT_KINDS, type PayableLinesInput, type RefundAdjustmentInput } from './payable-lines';

/**
 * Checks what OrderLifecycle hands over before anything is stored: a malformed intake is the
 * caller's bug, refused with a SettlementError naming the field (never retried).
 */
export function validatePayableLines(input: PayableLinesInput): void {
  const problems: Array<{ field: string; message: string }> = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  for (const key of ['orderId', 'orderNumber', 'sellerId'] as const)
    need(
      typeof input[key] === 'string' && input[key].length > 0 && input[key].length <= 40,
      key,
      'required, ≤ 40 characters',
    );
  need(isInstant(input.purchaseConfirmedAt), 'purchaseConfirmedAt', 'an ISO-8601 instant');
  need(isInstant(input.payableAt), 'payableAt', 'an ISO-8601 instant');
  need(Array.isArray(input.lines) && input.lines.length > 0, 'lines', 'at least one line');
  need(
    input.shippingFee === undefined ||
      (Number.isSafeInteger(input.shippingFee) &&
        input.shippingFee >= 0 &&
        input.shippingFee <= MAX_LINE_AMOUNT),
    'shippingFee',
    `whole won, 0 to ${MAX_LINE_AMOUNT}`,
  );
  const seen = new Set<string>();
  (input.lines ?? []).forEach((line, i) => {
    need(
      typeof line.orderLineId === 'string' && line.orderLineId.length > 0 && line.orderLineId.length <= 36,
      `lines.${i}.orderLineId`,
      'required, ≤ 36 characters',
    );
    need(!seen.has(line.orderLineId), `lines.${i}.orderLineId`, 'appears twice');
    seen.add(line.orderLineId);
    need(
      typeof line.productName === 'string' && line.productName.length > 0,
      `lines.${i}.productName`,
      'required',
    );
    need(
      Number.isSafeInteger(line.quantity) && line.quantity > 0,
      `lines.${i}.quantity`,
      'a whole number > 0',
    );
    need(
      Number.isSafeInteger(line.amount) && line.amount > 0 && line.amount <= MAX_LINE_AMOUNT,
      `lines.${i}.amount`,
      `whole won, 1 to ${MAX_LINE_AMOUNT}`,
    );
  });
  if (problems.length > 0)
    throw new SettlementError(
      SettlementErrorCode.INVALID_PAYABLE_LINE,
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      { errors: problems },
    );
}

export function validateRefundAdjustment(input: RefundAdjustmentInput): void {
  const problems: Array<{ field: string; message: string }> = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  need(
    input.kind === undefined || ADJUSTMENT_KINDS.includes(input.kind),
    'kind',
    `one of ${ADJUSTMENT_KINDS.join(', ')}`,
  );
  need(nonEmpty(input.sellerId, 36), 'sellerId', 'required, ≤ 36 characters');
  need(nonEmpty(input.orderId, 36), 'orderId', 'required, ≤ 36 characters');
  need(nonEmpty(input.refundId, 100), 'refundId', 'required, ≤ 100 characters');
  need(
    Number.isSafeInteger(input.amount) && input.amount > 0 && input.amount <= MAX_LINE_AMOUNT,
    'amount',
    `whole won, 1 to ${MAX_LINE_AMOUNT}`,
  );
  need(nonEmpty(input.reason?.trim(), 200), 'reason', '1–200 characters');
  need(isInstant(input.at), 'at', 'an ISO-8601 instant');
  if (problems.length > 0)
    throw new SettlementError(
      SettlementErrorCode.INVALID_ADJUSTMENT,
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      { errors: problems },
    );
}

function nonEmpty(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}
