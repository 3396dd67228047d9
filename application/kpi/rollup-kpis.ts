import type { DailyKpis } from '../../domain/kpi/kpi';
import type { KpiStore } from '../../domain/kpi/ports';
import { addDays, daysFrom, seoulDayOf, type SeoulDay } from '../../domain/kpi/seoul-day';

export interface KpiRollupDeps {
  store: KpiStore;
  now: () => Date;
}

/** Anonymous view sessions are kept this many days; kpi_daily keeps their daily count for good. */
export const VIEW_SESSION_DAYS = 35;

/** Recomputes one day's aggregates from the source tables and replaces the stored ones. */
export async function rollupKpiDay(deps: KpiRollupDeps, day: SeoulDay): Promise<DailyKpis> {
  const { kpis, buyers } = await deps.store.computeDay(day);
  await deps.store.saveDay(kpis, buyers, deps.now());
  return kpis;
}

/** What the 10-minute schedule refreshes: today so far, and yesterday for its late payments and cancels. */
export function recentKpiDays(now: Date): SeoulDay[] {
  const today = seoulDayOf(now);
  return [addDays(today, -1), today];
}

/** The days of a backfill, oldest first; never later than today. */
export function backfillDays(from: SeoulDay, to: SeoulDay, now: Date): SeoulDay[] {
  const today = seoulDayOf(now);
  return daysFrom(from, to < today ? to : today);
}

export function pruneViewSessions(deps: KpiRollupDeps): Promise<number> {
  return deps.store.pruneViewSessionsBefore(addDays(seoulDayOf(deps.now()), -VIEW_SESSION_DAYS));
}
