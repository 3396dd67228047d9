import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { continueAsNew, executeChild, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SettlementActivities } from '../../activities/settlement/settlement.activities';
import { lastEndedWeek } from '../../domain/settlement/settlement-week';
import {
  settlementPayoutWorkflowId,
  weeklySettlementWorkflowId,
  type WeeklySettlementInput,
  type WeeklySettlementResult,
  type WeeklySettlementTotals,
} from './settlement.messages';

import { DATABASE_RETRY, withTimeout } from '../shared/activity-options';
import { SETTLEMENT_STEP_ATTEMPTS, settlementPayoutWorkflow } from './settlement-payout.workflow';

const steps = proxyActivities<SettlementActivities>(
  withTimeout('1 minute', { ...DATABASE_RETRY, maximumAttempts: SETTLEMENT_STEP_ATTEMPTS }),
);

/** Sellers prepared and paid side by side. */
const PAGE_SIZE = 20;
/** Sellers per run before continuing as new (keeps the history far below Temporal's limits). */
const SELLERS_PER_RUN = 400;

const noTotals = (): WeeklySettlementTotals => ({
  sellers: 0,
  paidOut: 0,
  carriedOver: 0,
  failed: 0,
  inProgress: 0,
  paidAmount: 0,
});

type SellerOutcome = 'NONE' | 'PAID' | 'CARRIED_OVER' | 'FAILED' | 'IN_PROGRESS';

/**
 * WeeklySettlement (docs/settlement.md): every seller with something to settle in the week gets one
 * settlement (carried over under 10,000 won; otherwise its lines are claimed) and, when paid out,
 * a payout child workflow (transfer → tax invoice → statement). The schedule starts this workflow
 * without a week: it settles the week that just ended under the id `weekly-settlement:<week>`,
 * so a run an admin started for the same week is not doubled. Running a week again pays nothing
 * twice: settlements are unique per seller and week, and every step is idempotent.
 */
export async function weeklySettlementWorkflow(
  input: WeeklySettlementInput = {},
): Promise<WeeklySettlementResult> {
  const weekId = input.weekId ?? lastEndedWeek(new Date(Date.now())).weekId;
  const ownId = weeklySettlementWorkflowId(weekId);
  if (workflowInfo().workflowId !== ownId) {
    try {
      return await executeChild(weeklySettlementWorkflow, { workflowId: ownId, args: [{ weekId }] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      log.info('the week is already being settled', { weekId });
      return { weekId, status: 'ALREADY_RUNNING', totals: noTotals() };
    }
  }

  const totals = { ...(input.totals ?? noTotals()) };
  let after = input.afterSellerId;
  let settledThisRun = 0;
  for (;;) {
    const { sellerIds } = await steps.listSellersToSettle({ weekId, afterSellerId: after, limit: PAGE_SIZE });
    if (sellerIds.length === 0) break;
    const outcomes = await Promise.all(sellerIds.map((sellerId) => settleSeller(weekId, sellerId)));
    for (const outcome of outcomes) {
      if (outcome.kind === 'NONE') continue;
      totals.sellers += 1;
      if (outcome.kind === 'PAID') {
        totals.paidOut += 1;
        totals.paidAmount += outcome.amount;
      } else if (outcome.kind === 'CARRIED_OVER') totals.carriedOver += 1;
      else if (outcome.kind === 'IN_PROGRESS') totals.inProgress += 1;
      else totals.failed += 1;
    }
    after = sellerIds.at(-1);
    settledThisRun += sellerIds.length;
    if (settledThisRun >= SELLERS_PER_RUN)
      await continueAsNew<typeof weeklySettlementWorkflow>({ weekId, afterSellerId: after, totals });
  }
  log.info('week settled', { weekId, ...totals });
  return { weekId, status: 'COMPLETED', totals };
}

async function settleSeller(
  weekId: string,
  sellerId: string,
): Promise<{ kind: SellerOutcome; amount: number }> {
  const prepared = await steps.prepareSellerSettlement({ weekId, sellerId });
  if (!prepared) return { kind: 'NONE', amount: 0 };
  if (prepared.status === 'CARRIED_OVER') return { kind: 'CARRIED_OVER', amount: 0 };
  if (prepared.status === 'PAYOUT_FAILED') return { kind: 'FAILED', amount: 0 };
  try {
    // Also for COMPLETED ones: the child finds every step done and ends at once.
    const result = await executeChild(settlementPayoutWorkflow, {
      workflowId: settlementPayoutWorkflowId(prepared.settlementId),
      args: [{ settlementId: prepared.settlementId }],
    });
    return result.payout === 'PAID'
      ? { kind: 'PAID', amount: result.amount ?? prepared.net }
      : { kind: 'FAILED', amount: 0 };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      log.info('seller payout still running from an earlier run', { weekId, sellerId });
      return { kind: 'IN_PROGRESS', amount: 0 };
    }
    // One seller's trouble (a refused invoice, a bank down for hours) does not stop the others;
    // the settlement keeps its state and the next run of the week resumes it.
    log.error('seller settlement did not finish', {
      weekId,
      sellerId,
      settlementId: prepared.settlementId,
      error: String(error),
    });
    return { kind: 'FAILED', amount: 0 };
  }
}
