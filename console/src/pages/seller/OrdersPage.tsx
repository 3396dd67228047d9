import { Link, useSearchParams } from 'react-router';
import { ORDER_STATUS_LABEL, seoulDateTime, won } from './ops/labels';
import { problemText } from './ops/problem';
import { OrderLines } from './fulfilment/OrderLines';
import { PrepareButton } from './fulfilment/PrepareButton';
import { useSellerOrders, type PartStatus } from './fulfilment/useSellerOrders';
import './ops/ops.css';

const TABS: { status: PartStatus; label: string; empty: string }[] = [
  { status: 'PAID', label: '신규 주문', empty: '새로 결제된 주문이 없습니다.' },
  { status: 'PREPARING', label: '발송 대기', empty: '발송을 기다리는 주문이 없습니다.' },
  { status: 'SHIPPED', label: '배송중', empty: '배송 중인 주문이 없습니다.' },
  { status: 'DELIVERED', label: '배송 완료', empty: '배송 완료된 주문이 없습니다.' },
];

/** 주문 관리: the seller's parts by status; 상품 준비 for new paid ones, 발송 처리 for those waiting. */
export default function OrdersPage() {
  const [params] = useSearchParams();
  const tab = TABS.find((t) => t.status === params.get('status')) ?? TABS[0]!;
  const orders = useSellerOrders(tab.status);

  return (
    <section>
      <h1>주문 관리</h1>
      <nav className="tabs" aria-label="주문 상태">
        {TABS.map((t) => (
          <Link key={t.status} to={`?status=${t.status}`} aria-current={t === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {orders.isLoading && <p className="muted">불러오는 중…</p>}
      {orders.isError && (
        <p role="alert" className="error">
          {problemText(orders.error)}
        </p>
      )}
      {orders.isSuccess && orders.items.length === 0 && <p className="muted">{tab.empty}</p>}
      {orders.items.length > 0 && (
        <div className="table-wrap">
          <table aria-label={`${tab.label} 목록`}>
            <thead>
              <tr>
                <th scope="col">주문번호</th>
                <th scope="col">상품</th>
                <th scope="col">금액</th>
                <th scope="col">주문 일시</th>
                <th scope="col">상태</th>
                <th scope="col">작업</th>
              </tr>
            </thead>
            <tbody>
              {orders.items.map((order) => (
                <tr key={order.orderId}>
                  <td>{order.orderNumber}</td>
                  <td>
                    <OrderLines order={order} />
                  </td>
                  <td>{won(order.subtotal + order.shippingFee)}</td>
                  <td>{seoulDateTime(order.placedAt)}</td>
                  <td>{ORDER_STATUS_LABEL[order.status]}</td>
                  <td>
                    {order.status === 'PAID' && <PrepareButton order={order} />}
                    {order.status === 'PREPARING' && <Link to="/seller/shipments">발송 처리</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {orders.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={orders.isFetchingNextPage}
          onClick={() => void orders.fetchNextPage()}
        >
          더 보기
        </button>
      )}
    </section>
  );
}
