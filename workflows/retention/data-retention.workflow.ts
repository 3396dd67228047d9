import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities } from '../../activities/retention/retention.activities';
import { addCounts, RETENTION_PHASES, type RetentionPhase } from '../../domain/retention/retention';
import { DATABASE_RETRY } from '../shared/activity-options';
import type { DataRetentionInput, DataRetentionReport } from './retention.messages';

const retention = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '5 minutes',
  retry: DATABASE_RETRY,
});

const BATCHES_PER_RUN = 200;

/**
 * Started daily by the `data-retention` schedule (docs/retention.md): deletes finished orders older
 * than RETENTION_ORDER_YEARS with every row of theirs, then notification logs older than
 * RETENTION_NOTIFICATION_DAYS, one bounded batch per activity, and logs one line of counts.
 */
export async function dataRetentionWorkflow(input: DataRetentionInput = {}): Promise<DataRetentionReport> {
  const plan = input.resume?.plan ?? (await retention.planRetentionRun({ dryRun: input.dryRun }));
  let counts = input.resume?.counts ?? {};
  let batches = input.resume?.batches ?? 0;
  let after = input.resume?.after ?? null;
  const limit = input.batchesPerRun ?? BATCHES_PER_RUN;
  let thisRun = 0;
  const first = RETENTION_PHASES.indexOf(input.resume?.phase ?? 'orders');
  for (const phase of RETENTION_PHASES.slice(first) as RetentionPhase[]) {
    for (;;) {
      if (thisRun >= limit)
        await continueAsNew<typeof dataRetentionWorkflow>({
          batchesPerRun: input.batchesPerRun,
          resume: { plan, phase, after, counts, batches },
        });
      const batch = await retention.retentionBatch({ plan, phase, after });
      counts = addCounts(counts, batch.counts);
      batches += 1;
      thisRun += 1;
      if (batch.done || !batch.last) break;
      after = batch.last;
    }
    after = null;
  }
  await retention.reportRetentionRun({ plan, counts, batches });
  return { plan, counts, batches };
}
