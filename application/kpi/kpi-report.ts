import { kpiReport, type KpiReport } from '../../domain/kpi/kpi';
import type { KpiReadModel } from '../../domain/kpi/ports';
import { addDays, seoulDayOf, type SeoulDay } from '../../domain/kpi/seoul-day';

/** The longest range one report covers (one year and a day, so a leap year fits). */
export const MAX_KPI_RANGE_DAYS = 366;
export const DEFAULT_KPI_RANGE_DAYS = 7;

/** Absent bounds: the last 7 days up to today (Seoul), or 7 days ending at `to` / starting at `from`. */
export function kpiRange(
  input: { from?: SeoulDay; to?: SeoulDay },
  now: Date,
): { from: SeoulDay; to: SeoulDay } {
  const span = DEFAULT_KPI_RANGE_DAYS - 1;
  if (input.from && input.to) return { from: input.from, to: input.to };
  if (input.from) return { from: input.from, to: addDays(input.from, span) };
  const to = input.to ?? seoulDayOf(now);
  return { from: addDays(to, -span), to };
}

/** The admins' KPI report over a range, read from the daily aggregates only. */
export async function kpiRangeReport(
  readModel: KpiReadModel,
  range: { from: SeoulDay; to: SeoulDay },
): Promise<KpiReport> {
  const [days, buyers] = await Promise.all([
    readModel.days(range.from, range.to),
    readModel.buyers(range.from, range.to),
  ]);
  return kpiReport({ ...range, days, buyers });
}
