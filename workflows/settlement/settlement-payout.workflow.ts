import { isCancellation, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SettlementActivities } from '../../activities/settlement/settlement.activities';
import { notifications } from '../notification/send-notification';
import { DATABASE_RETRY, withTimeout } from '../shared/activity-options';
import { failureFacts } from '../shared/failures';
import type { SettlementPayoutInput, SettlementPayoutResult } from './settlement.messages';

/** Database steps: retried until they succeed (transient database trouble). */
export const SETTLEMENT_STEP_ATTEMPTS = 20;
const steps = proxyActivities<SettlementActivities>(
  withTimeout('1 minute', { ...DATABASE_RETRY, maximumAttempts: SETTLEMENT_STEP_ATTEMPTS }),
);
/**
 * Vendor steps (bank, Popbill): each is idempotent by the settlement's key, so Temporal repeats it
 * with backoff for hours while the vendor's answer stays unknown; a definite refusal comes back
 * as a value (payout) or a non-retryable failure (tax invoice) that an operator must look at.
 */
const VENDOR_ATTEMPTS = 30;
const vendor = proxyActivities<SettlementActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: VENDOR_ATTEMPTS,
  },
});

/**
 * One seller's paid-out settlement: bank transfer → tax invoice for the fee → statement e-mail.
 * Each step reads the settlement's state first and does nothing it has done before, so this
 * workflow may be run again for the same settlement (a re-run of the week after a crash) and
 * continues from the first step that did not finish.
 */
export async function settlementPayoutWorkflow(
  input: SettlementPayoutInput,
): Promise<SettlementPayoutResult> {
  const { settlementId } = input;
  try {
    const payout = await vendor.payOutSettlement({ settlementId });
    if (payout.status === 'FAILED') return { settlementId, payout: 'FAILED', code: payout.code };
    if (payout.status === 'SKIPPED') return { settlementId, payout: 'SKIPPED' };

    const invoice = await vendor.issueSettlementTaxInvoice({ settlementId });
    const statement = await steps.settlementStatement({ settlementId });
    let statementNotificationId: string | undefined;
    if (statement) {
      // The notification context sends each dedupe key once, so a repeat here sends nothing new.
      statementNotificationId = (await notifications.sendNotification(statement)).notificationId;
      await steps.markSettlementStatementSent({ settlementId, notificationId: statementNotificationId });
    }
    return {
      settlementId,
      payout: 'PAID',
      amount: payout.amount,
      taxInvoice: invoice.status,
      ntsConfirmNum: invoice.ntsConfirmNum,
      statementNotificationId,
    };
  } catch (error) {
    // A refusal or retries spent: parked for an operator, who can run this payout again from there.
    if (!isCancellation(error)) {
      const { workflowId, runId } = workflowInfo();
      await steps.deadLetterSettlement({ settlementId, workflowId, runId, ...failureOf(error) });
    }
    throw error;
  }
}

function failureOf(error: unknown): {
  lastError: { code: string; message: string; step?: string };
  attempts: number;
} {
  const { code, message, step, exhausted } = failureFacts(error, 'SETTLEMENT_STEP_FAILED');
  const vendorStep = step === 'payOutSettlement' || step === 'issueSettlementTaxInvoice';
  return {
    lastError: { code, message, ...(step && { step }) },
    attempts: exhausted ? (vendorStep ? VENDOR_ATTEMPTS : SETTLEMENT_STEP_ATTEMPTS) : 1,
  };
}
