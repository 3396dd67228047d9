import {
  cutoffOf,
  retentionPlan,
  type RetentionBatch,
  type RetentionCursor,
  type RetentionPhase,
  type RetentionPlan,
  type RetentionSettings,
  type RetentionStore,
} from '../../domain/retention/retention';

export interface RetentionDeps {
  store: RetentionStore;
  settings: RetentionSettings;
  now: () => Date;
}

/** Fixes a run's cutoffs once at its start, so every batch of the run agrees on what is old. */
export function planRetentionRun(deps: RetentionDeps, dryRun?: boolean): RetentionPlan {
  return retentionPlan(deps.now(), deps.settings, dryRun);
}

/** One bounded batch of a phase, after the cursor of the previous one. */
export function retentionBatch(
  deps: RetentionDeps,
  input: { plan: RetentionPlan; phase: RetentionPhase; after: RetentionCursor | null },
): Promise<RetentionBatch> {
  const batch = {
    cutoff: cutoffOf(input.plan, input.phase),
    after: input.after,
    limit: input.plan.batchSize,
    dryRun: input.plan.dryRun,
  };
  switch (input.phase) {
    case 'orders':
      return deps.store.orderBatch(batch);
    case 'notifications':
      return deps.store.notificationBatch(batch);
    case 'unmatched_notification_events':
      return deps.store.unmatchedNotificationEventBatch(batch);
  }
}
