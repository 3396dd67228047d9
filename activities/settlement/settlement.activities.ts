import { ApplicationFailure } from '@temporalio/activity';
import { maskAccountNumber } from '../../domain/identity/bank-account';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { DeadLetter } from '../../domain/dead-letter/dead-letter';
import { DomainError } from '../../domain/shared/domain-error';
import {
  seoulDate,
  settlementStatementRequest,
  settlementWeek,
  splitVatIncluded,
  taxInvoiceMgtKey,
  validatePayableLines,
  validateRefundAdjustment,
  type InvoicerDetails,
  type PayableLinesInput,
  type PayoutGateway,
  type RefundAdjustmentInput,
  type SellerDirectory,
  type SettlementDetail,
  type SettlementStatus,
  type SettlementStore,
  type TaxInvoiceIssuer,
} from '../../domain/settlement';
import type { Logger } from '../../platform/observability/logger';
import { parkDeadLetter, type DeadLetterParkingDeps } from '../dead-letter/park-dead-letter';

export interface SettlementActivityDeps {
  store: SettlementStore;
  /** Parks a payout that could not finish (a Popbill refusal, a bank answer unknown for hours). */
  deadLetterParking: DeadLetterParkingDeps;
  sellers: SellerDirectory;
  payouts: PayoutGateway & { transferIdFor(settlementId: string): string };
  taxInvoices: TaxInvoiceIssuer;
  invoicer: InvoicerDetails;
  /** The fee rate in force, stored on each line as it becomes payable (basis points). */
  feeRateBps: number;
  logger: Logger;
  newId(): string;
  now(): Date;
}

/** What the passbook of the seller shows for a payout. */
export const PAYOUT_PRINT_CONTENT = '장터정산';

export interface PreparedSettlement {
  settlementId: string;
  status: SettlementStatus;
  net: number;
  created: boolean;
}

