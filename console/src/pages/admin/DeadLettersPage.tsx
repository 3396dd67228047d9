import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  getApiV1AdminDeadLetters,
  postApiV1AdminDeadLettersByIdResolve,
  postApiV1AdminDeadLettersByIdRetry,
  type DeadLetter,
  type GetApiV1AdminDeadLettersData,
} from '../../api/generated';
import './admin.css';
import { dateTime } from '../../format/dates';
import { QueryState, MutationError } from '../../ui/ListState';
import { Pager } from '../../ui/Paging';
import { ReasonForm } from '../../ui/ReasonForm';
import { LabelSelect } from '../../ui/LabelSelect';

type Filters = NonNullable<GetApiV1AdminDeadLettersData['query']>;
const SIZE = 20;

const KIND_LABELS: Record<NonNullable<Filters['kind']>, string> = {
  payment: '결제',
  refund: '환불',
  settlement: '정산',
  notification: '알림',
  job: '예약 작업',
  projection: '검색 반영',
};
/** Kinds an operator can start again from here; the others are retried by their own context. */
const RETRYABLE = new Set<string>(['payment', 'refund', 'settlement', 'projection']);
const STATUS_LABELS: Record<DeadLetter['status'], string> = {
  OPEN: '처리 대기',
  RETRIED: '재시도함',
  RESOLVED: '처리 완료',
};

/** 실패 작업: work that failed for good (refused refunds, payments, payouts…), retried or closed by hand. */
export default function DeadLettersPage() {
  const [filters, setFilters] = useState<Filters>({ status: 'OPEN' });
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['admin', 'dead-letters', filters, page],
    queryFn: async () =>
      (await getApiV1AdminDeadLetters({ query: { ...filters, page, size: SIZE }, throwOnError: true })).data,
  });
  const change = (next: Filters) => {
    setPage(1);
    setFilters(next);
  };
  const items = query.data?.items ?? [];
  const total = query.data?.total ?? 0;
  return (
    <section>
      <h1>실패 작업</h1>
      <form className="filters" aria-label="실패 작업 필터" onSubmit={(e) => e.preventDefault()}>
        <LabelSelect
          label="처리 상태"
          value={filters.status ?? ''}
          labels={STATUS_LABELS}
          onChange={(value) => change({ ...filters, status: (value || undefined) as Filters['status'] })}
        />
        <LabelSelect
          label="종류"
          value={filters.kind ?? ''}
          labels={KIND_LABELS}
          onChange={(value) => change({ ...filters, kind: (value || undefined) as Filters['kind'] })}
        />
      </form>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={items.length === 0}
        emptyText="처리할 실패 작업이 없습니다."
      >
        <p className="muted">총 {total.toLocaleString('ko-KR')}건</p>
        <div className="table-wrap">
          <table>
            <caption className="muted">실패 작업 목록</caption>
            <thead>
              <tr>
                <th scope="col">종류</th>
                <th scope="col">대상</th>
                <th scope="col">오류</th>
                <th scope="col">시도</th>
                <th scope="col">발생 시각</th>
                <th scope="col">상태</th>
                <th scope="col">처리</th>
              </tr>
            </thead>
            <tbody>
              {items.map((letter) => (
                <LetterRow key={letter.id} letter={letter} />
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          back={page > 1 && (() => setPage(page - 1))}
          next={page * SIZE < total && (() => setPage(page + 1))}
        />
      </QueryState>
    </section>
  );
}

function LetterRow({ letter }: { letter: DeadLetter }) {
  const queries = useQueryClient();
  const [closing, setClosing] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin', 'dead-letters'] });
  const retry = useMutation({
    mutationFn: () => postApiV1AdminDeadLettersByIdRetry({ path: { id: letter.id }, throwOnError: true }),
    onSuccess: refresh,
  });
  const resolve = useMutation({
    mutationFn: (note: string) =>
      postApiV1AdminDeadLettersByIdResolve({ path: { id: letter.id }, body: { note }, throwOnError: true }),
    onSuccess: refresh,
  });
  const kind = KIND_LABELS[letter.kind as keyof typeof KIND_LABELS] ?? letter.kind;
  return (
    <tr data-reference={letter.reference}>
      <td>{kind}</td>
      <td className="wrap">
        <code>{letter.reference}</code>
      </td>
      <td className="wrap">
        <strong>{letter.lastError.code}</strong> {letter.lastError.message}
      </td>
      <td>{letter.attempts}회</td>
      <td>{dateTime(letter.createdAt)}</td>
      <td>
        <span className={`badge${letter.status === 'OPEN' ? ' bad' : ' good'}`}>
          {STATUS_LABELS[letter.status]}
        </span>
        {letter.note && <div className="muted">{letter.note}</div>}
      </td>
      <td>
        {letter.status === 'OPEN' && (
          <div className="row-actions">
            {RETRYABLE.has(letter.kind) && (
              <button
                type="button"
                aria-label={`${kind} ${letter.reference} 재시도`}
                disabled={retry.isPending}
                onClick={() => retry.mutate()}
              >
                재시도
              </button>
            )}
            {closing ? (
              <ReasonForm
                field="처리 메모"
                submit="처리 완료"
                busy={resolve.isPending}
                maxLength={500}
                onSubmit={(note) => resolve.mutate(note)}
              />
            ) : (
              <button type="button" className="link-button" onClick={() => setClosing(true)}>
                수동 처리
              </button>
            )}
          </div>
        )}
        <MutationError error={retry.error ?? resolve.error} />
      </td>
    </tr>
  );
}
