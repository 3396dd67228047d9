import { proxyActivities } from '@temporalio/workflow';
import type { KpiActivities } from '../../activities/kpi/kpi.activities';
import { DATABASE_RETRY } from '../shared/activity-options';
import type { KpiRollupInput, KpiRollupReport } from './kpi.messages';

const kpi = proxyActivities<KpiActivities>({
  startToCloseTimeout: '2 minutes',
  retry: DATABASE_RETRY,
});

/**
 * Materializes the daily KPI aggregates (docs/kpis.md): started every 10 minutes by the
 * `kpi-rollup` schedule for today and yesterday, or by hand for a range (a backfill).
 */
export async function kpiRollupWorkflow(input: KpiRollupInput = {}): Promise<KpiRollupReport> {
  const days = await kpi.kpiRollupDays({ from: input.from, to: input.to });
  for (const day of days) await kpi.rollupKpiDay({ day });
  if (!input.from) await kpi.pruneViewSessions();
  return { days };
}
