import { ApplicationFailure } from '@temporalio/activity';
import { parkDeadLetter, type DeadLetterParkingDeps } from '../../application/dead-letter/park-dead-letter';
import { issueSettlementTaxInvoice } from '../../application/settlement/issue-tax-invoice';
import { payOutSettlement, type PayoutOutcome } from '../../application/settlement/pay-out-settlement';
import { recordRefundAdjustment } from '../../application/settlement/record-refund-adjustment';
import {
  loadSettlement,
  VendorUnconfirmed,
  type SettlementStepDeps,
} from '../../application/settlement/settlement-steps';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { DeadLetter } from '../../domain/dead-letter/dead-letter';
import { DomainError } from '../../domain/shared/domain-error';
import {
  settlementStatementRequest,
  settlementWeek,
  validatePayableLines,
  type PayableLinesInput,
  type RefundAdjustmentInput,
  type SettlementStatus,
} from '../../domain/settlement';
import type { Logger } from '../../platform/observability/logger';

export interface SettlementActivityDeps extends SettlementStepDeps {
  /** Parks a payout that could not finish (a Popbill refusal, a bank answer unknown for hours). */
  deadLetterParking: DeadLetterParkingDeps;
  /** The fee rate in force, stored on each line as it becomes payable (basis points). */
  feeRateBps: number;
  logger: Logger;
}

export interface PreparedSettlement {
  settlementId: string;
  status: SettlementStatus;
  net: number;
  created: boolean;
}

/** A step's failure as Temporal sees it: an unconfirmed vendor answer retries; a refusal or a missing record does not. */
async function asActivity<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof VendorUnconfirmed) throw ApplicationFailure.retryable(error.message, error.code);
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
}

/** A caller's mistake or a rule: retrying the activity cannot help. */
function final(error: unknown): never {
  if (error instanceof DomainError)
    throw ApplicationFailure.nonRetryable(error.message, error.code, error.details);
  throw error;
}

/**
 * The settlement task queue: the intake OrderLifecycle calls (payable lines, refunds after the
 * hold) and the steps of WeeklySettlement. Every activity is idempotent by its business key
 * (order line, refund, seller and week, settlement), so Temporal may run any of them again.
 * Vendor answers that settle nothing make the activity fail retryably; definite refusals are
 * recorded and returned.
 */
export function createSettlementActivities(deps: SettlementActivityDeps) {
  return {
    /** A payout that failed, for an operator to retry (`POST /admin/dead-letters/{id}/retry`) or resolve. */
    async deadLetterSettlement(input: {
      settlementId: string;
      workflowId: string;
      runId: string;
      lastError: DeadLetter['lastError'];
      attempts: number;
    }): Promise<{ deadLetterId: string }> {
      const { settlementId, ...work } = input;
      return parkDeadLetter(
        deps.deadLetterParking,
        // One letter per failed run: a payout retried and failing again is parked again.
        {
          kind: 'settlement',
          reference: `settlement:${settlementId}@${input.runId}`,
          input: { settlementId },
          ...work,
        },
        'settlement payout dead-lettered',
      );
    },

    /** OrderLifecycle, when a seller part's 7-day hold after purchase confirmation has ended. */
    async recordPayableLines(input: PayableLinesInput): Promise<{ recorded: number }> {
      try {
        validatePayableLines(input);
      } catch (error) {
        final(error);
      }
      const result = await deps.store.recordPayableLines(input, deps.feeRateBps, deps.now());
      if (result.recorded > 0)
        deps.logger.info(
          { orderId: input.orderId, sellerId: input.sellerId, recorded: result.recorded },
          'payable lines recorded',
        );
      return result;
    },

    /** Money refunded for lines already payable or settled: deducted from the seller's next settlement. */
    async recordRefundAdjustment(
      input: RefundAdjustmentInput & { recordedBy?: string },
    ): Promise<{ adjustmentId: string; created: boolean }> {
      try {
        const { adjustment, created } = await recordRefundAdjustment(deps, input, input.recordedBy ?? null);
        return { adjustmentId: adjustment.id, created };
      } catch (error) {
        final(error);
      }
    },

    async listSellersToSettle(input: {
      weekId: string;
      afterSellerId?: string;
      limit: number;
    }): Promise<{ sellerIds: string[] }> {
      const week = settlementWeek(input.weekId);
      return { sellerIds: await deps.store.sellersToSettle(week, input.afterSellerId ?? null, input.limit) };
    },

    /** The seller's settlement of the week (created once: carried over, or claiming its lines for a payout). */
    async prepareSellerSettlement(input: {
      weekId: string;
      sellerId: string;
    }): Promise<PreparedSettlement | null> {
      const prepared = await deps.store.prepare(settlementWeek(input.weekId), input.sellerId, {
        newId: deps.newId,
        now: deps.now(),
      });
      if (!prepared) return null;
      const { settlement, created } = prepared;
      if (created)
        deps.logger.info(
          {
            settlementId: settlement.id,
            sellerId: settlement.sellerId,
            weekId: settlement.weekId,
            status: settlement.status,
            net: settlement.net,
          },
          'settlement prepared',
        );
      return { settlementId: settlement.id, status: settlement.status, net: settlement.net, created };
    },

    /** The bank transfer of a settlement, once (see payOutSettlement). */
    async payOutSettlement(input: { settlementId: string }): Promise<PayoutOutcome> {
      return asActivity(payOutSettlement(deps, input.settlementId));
    },

    /** The tax invoice for the platform fee of a paid-out settlement, once (keyed by invoicerMgtKey). */
    async issueSettlementTaxInvoice(input: {
      settlementId: string;
    }): Promise<{ status: 'ISSUED' | 'NOT_REQUIRED'; ntsConfirmNum: string | null }> {
      return asActivity(issueSettlementTaxInvoice(deps, input.settlementId));
    },

    /** The statement e-mail for the notification context; null once sent (or when nothing was paid). */
    async settlementStatement(input: { settlementId: string }): Promise<NotificationRequest | null> {
      const settlement = await asActivity(loadSettlement(deps.store, input.settlementId));
      if (settlement.statementSentAt) return null;
      if (settlement.status !== 'PAID_OUT' && settlement.status !== 'COMPLETED') return null;
      const invoicee = await deps.sellers.invoiceeOf(settlement.sellerId);
      return settlementStatementRequest(settlement, invoicee?.corpName ?? '판매자');
    },

    async markSettlementStatementSent(input: {
      settlementId: string;
      notificationId: string;
    }): Promise<void> {
      await deps.store.markStatementSent(input.settlementId, input.notificationId, deps.now());
    },
  };
}

export type SettlementActivities = ReturnType<typeof createSettlementActivities>;
