import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getApiV1AdminNotifications, type GetApiV1AdminNotificationsResponse } from '../../api/generated';
import './admin.css';
import { dateTime } from '../../format/dates';
import { QueryState } from '../../ui/ListState';
import { Pager, useCursors } from '../../ui/Paging';

type Item = GetApiV1AdminNotificationsResponse['items'][number];
type Filters = { orderId?: string; userId?: string };

const STATUS_LABELS: Record<Item['status'], string> = {
  PENDING: '대기',
  SENT: '발송됨',
  DELIVERED: '전달됨',
  FAILED: '실패',
};
const CHANNEL_LABELS: Record<Item['attempts'][number]['channel'], string> = {
  ALIMTALK: '알림톡',
  SMS: 'SMS',
  LMS: 'LMS',
  EMAIL: '이메일',
};

/** 알림 발송 기록: every AlimTalk, SMS and e-mail sent, with its attempts and fallbacks. */
export default function NotificationsPage() {
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursors();
  const cursor = pages.cursor;
  const query = useQuery({
    queryKey: ['admin', 'notifications', filters, cursor],
    queryFn: async () =>
      (await getApiV1AdminNotifications({ query: { ...filters, cursor, size: 20 }, throwOnError: true }))
        .data,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    pages.reset();
    setFilters({ orderId: draft.orderId?.trim() || undefined, userId: draft.userId?.trim() || undefined });
  }
  const items = query.data?.items ?? [];
  return (
    <section>
      <h1>알림 발송 기록</h1>
      <form className="filters" onSubmit={submit} aria-label="알림 필터">
        <label>
          주문 ID
          <input
            value={draft.orderId ?? ''}
            onChange={(e) => setDraft({ ...draft, orderId: e.target.value })}
          />
        </label>
        <label>
          회원 ID
          <input
            value={draft.userId ?? ''}
            onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
          />
        </label>
        <button type="submit">조회</button>
      </form>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={items.length === 0}
        emptyText="발송 기록이 없습니다."
      >
        <div className="table-wrap">
          <table>
            <caption className="muted">알림 발송 기록 (최신순)</caption>
            <thead>
              <tr>
                <th scope="col">템플릿</th>
                <th scope="col">상태</th>
                <th scope="col">채널 (시도)</th>
                <th scope="col">받는 사람</th>
                <th scope="col">요청 시각</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <code>{item.templateCode}</code>
                  </td>
                  <td>
                    <span className={`badge${item.status === 'FAILED' ? ' bad' : ''}`}>
                      {STATUS_LABELS[item.status]}
                    </span>
                  </td>
                  <td className="wrap">
                    {item.attempts.length === 0
                      ? '—'
                      : item.attempts
                          .map(
                            (a) =>
                              `${CHANNEL_LABELS[a.channel]} ${a.status === 'FAILED' ? `실패${a.failureReason ? `(${a.failureReason})` : ''}` : a.status === 'DELIVERED' ? '전달' : '접수'}`,
                          )
                          .join(' → ')}
                  </td>
                  <td>{item.attempts[0]?.maskedRecipient ?? '—'}</td>
                  <td>{dateTime(item.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager back={pages.back} next={pages.nextTo(query.data?.nextCursor)} />
      </QueryState>
    </section>
  );
}
