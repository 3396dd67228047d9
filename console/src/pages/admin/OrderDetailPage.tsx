import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { getApiV1AdminOrdersByNumberByOrderNumber } from '../../api/generated';
import './admin.css';
import { won } from '../../format/money';
import { dateTime } from '../../format/dates';
import { orderStatus } from '../../format/statusLabels';
import { QueryState } from '../../ui/ListState';

const COMMAND_LABELS: Record<string, string> = {
  PLACE: '주문 접수',
  MARK_PAID: '결제 승인',
  FAIL_PAYMENT: '결제 실패',
  EXPIRE_PAYMENT: '결제 기한 만료',
  CANCEL: '취소',
  START_PREPARING: '발송 준비',
  SHIP: '송장 등록',
  DELIVER: '배송 완료',
  CONFIRM_PURCHASE: '구매 확정',
  REQUEST_RETURN: '반품 요청',
  APPROVE_RETURN: '반품 승인',
};

/** One order for operators: summary, its timeline, and its workflows in the Temporal UI. */
export default function OrderDetailPage() {
  const { orderNumber = '' } = useParams();
  const query = useQuery({
    queryKey: ['admin', 'order', orderNumber],
    queryFn: async () =>
      (await getApiV1AdminOrdersByNumberByOrderNumber({ path: { orderNumber }, throwOnError: true })).data,
  });
  const order = query.data;
  return (
    <section>
      <div className="heading">
        <h1>주문 {orderNumber}</h1>
        <Link to="/admin/orders">주문 조회로</Link>
      </div>
      <QueryState isPending={query.isPending} error={query.error} empty={!order} emptyText="주문이 없습니다.">
        {order && (
          <>
            <dl className="card" aria-label="주문 요약">
              <dt>상품</dt>
              <dd>{order.title}</dd>
              <dt>상태</dt>
              <dd>
                <span className="badge">{orderStatus(order.status)}</span>
              </dd>
              <dt>결제 금액</dt>
              <dd>
                {won(order.totalAmount)} (상품 {won(order.goodsAmount)}, 배송비 {won(order.shippingFee)})
              </dd>
              <dt>주문 시각</dt>
              <dd>{dateTime(order.placedAt)}</dd>
              <dt>받는 분</dt>
              <dd>
                {order.shippingAddress
                  ? `${order.shippingAddress.recipient} · ${order.shippingAddress.phone}`
                  : '구매자 탈퇴로 삭제됨'}
              </dd>
            </dl>
            <h2>처리 이력</h2>
            {order.timeline.length === 0 ? (
              <p className="muted">이력이 없습니다.</p>
            ) : (
              <ol className="timeline" aria-label="처리 이력">
                {order.timeline.map((entry, i) => (
                  <li key={i}>
                    <strong>{orderStatus(entry.status)}</strong>{' '}
                    <span className="muted">
                      {dateTime(entry.at)} · {COMMAND_LABELS[entry.command] ?? entry.command}
                      {entry.sellerId ? ' · 판매자별' : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
            <h2>워크플로</h2>
            <p>
              주문 워크플로 ID: <code>{order.workflows.orderWorkflowId}</code>
            </p>
            {order.workflows.temporalUiUrl ? (
              <a href={order.workflows.temporalUiUrl} target="_blank" rel="noreferrer">
                Temporal UI에서 워크플로 보기
              </a>
            ) : (
              <p className="muted">Temporal UI 주소(TEMPORAL_UI_URL)가 설정되지 않았습니다.</p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
