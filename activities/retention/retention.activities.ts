import {
  planRetentionRun,
  retentionBatch,
  type RetentionDeps,
} from '../../application/retention/run-retention';
import type {
  RetentionBatch,
  RetentionCounts,
  RetentionCursor,
  RetentionPhase,
  RetentionPlan,
} from '../../domain/retention/retention';
import type { Logger } from '../../platform/observability/logger';
import type { Metrics } from '../../platform/observability/metrics';

export interface RetentionActivityDeps extends RetentionDeps {
  logger: Logger;
  metrics?: Metrics;
}

/**
 * The retention task queue. A batch is one transaction that finds its rows afresh, so running it
 * again after a crash deletes what is left and never counts a row twice in retention_rows_total.
 */
export function createRetentionActivities(deps: RetentionActivityDeps) {
  return {
    async planRetentionRun(input: { dryRun?: boolean }): Promise<RetentionPlan> {
      return planRetentionRun(deps, input.dryRun);
    },

    async retentionBatch(input: {
      plan: RetentionPlan;
      phase: RetentionPhase;
      after: RetentionCursor | null;
    }): Promise<RetentionBatch> {
      const batch = await retentionBatch(deps, input);
      const action = input.plan.dryRun ? 'would_delete' : 'deleted';
      for (const [table, count] of Object.entries(batch.counts))
        deps.metrics?.retentionRows.inc({ table, action }, count);
      return batch;
    },

    /** The run's one log line: per-table counts, the cutoffs, and whether it was a dry run. */
    async reportRetentionRun(input: {
      plan: RetentionPlan;
      counts: RetentionCounts;
      batches: number;
    }): Promise<void> {
      const total = Object.values(input.counts).reduce((sum, count) => sum + count, 0);
      deps.logger.info(
        { ...input.plan, counts: input.counts, total, batches: input.batches },
        input.plan.dryRun
          ? 'data retention dry run: rows that would be deleted'
          : 'data retention run: rows deleted',
      );
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