export type PayoutOutcome =
  | { status: 'PAID'; settlementId: string; amount: number }
  | { status: 'FAILED'; settlementId: string; code: string }
  | { status: 'SKIPPED'; settlementId: string; reason: SettlementStatus };

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
  async function load(settlementId: string): Promise<SettlementDetail> {
    const settlement = await deps.store.get(settlementId);
    if (!settlement)
      throw ApplicationFailure.nonRetryable(
        `settlement ${settlementId} does not exist`,
        'SETTLEMENT_NOT_FOUND',
      );
    return settlement;
  }

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
        validateRefundAdjustment(input);
        const { adjustment, created } = await deps.store.recordAdjustment({
          id: deps.newId(),
          refundId: input.refundId,
          sellerId: input.sellerId,
          orderId: input.orderId,
          amount: input.amount,
          reason: input.reason.trim(),
          occurredAt: new Date(input.at),
          recordedAt: deps.now(),
          recordedBy: input.recordedBy ?? null,
          settlementId: null,
        });
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

    /**
     * The bank transfer of a settlement, once: the payout row (with its transfer id) is written
     * before the bank is called, and a row found on a later attempt makes the adapter look the
     * transfer up before sending anything.
     */
    async payOutSettlement(input: { settlementId: string }): Promise<PayoutOutcome> {
      const settlement = await load(input.settlementId);
      const { settlementId } = input;
      if (settlement.status === 'PAID_OUT' || settlement.status === 'COMPLETED')
        return { status: 'PAID', settlementId, amount: settlement.payout?.amount ?? settlement.net };
      if (settlement.status === 'PAYOUT_FAILED')
        return { status: 'FAILED', settlementId, code: settlement.failureCode ?? 'PAYOUT_FAILED' };
      if (settlement.status !== 'PAYOUT_PENDING')
        return { status: 'SKIPPED', settlementId, reason: settlement.status };

      const now = deps.now();
      const account = await deps.sellers.payoutAccountOf(settlement.sellerId);
      if (!account) {
        await deps.store.failPayout(
          settlementId,
          {
            code: 'SETTLEMENT_ACCOUNT_MISSING',
            message: 'the seller has registered no settlement bank account',
          },
          now,
        );
        deps.logger.warn(
          { settlementId, sellerId: settlement.sellerId },
          'payout impossible: no settlement account',
        );
        return { status: 'FAILED', settlementId, code: 'SETTLEMENT_ACCOUNT_MISSING' };
      }
      const { payout, created } = await deps.store.beginPayout({
        settlementId,
        amount: settlement.net,
        bankCode: account.bankCode,
        accountMasked: maskAccountNumber(account.accountNumber),
        transferId: deps.payouts.transferIdFor(settlementId),
        status: 'REQUESTED',
        vendorCode: null,
        vendorMessage: null,
        requestedAt: now,
        paidAt: null,
      });
      const result = await deps.payouts.transfer({
        transferId: payout.transferId,
        requestedAt: payout.requestedAt,
        resumed: !created,
        amount: payout.amount,
        account,
        printContent: PAYOUT_PRINT_CONTENT,
        clientReference: settlement.sellerId,
      });
      if (result.kind === 'paid') {
        await deps.store.completePayout(
          settlementId,
          { paidAt: result.paidAt, vendorCode: result.vendorCode, raw: result.raw },
          deps.now(),
        );
        deps.logger.info(
          { settlementId, transferId: payout.transferId, amount: payout.amount },
          'settlement paid out',
        );
        return { status: 'PAID', settlementId, amount: payout.amount };
      }
      if (result.kind === 'refused') {
        await deps.store.failPayout(
          settlementId,
          { code: result.code, message: result.message, raw: result.raw },
          deps.now(),
        );
        deps.logger.warn(
          { settlementId, code: result.code },
          'payout refused by the bank; lines carried to next week',
        );
        return { status: 'FAILED', settlementId, code: result.code };
      }
      throw ApplicationFailure.retryable(
        `payout of settlement ${settlementId} not confirmed: ${result.code} ${result.message}`,
        'SETTLEMENT_PAYOUT_UNCONFIRMED',
      );
    },

    /** The tax invoice for the platform fee of a paid-out settlement, once (keyed by invoicerMgtKey). */
    async issueSettlementTaxInvoice(input: {
      settlementId: string;
    }): Promise<{ status: 'ISSUED' | 'NOT_REQUIRED'; ntsConfirmNum: string | null }> {
      const settlement = await load(input.settlementId);
      if (settlement.status !== 'PAID_OUT' && settlement.status !== 'COMPLETED')
        throw ApplicationFailure.nonRetryable(
          `settlement ${settlement.id} is ${settlement.status}: only paid-out settlements are invoiced`,
          'SETTLEMENT_NOT_PAID_OUT',
        );
      if (settlement.taxInvoice?.status === 'ISSUED')
        return { status: 'ISSUED', ntsConfirmNum: settlement.taxInvoice.ntsConfirmNum };
      if (settlement.fee === 0) return { status: 'NOT_REQUIRED', ntsConfirmNum: null };
      const invoicee = await deps.sellers.invoiceeOf(settlement.sellerId);
      if (!invoicee)
        throw ApplicationFailure.nonRetryable(
          `seller ${settlement.sellerId} has no business profile`,
          'SELLER_NOT_FOUND',
        );
      const split = splitVatIncluded(settlement.fee);
      const now = deps.now();
      const base = {
        settlementId: settlement.id,
        mgtKey: taxInvoiceMgtKey(settlement.id, settlement.weekId),
        writeDate: seoulDate(now).replaceAll('-', ''),
        ...split,
      };
      const result = await deps.taxInvoices.issue({
        mgtKey: base.mgtKey,
        writeDate: base.writeDate,
        invoicer: deps.invoicer,
        invoicee,
        supplyCost: split.supplyCost,
        tax: split.tax,
        total: split.total,
        itemName: `판매수수료 (${settlement.weekId})`,
        remark: `장터 ${settlement.weekId} 정산 판매수수료`,
      });
      if (result.kind === 'issued') {
        await deps.store.saveTaxInvoice(
          {
            ...base,
            status: 'ISSUED',
            ntsConfirmNum: result.ntsConfirmNum,
            issuedAt: now,
            failureCode: null,
            failureMessage: null,
          },
          result.raw,
          now,
        );
        deps.logger.info({ settlementId: settlement.id, mgtKey: base.mgtKey }, 'tax invoice issued');
        return { status: 'ISSUED', ntsConfirmNum: result.ntsConfirmNum };
      }
      if (result.kind === 'rejected') {
        await deps.store.saveTaxInvoice(
          {
            ...base,
            status: 'FAILED',
            ntsConfirmNum: null,
            issuedAt: null,
            failureCode: result.code,
            failureMessage: result.message,
          },
          result.raw,
          now,
        );
        deps.logger.error({ settlementId: settlement.id, code: result.code }, 'tax invoice refused');
        throw ApplicationFailure.nonRetryable(
          `tax invoice of settlement ${settlement.id} refused: ${result.code} ${result.message}`,
          'SETTLEMENT_TAX_INVOICE_REJECTED',
        );
      }
      throw ApplicationFailure.retryable(
        `tax invoice of settlement ${settlement.id} not confirmed: ${result.code} ${result.message}`,
        'SETTLEMENT_TAX_INVOICE_UNCONFIRMED',
      );
    },

    /** The statement e-mail for the notification context; null once sent (or when nothing was paid). */
    async settlementStatement(input: { settlementId: string }): Promise<NotificationRequest | null> {
      const settlement = await load(input.settlementId);
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
