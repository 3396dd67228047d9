/** Shared by the workers (the schedule), the API (a backfill) and the workflow: ids and shapes. */
import type { SeoulDay } from '../../domain/kpi/seoul-day';

/** KPIs read across contexts like retention does, so the rollup runs on that queue (docs/kpis.md). */
export { RETENTION_TASK_QUEUE as KPI_TASK_QUEUE } from '../shared/task-queues';

/** The Temporal Schedule refreshing today and yesterday every 10 minutes. */
export const KPI_ROLLUP_SCHEDULE_ID = 'kpi-rollup';

export const kpiBackfillWorkflowId = (from: SeoulDay, to: SeoulDay, runId: string): string =>
  `kpi-rollup:backfill:${from}:${to}:${runId}`;

export interface KpiRollupInput {
  /** Both given: recompute every day of the range (a backfill); absent: today and yesterday. */
  from?: SeoulDay;
  to?: SeoulDay;
}

export interface KpiRollupReport {
  days: SeoulDay[];
}
