/** Shared by the API and the workers (which start) and the workflows (which run): ids and shapes. */
export { SETTLEMENT_TASK_QUEUE } from '../shared/task-queues';
export { settlementPayoutWorkflowId, weeklySettlementWorkflowId } from '../shared/workflow-ids';

/** The Temporal Schedule that starts the Monday run (workers create it; visible under Schedules). */
export const WEEKLY_SETTLEMENT_SCHEDULE_ID = 'weekly-settlement';

export interface WeeklySettlementInput {
  /** `2026-W48`; absent when the schedule starts the run: the week that ended last. */
  weekId?: string;
  /** Continue-as-new state of a long run: sellers up to this id are done. */
  afterSellerId?: string;
  totals?: WeeklySettlementTotals;
}

/**
 * The sellers this run handled (those with something pending or an unfinished payout), by how
 * their settlement stands afterwards; a re-run of a finished week handles none.
 */
export interface WeeklySettlementTotals {
  sellers: number;
  paidOut: number;
  carriedOver: number;
  /** The bank refused, no account, or a step that kept failing: see each settlement. */
  failed: number;
  /** The seller's payout workflow was still running from an earlier run of the week. */
  inProgress: number;
  paidAmount: number;
}

export interface WeeklySettlementResult {
  weekId: string;
  /** ALREADY_RUNNING: the schedule fired while the week's run (e.g. started by an admin) was still going. */
  status: 'COMPLETED' | 'ALREADY_RUNNING';
  totals: WeeklySettlementTotals;
}

export interface SettlementPayoutInput {
  settlementId: string;
}

export interface SettlementPayoutResult {
  settlementId: string;
  payout: 'PAID' | 'FAILED' | 'SKIPPED';
  /** Why the payout failed (bank code, SETTLEMENT_ACCOUNT_MISSING). */
  code?: string;
  amount?: number;
  taxInvoice?: 'ISSUED' | 'NOT_REQUIRED';
  ntsConfirmNum?: string | null;
  statementNotificationId?: string;
}
