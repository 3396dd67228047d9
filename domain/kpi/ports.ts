import type { BuyerDay, DailyKpis } from './kpi';
import type { SeoulDay } from './seoul-day';

/** Where the rollup reads a day's facts and keeps its aggregates. */
export interface KpiStore {
  /** The day's figures and per-buyer counts, computed from the source tables over the day's span only. */
  computeDay(day: SeoulDay): Promise<{ kpis: DailyKpis; buyers: BuyerDay[] }>;
  /** Replaces the day's aggregates (idempotent: a rerun writes the same rows). */
  saveDay(kpis: DailyKpis, buyers: readonly BuyerDay[], refreshedAt: Date): Promise<void>;
  /** Deletes anonymous view sessions of days before `day` (kpi_daily keeps their count). */
  pruneViewSessionsBefore(day: SeoulDay): Promise<number>;
}

/** The aggregates the admin report reads; never the orders themselves. */
export interface KpiReadModel {
  days(from: SeoulDay, to: SeoulDay): Promise<DailyKpis[]>;
  /** Distinct buyers over the range and those among them with two or more paid orders in it. */
  buyers(from: SeoulDay, to: SeoulDay): Promise<{ buyers: number; repeatBuyers: number }>;
}

/** Records that a view session opened a product page on a day; only a keyed hash is kept. */
export interface ViewSessionSink {
  record(day: SeoulDay, sessionHash: string): void;
}
