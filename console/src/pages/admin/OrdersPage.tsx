import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { getApiV1AdminOrders, type GetApiV1AdminOrdersData } from '../../api/generated';
import './admin.css';
import { won } from '../../format/money';
import { dateTime } from '../../format/dates';
import { ORDER_STATUS_LABEL, orderStatus } from '../../format/statusLabels';
import { QueryState } from '../../ui/ListState';
import { Pager, useCursors } from '../../ui/Paging';
import { LabelSelect } from '../../ui/LabelSelect';

type Filters = NonNullable<GetApiV1AdminOrdersData['query']>;
type Status = Filters['status'];

/** 주문 조회: open an order by its number, or filter the list (status, days, buyer). */
export default function OrdersPage() {
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const pages = useCursors();
  const cursor = pages.cursor;
  const query = useQuery({
    queryKey: ['admin', 'orders', filters, cursor],
    queryFn: async () =>
      (await getApiV1AdminOrders({ query: { ...filters, cursor, size: 20 }, throwOnError: true })).data,
  });

  function open(event: FormEvent) {
    event.preventDefault();
    const value = number.trim().toUpperCase();
    if (value) void navigate(`/admin/orders/${encodeURIComponent(value)}`);
  }
  function filter(event: FormEvent) {
    event.preventDefault();
    const cleaned = Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v !== undefined));
    pages.reset();
    setFilters(cleaned);
  }
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });

  const items = query.data?.items ?? [];
  return (
    <section>
      <h1>주문 조회</h1>
      <form className="filters" onSubmit={open} role="search" aria-label="주문번호로 찾기">
        <label>
          주문번호
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="JT…" required />
        </label>
        <button type="submit">주문 열기</button>
      </form>
      <form className="filters" onSubmit={filter} aria-label="주문 목록 필터">
        <LabelSelect
          label="주문 상태"
          value={draft.status ?? ''}
          labels={ORDER_STATUS_LABEL}
          onChange={(value) => setDraft({ ...draft, status: (value || undefined) as Status })}
        />
        <label>
          시작일
          <input type="date" value={draft.from ?? ''} onChange={set('from')} />
        </label>
        <label>
          종료일
          <input type="date" value={draft.to ?? ''} onChange={set('to')} />
        </label>
        <label>
          구매자 이메일
          <input type="email" value={draft.buyerEmail ?? ''} onChange={set('buyerEmail')} />
        </label>
        <label>
          구매자 전화번호
          <input type="tel" value={draft.buyerPhone ?? ''} onChange={set('buyerPhone')} />
        </label>
        <button type="submit">목록 보기</button>
      </form>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={items.length === 0}
        emptyText="조건에 맞는 주문이 없습니다."
      >
        <div className="table-wrap">
          <table>
            <caption className="muted">주문 목록 (최신순)</caption>
            <thead>
              <tr>
                <th scope="col">주문번호</th>
                <th scope="col">상품</th>
                <th scope="col">상태</th>
                <th scope="col">결제 금액</th>
                <th scope="col">주문 시각</th>
              </tr>
            </thead>
            <tbody>
              {items.map((order) => (
                <tr key={order.id}>
                  <td>
                    <Link to={`/admin/orders/${order.orderNumber}`}>{order.orderNumber}</Link>
                  </td>
                  <td className="wrap">{order.title}</td>
                  <td>{orderStatus(order.status)}</td>
                  <td>{won(order.totalAmount)}</td>
                  <td>{dateTime(order.placedAt)}</td>
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
