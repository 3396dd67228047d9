import type { KpiDay } from '../../../api/generated';
import { DailyChart } from './DailyChart';
import './kpi.css';
import { won } from '../../../format/money';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const count = (value: number) => `${value.toLocaleString('ko-KR')}건`;
/** 12,345원 → 1.2만: short enough to sit above a bar on a phone. */
const compactWon = (value: number) =>
  value >= 10_000 ? `${(value / 10_000).toFixed(1)}만` : value.toLocaleString('ko-KR');

/** The report's daily series (docs/kpis.md) as one chart per KPI, each day a bar. */
export function KpiCharts({ daily }: { daily: KpiDay[] }) {
  const series = (pick: (day: KpiDay) => number | null) =>
    daily.map((day) => ({ day: day.day, value: pick(day) }));
  return (
    <section aria-label="일별 추이" className="kpi-charts">
      <DailyChart
        title="일별 구매 전환율"
        points={series((d) => d.conversionRate.value)}
        target={daily[0]?.conversionRate.target}
        short={percent}
        full={percent}
      />
      <DailyChart
        title="일별 결제 성공률"
        points={series((d) => d.paymentSuccessRate.value)}
        target={daily[0]?.paymentSuccessRate.target}
        short={percent}
        full={percent}
      />
      <DailyChart
        title="일별 주문 수"
        points={series((d) => d.ordersPaid)}
        short={(v) => v.toLocaleString('ko-KR')}
        full={count}
      />
      <DailyChart
        title="일별 평균 주문 금액"
        points={series((d) => d.averageOrderValue.value)}
        target={daily[0]?.averageOrderValue.target}
        short={compactWon}
        full={won}
      />
    </section>
  );
}
