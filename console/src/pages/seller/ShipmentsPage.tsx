import { useQuery } from '@tanstack/react-query';
import { getApiV1SellerShipments } from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { COURIERS } from './ops/couriers';
import { BulkInvoiceUpload } from './fulfilment/BulkInvoiceUpload';
import { OrderLines } from './fulfilment/OrderLines';
import { ShipForm } from './fulfilment/ShipForm';
import { useSellerOrders } from './fulfilment/useSellerOrders';
import './ops/ops.css';
import { dateTime } from '../../format/dates';
import { ORDER_STATUS_LABEL } from '../../format/statusLabels';
import { QueryState } from '../../ui/ListState';
import { MoreButton } from '../../ui/Paging';

const TRACKING_LABEL: Record<string, string> = {
  READY: '송장 등록',
  PICKED_UP: '집화',
  IN_TRANSIT: '배송중',
  OUT_FOR_DELIVERY: '배송 출발',
};

/** 발송 처리: parts waiting to ship (택배사 + 송장번호 each, or a CSV for many) and parcels on the way. */
export default function ShipmentsPage() {
  const preparing = useSellerOrders('PREPARING');
  const paid = useSellerOrders('PAID');
  const toShip = [...preparing.items, ...paid.items];
  const loading = preparing.isLoading || paid.isLoading;
  const failed = preparing.error ?? paid.error;

  return (
    <section>
      <h1>발송 처리</h1>
      <h2>발송할 주문</h2>
      <QueryState
        isPending={loading}
        error={failed}
        empty={toShip.length === 0}
        emptyText={'발송할 주문이 없습니다.'}
      >
        <div className="table-wrap">
          <table aria-label="발송할 주문">
            <thead>
              <tr>
                <th scope="col">주문번호</th>
                <th scope="col">상품</th>
                <th scope="col">상태</th>
                <th scope="col">발송 정보</th>
              </tr>
            </thead>
            <tbody>
              {toShip.map((order) => (
                <tr key={order.orderId}>
                  <td>{order.orderNumber}</td>
                  <td>
                    <OrderLines order={order} />
                  </td>
                  <td>{ORDER_STATUS_LABEL[order.status]}</td>
                  <td>
                    <ShipForm order={order} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      <MoreButton
        hasNextPage={preparing.hasNextPage || paid.hasNextPage}
        isFetchingNextPage={preparing.isFetchingNextPage || paid.isFetchingNextPage}
        fetchNextPage={() => {
          if (preparing.hasNextPage) void preparing.fetchNextPage();
          if (paid.hasNextPage) void paid.fetchNextPage();
        }}
      />
      <BulkInvoiceUpload />
      <OnTheWay />
    </section>
  );
}

function OnTheWay() {
  const state = useSession();
  const sellerId = state.status === 'signedIn' ? state.actingSellerId : null;
  const shipments = useQuery({
    queryKey: ['seller-shipments', sellerId, 'SHIPPING'],
    queryFn: async () =>
      (await getApiV1SellerShipments({ query: { status: 'SHIPPING', size: 100 }, throwOnError: true })).data,
  });
  const items = shipments.data?.items ?? [];
  return (
    <section>
      <h2>배송 중인 택배</h2>
      <QueryState
        isPending={shipments.isLoading}
        error={shipments.error}
        empty={items.length === 0}
        emptyText={'배송 중인 택배가 없습니다.'}
      >
        <div className="table-wrap">
          <table aria-label="배송 중인 택배">
            <thead>
              <tr>
                <th scope="col">주문번호</th>
                <th scope="col">상품</th>
                <th scope="col">택배사</th>
                <th scope="col">송장번호</th>
                <th scope="col">배송 상태</th>
                <th scope="col">마지막 이동</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td>{s.orderNumber}</td>
                  <td>{s.itemSummary}</td>
                  <td>{COURIERS.find((c) => c.code === s.courier)?.name ?? s.courier}</td>
                  <td>{s.invoiceNumber}</td>
                  <td>{TRACKING_LABEL[s.status] ?? s.status}</td>
                  <td>{s.lastMovementAt ? dateTime(s.lastMovementAt) : '-'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
    </section>
  );
}
