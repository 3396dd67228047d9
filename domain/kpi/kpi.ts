import { daysFrom, type SeoulDay } from './seoul-day';

/** One Seoul day's figures (table kpi_daily), recomputed whole from the source tables by the rollup. */
export interface DailyKpis {
  day: SeoulDay;
  /** Distinct anonymous view sessions that opened a product page that day. */
  visitors: number;
  /** Orders whose payment was recorded (first PAID) that day. */
  ordersPaid: number;
  /** Distinct accounts among those orders' buyers. */
  buyers: number;
  /** Sum of those orders' totals in won (goods plus shipping, points included). */
  revenue: number;
  /** Orders with a paid part cancelled that day (unpaid orders expiring are not cancellations here). */
  cancellations: number;
  /** Orders with a part returned (return approved) that day. */
  returns: number;
  /** PG attempts decided that day (approved or refused), by PG. */
  payments: PgDailyPayments[];
}

export interface PgDailyPayments {
  provider: string;
  /** Attempts the PG answered: approved plus declined or failed; pending ones wait for their answer. */
  attempts: number;
  succeeded: number;
}

/** Paid orders of one buyer on one day (table kpi_daily_buyers): the input of the repurchase rate. */
export interface BuyerDay {
  userId: string;
  paidOrders: number;
}

/** The targets the shop's requirements set (docs/kpis.md); null where none is set. */
export const KPI_TARGETS = {
  conversionRate: { target: 0.03, higherIsBetter: true },
  averageOrderValue: { target: 50_000, higherIsBetter: true },
  repurchaseRate: { target: 0.3, higherIsBetter: true },
  paymentSuccessRate: { target: 0.95, higherIsBetter: true },
  cancellationRate: { target: null, higherIsBetter: false },
  returnRate: { target: null, higherIsBetter: false },
} as const;

export type KpiName = keyof typeof KPI_TARGETS;

export interface KpiFigure {
  /** null when the denominator is 0 (no visitors, no orders...): there is nothing to measure. */
  value: number | null;
  target: number | null;
  /** null when there is no value or no target. */
  met: boolean | null;
  numerator: number;
  denominator: number;
}

export function kpiFigure(name: KpiName, numerator: number, denominator: number): KpiFigure {
  const { target, higherIsBetter } = KPI_TARGETS[name];
  const value =
    denominator === 0 ? null : round(numerator / denominator, name === 'averageOrderValue' ? 0 : 4);
  const met = value === null || target === null ? null : higherIsBetter ? value >= target : value <= target;
  return { value, target, met, numerator, denominator };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Range totals: days add up, because visitors and buyers are both counted per day (docs/kpis.md). */
export interface KpiTotals {
  visitorDays: number;
  buyerDays: number;
  ordersPaid: number;
  revenue: number;
  cancellations: number;
  returns: number;
  payments: Map<string, { attempts: number; succeeded: number }>;
}

export function sumDays(days: readonly DailyKpis[]): KpiTotals {
  const totals: KpiTotals = {
    visitorDays: 0,
    buyerDays: 0,
    ordersPaid: 0,
    revenue: 0,
    cancellations: 0,
    returns: 0,
    payments: new Map(),
  };
  for (const day of days) {
    totals.visitorDays += day.visitors;
    totals.buyerDays += day.buyers;
    totals.ordersPaid += day.ordersPaid;
    totals.revenue += day.revenue;
    totals.cancellations += day.cancellations;
    totals.returns += day.returns;
    for (const pg of day.payments) {
      const sum = totals.payments.get(pg.provider) ?? { attempts: 0, succeeded: 0 };
      sum.attempts += pg.attempts;
      sum.succeeded += pg.succeeded;
      totals.payments.set(pg.provider, sum);
    }
  }
  return totals;
}

export interface KpiReport {
  from: SeoulDay;
  to: SeoulDay;
  conversionRate: KpiFigure;
  averageOrderValue: KpiFigure;
  repurchaseRate: KpiFigure;
  paymentSuccessRate: KpiFigure & { byPg: ({ provider: string } & KpiFigure)[] };
  cancellationRate: KpiFigure;
  returnRate: KpiFigure;
  /** Every day of the range, oldest first, with its own figures (no repurchase rate: a range figure). */
  daily: KpiDay[];
}

/** The report of a range from its days and its repurchase counts (distinct buyers over the range). */
export function kpiReport(input: {
  from: SeoulDay;
  to: SeoulDay;
  days: readonly DailyKpis[];
  buyers: { buyers: number; repeatBuyers: number };
}): KpiReport {
  const totals = sumDays(input.days);
  const byPg = [...totals.payments.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([provider, { attempts, succeeded }]) => ({
      provider,
      ...kpiFigure('paymentSuccessRate', succeeded, attempts),
    }));
  const attempts = byPg.reduce((sum, pg) => sum + pg.denominator, 0);
  const succeeded = byPg.reduce((sum, pg) => sum + pg.numerator, 0);
  return {
    from: input.from,
    to: input.to,
    conversionRate: kpiFigure('conversionRate', totals.buyerDays, totals.visitorDays),
    averageOrderValue: kpiFigure('averageOrderValue', totals.revenue, totals.ordersPaid),
    repurchaseRate: kpiFigure('repurchaseRate', input.buyers.repeatBuyers, input.buyers.buyers),
    paymentSuccessRate: { ...kpiFigure('paymentSuccessRate', succeeded, attempts), byPg },
    cancellationRate: kpiFigure('cancellationRate', totals.cancellations, totals.ordersPaid),
    returnRate: kpiFigure('returnRate', totals.returns, totals.ordersPaid),
    daily: kpiDailySeries(input.from, input.to, input.days),
  };
}

/**
 * One Seoul day of the report's daily series: the day's own counts and the per-day figures. The
 * repurchase rate is left out: it counts distinct buyers over the whole range, not per day.
 */
export interface KpiDay {
  day: SeoulDay;
  visitors: number;
  ordersPaid: number;
  revenue: number;
  conversionRate: KpiFigure;
  averageOrderValue: KpiFigure;
  paymentSuccessRate: KpiFigure;
  cancellationRate: KpiFigure;
  returnRate: KpiFigure;
}

/**
 * One entry per day of the range, oldest first. A day without aggregates (nothing happened, or not
 * rolled up yet) counts zeros, so its rates are null like any day without a denominator.
 */
export function kpiDailySeries(from: SeoulDay, to: SeoulDay, days: readonly DailyKpis[]): KpiDay[] {
  const byDay = new Map(days.map((day) => [day.day, day]));
  return daysFrom(from, to).map((day) => {
    const kpis = byDay.get(day);
    const [visitors, buyers, ordersPaid, revenue] = kpis
      ? [kpis.visitors, kpis.buyers, kpis.ordersPaid, kpis.revenue]
      : [0, 0, 0, 0];
    const payments = kpis?.payments ?? [];
    const attempts = payments.reduce((sum, pg) => sum + pg.attempts, 0);
    const succeeded = payments.reduce((sum, pg) => sum + pg.succeeded, 0);
    return {
      day,
      visitors,
      ordersPaid,
      revenue,
      conversionRate: kpiFigure('conversionRate', buyers, visitors),
      averageOrderValue: kpiFigure('averageOrderValue', revenue, ordersPaid),
      paymentSuccessRate: kpiFigure('paymentSuccessRate', succeeded, attempts),
      cancellationRate: kpiFigure('cancellationRate', kpis?.cancellations ?? 0, ordersPaid),
      returnRate: kpiFigure('returnRate', kpis?.returns ?? 0, ordersPaid),
    };
  });
}
