import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  getApiV1AdminSettlements,
  postApiV1AdminSettlementsRun,
  type GetApiV1AdminSettlementsData,
  type SettlementSummary,
} from '../../api/generated';
import { SettlementDetail } from './parts/SettlementDetail';
import './admin.css';
import { won } from '../../format/money';
import { QueryState, MutationError } from '../../ui/ListState';
import { Pager, useCursors } from '../../ui/Paging';
import { LabelSelect } from '../../ui/LabelSelect';

type Filters = NonNullable<GetApiV1AdminSettlementsData['query']>;

const STATUS_LABELS: Record<SettlementSummary['status'], string> = {
  CARRIED_OVER: '이월',
  PAYOUT_PENDING: '지급 대기',
  PAID_OUT: '지급 완료',
  COMPLETED: '정산 완료',
  PAYOUT_FAILED: '지급 실패',
};

/** 정산 실행: start a week's settlement run by hand, the sellers' settlements and their adjustments. */
export default function SettlementRunsPage() {
  const queries = useQueryClient();
  const [weekStart, setWeekStart] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursors();
  const [openId, setOpenId] = useState<string | null>(null);
  const cursor = pages.cursor;
  const list = useQuery({
    queryKey: ['admin', 'settlements', filters, cursor],
    queryFn: async () =>
      (await getApiV1AdminSettlements({ query: { ...filters, cursor, size: 20 }, throwOnError: true })).data,
  });
  const run = useMutation({
    mutationFn: async () =>
      (
        await postApiV1AdminSettlementsRun({
          body: weekStart ? { weekStart } : {},
          throwOnError: true,
        })
      ).data,
    onSuccess: () => queries.invalidateQueries({ queryKey: ['admin', 'settlements'] }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    run.mutate();
  }
  const items = list.data?.items ?? [];
  return (
    <section>
      <h1>정산 실행</h1>
      <form className="filters" onSubmit={submit} aria-label="정산 실행">
        <label>
          정산할 주의 월요일 (비우면 지난주)
          <input type="date" value={weekStart} onChange={(e) => setWeekStart(e.target.value)} />
        </label>
        <button type="submit" disabled={run.isPending}>
          정산 실행
        </button>
      </form>
      <MutationError error={run.error} />
      {run.data && (
        <p role="status" className="notice">
          {run.data.weekId} 정산을 {run.data.started ? '시작했습니다' : '이미 실행 중입니다'} (
          {run.data.period.start} ~ {run.data.period.end}).
        </p>
      )}
      <form className="filters" aria-label="정산 목록 필터" onSubmit={(e) => e.preventDefault()}>
        <LabelSelect
          label="정산 상태"
          value={filters.status ?? ''}
          labels={STATUS_LABELS}
          onChange={(value) => {
            pages.reset();
            setFilters({ ...filters, status: (value || undefined) as Filters['status'] });
          }}
        />
      </form>
      <QueryState
        isPending={list.isPending}
        error={list.error}
        empty={items.length === 0}
        emptyText="아직 정산 내역이 없습니다."
      >
        <div className="table-wrap">
          <table>
            <caption className="muted">판매자별 주간 정산</caption>
            <thead>
              <tr>
                <th scope="col">주</th>
                <th scope="col">판매자</th>
                <th scope="col">상태</th>
                <th scope="col">매출</th>
                <th scope="col">수수료</th>
                <th scope="col">환불</th>
                <th scope="col">지급액</th>
                <th scope="col">상세</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>{s.weekId}</td>
                  <td>
                    <code>{s.sellerId.slice(-8)}</code>
                  </td>
                  <td>{STATUS_LABELS[s.status]}</td>
                  <td>{won(s.gross)}</td>
                  <td>{won(s.fee)}</td>
                  <td>{won(s.refunds)}</td>
                  <td>{won(s.net)}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={openId === s.id}
                      onClick={() => setOpenId(openId === s.id ? null : s.id)}
                    >
                      조정 내역
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager back={pages.back} next={pages.nextTo(list.data?.nextCursor)} />
      </QueryState>
      {openId && <SettlementDetail id={openId} />}
    </section>
  );
}
