import { Link, useSearchParams } from 'react-router';
import { OrderLines } from './fulfilment/OrderLines';
import { PrepareButton } from './fulfilment/PrepareButton';
import { useSellerOrders, type PartStatus } from './fulfilment/useSellerOrders';
import './ops/ops.css';
import { won } from '../../format/money';
import { dateTime } from '../../format/dates';
import { ORDER_STATUS_LABEL } from '../../format/statusLabels';
import { QueryState } from '../../ui/ListState';
import { MoreButton } from '../../ui/Paging';

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
      <QueryState
        isPending={orders.isLoading}
        error={orders.error}
        empty={orders.items.length === 0}
        emptyText={tab.empty}
      >
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
                  <td>{dateTime(order.placedAt)}</td>
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
      </QueryState>
      <MoreButton {...orders} />
    </section>
  );
}
