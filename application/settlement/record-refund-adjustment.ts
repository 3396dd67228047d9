import {
  validateRefundAdjustment,
  type RefundAdjustment,
  type RefundAdjustmentInput,
  type SettlementStore,
} from '../../domain/settlement';
import { DomainError } from '../../domain/shared/domain-error';

export interface RefundAdjustmentDeps {
  store: SettlementStore;
  newId: () => string;
  now: () => Date;
}

/** A refund to deduct from the seller's next settlement, recorded once per refund id. */
export async function recordRefundAdjustment(
  deps: RefundAdjustmentDeps,
  input: RefundAdjustmentInput,
  recordedBy: string | null,
): Promise<{ adjustment: RefundAdjustment; created: boolean }> {
  validateRefundAdjustment(input);
  return deps.store.recordAdjustment({
    id: deps.newId(),
    kind: input.kind ?? 'REFUND',
    refundId: input.refundId,
    sellerId: input.sellerId,
    orderId: input.orderId,
    amount: input.amount,
    reason: input.reason.trim(),
    occurredAt: new Date(input.at),
    recordedAt: deps.now(),
    recordedBy,
    settlementId: null,
  });
}

/** CS records a refund by hand: `at` defaults to now and cannot lie in the future. */
export async function recordRefundByOperator(
  deps: RefundAdjustmentDeps,
  input: Omit<RefundAdjustmentInput, 'at'> & { at?: string },
  operatorId: string,
): Promise<{ adjustment: RefundAdjustment; created: boolean }> {
  const now = deps.now();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime())
    throw new DomainError('VALIDATION_FAILED', 'json.at: a refund cannot happen in the future', {
      errors: [{ field: 'json.at', message: 'must not be in the future' }],
    });
  return recordRefundAdjustment({ ...deps, now: () => now }, { ...input, at: at.toISOString() }, operatorId);
}
