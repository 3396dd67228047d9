import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getApiV1AdminKpis, type KpiFigure } from '../../api/generated';
import { TargetBar } from './parts/TargetBar';
import { KpiCharts } from './kpi/KpiCharts';
import './admin.css';
import { won } from '../../format/money';
import { seoulDay } from '../../format/dates';
import { QueryState } from '../../ui/ListState';

interface Card {
  key:
    | 'conversionRate'
    | 'averageOrderValue'
    | 'repurchaseRate'
    | 'paymentSuccessRate'
    | 'cancellationRate'
    | 'returnRate';
  title: string;
  rate: boolean;
}

const CARDS: Card[] = [
  { key: 'conversionRate', title: '구매 전환율', rate: true },
  { key: 'averageOrderValue', title: '평균 주문 금액', rate: false },
  { key: 'repurchaseRate', title: '재구매율', rate: true },
  { key: 'paymentSuccessRate', title: '결제 성공률', rate: true },
  { key: 'cancellationRate', title: '취소율', rate: true },
  { key: 'returnRate', title: '반품률', rate: true },
];

const show = (value: number | null, rate: boolean) =>
  value === null ? '—' : rate ? `${(value * 100).toFixed(1)}%` : won(Math.round(value));

/** KPI: the admin KPIs over Seoul days, each beside its target, and per-day charts (docs/kpis.md). */
export default function KpiPage() {
  const [draft, setDraft] = useState({ from: seoulDay(6), to: seoulDay(0) });
  const [range, setRange] = useState(draft);
  const query = useQuery({
    queryKey: ['admin', 'kpis', range],
    queryFn: async () => (await getApiV1AdminKpis({ query: range, throwOnError: true })).data,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setRange(draft);
  }
  const report = query.data;
  return (
    <section>
      <h1>KPI</h1>
      <form className="filters" onSubmit={submit} aria-label="기간">
        <label>
          시작일
          <input
            type="date"
            value={draft.from}
            required
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </label>
        <label>
          종료일
          <input
            type="date"
            value={draft.to}
            required
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit">조회</button>
      </form>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={!report}
        emptyText="지표가 없습니다."
      >
        {report && (
          <>
            <p className="muted">
              {report.from} ~ {report.to} (한국 시간 기준, 10분마다 집계)
            </p>
            <ul className="cards" aria-label="지표">
              {CARDS.map((card) => {
                const figure: KpiFigure = report[card.key];
                return (
                  <li key={card.key} className="card kpi-card" aria-label={card.title}>
                    <span className="tile-title">{card.title}</span>
                    <strong className="kpi-value">{show(figure.value, card.rate)}</strong>
                    <TargetBar
                      value={figure.value}
                      target={figure.target}
                      met={figure.met}
                      rate={card.rate}
                      label={`${card.title} ${show(figure.value, card.rate)}, 목표 ${show(figure.target, card.rate)}`}
                    />
                    <span className="muted">
                      목표 {figure.target === null ? '없음' : show(figure.target, card.rate)}
                      {figure.met !== null && (figure.met ? ' · 달성' : ' · 미달')} ·{' '}
                      {figure.numerator.toLocaleString('ko-KR')}/{figure.denominator.toLocaleString('ko-KR')}
                    </span>
                  </li>
                );
              })}
            </ul>
            <KpiCharts daily={report.daily} />
            {report.paymentSuccessRate.byPg.length > 0 && (
              <div className="table-wrap">
                <table>
                  <caption className="muted">결제사별 결제 성공률</caption>
                  <thead>
                    <tr>
                      <th scope="col">결제사</th>
                      <th scope="col">성공률</th>
                      <th scope="col">승인/응답</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.paymentSuccessRate.byPg.map((pg) => (
                      <tr key={pg.provider}>
                        <td>{pg.provider}</td>
                        <td>{show(pg.value, true)}</td>
                        <td>
                          {pg.numerator}/{pg.denominator}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
