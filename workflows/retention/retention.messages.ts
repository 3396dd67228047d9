/** Shared by the API and the workers (which start) and the workflow (which runs): ids and shapes. */
import type {
  RetentionCounts,
  RetentionCursor,
  RetentionPhase,
  RetentionPlan,
} from '../../domain/retention/retention';

export { RETENTION_TASK_QUEUE } from '../shared/task-queues';

/** The Temporal Schedule of the daily run (workers create it; visible under Schedules). */
export const DATA_RETENTION_SCHEDULE_ID = 'data-retention';

/** A run an admin starts by hand (POST /admin/retention/runs). */
export const manualRetentionWorkflowId = (runId: string): string => `data-retention:manual:${runId}`;

export interface DataRetentionInput {
  /** Overrides RETENTION_DRY_RUN for this run; absent: the worker's setting. */
  dryRun?: boolean;
  /** Batches before the run continues as new (its history stays small); default 200. */
  batchesPerRun?: number;
  /** Continue-as-new state: the plan fixed at the start, where the run stood, what it did so far. */
  resume?: {
    plan: RetentionPlan;
    phase: RetentionPhase;
    after: RetentionCursor | null;
    counts: RetentionCounts;
    batches: number;
  };
}

export interface DataRetentionReport {
  plan: RetentionPlan;
  /** Rows deleted (or, in a dry run, that would be) by table. */
  counts: RetentionCounts;
  batches: number;
}
