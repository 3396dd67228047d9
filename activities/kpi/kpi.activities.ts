import {
  backfillDays,
  pruneViewSessions,
  recentKpiDays,
  rollupKpiDay,
  type KpiRollupDeps,
} from '../../application/kpi/rollup-kpis';
import type { SeoulDay } from '../../domain/kpi/seoul-day';
import type { Logger } from '../../platform/observability/logger';

export interface KpiActivityDeps extends KpiRollupDeps {
  logger: Logger;
}

/** The KPI rollup (docs/kpis.md). Each day is recomputed whole, so a retried activity writes the same rows. */
export function createKpiActivities(deps: KpiActivityDeps) {
  return {
    /** Today and yesterday by the worker's clock, or the days of a backfill up to today. */
    async kpiRollupDays(input: { from?: SeoulDay; to?: SeoulDay }): Promise<SeoulDay[]> {
      if (input.from && input.to) return backfillDays(input.from, input.to, deps.now());
      return recentKpiDays(deps.now());
    },

    async rollupKpiDay(input: { day: SeoulDay }): Promise<void> {
      const kpis = await rollupKpiDay(deps, input.day);
      deps.logger.debug({ kpis }, 'kpi day recomputed');
    },

    async pruneViewSessions(): Promise<number> {
      const deleted = await pruneViewSessions(deps);
      if (deleted > 0) deps.logger.info({ deleted }, 'old anonymous view sessions deleted');
      return deleted;
    },
  };
}

export type KpiActivities = ReturnType<typeof createKpiActivities>;
