import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  postApiV1SellerExchangesByIdApprove,
  postApiV1SellerExchangesByIdReject,
  postApiV1SellerExchangesByIdShipment,
  type OrderExchange,
} from '../../../api/generated';
import { COURIERS } from '../ops/couriers';
import { CourierOptions } from '../ops/CourierOptions';
import { REASON_LABELS } from './reasonLabels';
import { won } from '../../../format/money';
import { dateTime } from '../../../format/dates';
import { ErrorText } from '../../../ui/ListState';
import { ReasonForm } from '../../../ui/ReasonForm';

export const EXCHANGE_STATUS: Record<OrderExchange['status'], string> = {
  REQUESTED: '처리 대기',
  APPROVED: '재발송 대기',
  REJECTED: '거절됨',
  SHIPPED: '재발송됨',
  DELIVERED: '배송 완료',
};

/** One exchange: the items from → to, the round-trip shipping; approve, reject, register the re-shipment. */
export function ExchangeCard({ exchange }: { exchange: OrderExchange }) {
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const id = exchange.exchangeId;
  const done = () => queries.invalidateQueries({ queryKey: ['seller-exchanges'] });
  const approve = useMutation({
    mutationFn: () => postApiV1SellerExchangesByIdApprove({ path: { id }, body: {}, throwOnError: true }),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: (reason: string) =>
      postApiV1SellerExchangesByIdReject({ path: { id }, body: { reason }, throwOnError: true }),
    onSuccess: done,
  });
  const ship = useMutation({
    mutationFn: (body: { courierCode: string; invoiceNumber: string }) =>
      postApiV1SellerExchangesByIdShipment({ path: { id }, body, throwOnError: true }),
    onSuccess: done,
  });
  const busy = approve.isPending || reject.isPending || ship.isPending;
  const error = approve.error ?? reject.error ?? ship.error;
  const can = (action: 'APPROVE' | 'REJECT' | 'SHIP') => exchange.allowedActions.includes(action);

  const submitShip = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    ship.mutate({
      courierCode: String(form.get('courierCode')),
      invoiceNumber: String(form.get('invoiceNumber') ?? ''),
    });
  };

  return (
    <article className="card" aria-label={`교환 ${exchange.orderNumber}`}>
      <h2>
        주문 {exchange.orderNumber} <span className="badge">{EXCHANGE_STATUS[exchange.status]}</span>
      </h2>
      <p className="meta">
        <span>요청 {dateTime(exchange.requestedAt)}</span>
        <span>{REASON_LABELS[exchange.reasonCode]}</span>
        <span>
          왕복 배송비 {won(exchange.shippingFee)} (
          {exchange.payer === 'BUYER' ? '구매자 부담' : '판매자 부담'})
        </span>
      </p>
      <p>사유: {exchange.reason}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">상품</th>
              <th scope="col">기존 옵션</th>
              <th scope="col">교환 옵션</th>
              <th scope="col" className="num">
                수량
              </th>
            </tr>
          </thead>
          <tbody>
            {exchange.items.map((item) => (
              <tr key={item.orderLineId}>
                <td>{item.productName}</td>
                <td>{item.from.optionText}</td>
                <td>{item.to.optionText}</td>
                <td className="num">{item.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {exchange.reshipment && (
        <p>
          재발송{' '}
          {COURIERS.find((c) => c.code === exchange.reshipment!.courier)?.name ?? exchange.reshipment.courier}{' '}
          {exchange.reshipment.invoiceNumber}
          {exchange.reshipment.trackingStatus ? ` · ${exchange.reshipment.trackingStatus}` : ''}
        </p>
      )}
      {exchange.decisionReason && <p>처리 메모: {exchange.decisionReason}</p>}
      <div className="actions">
        {can('APPROVE') && (
          <button type="button" disabled={busy} onClick={() => approve.mutate()}>
            교환 승인
          </button>
        )}
        {can('REJECT') &&
          (rejecting ? (
            <ReasonForm
              name="교환 거절"
              field="거절 사유"
              submit="거절하기"
              danger
              busy={busy}
              maxLength={200}
              onSubmit={(reason) => reject.mutate(reason)}
            />
          ) : (
            <button type="button" className="secondary" disabled={busy} onClick={() => setRejecting(true)}>
              교환 거절
            </button>
          ))}
        {can('SHIP') && (
          <form onSubmit={submitShip} aria-label="교환 재발송 등록">
            <label>
              택배사
              <select name="courierCode" defaultValue={exchange.reshipment?.courier ?? 'CJ'}>
                <CourierOptions />
              </select>
            </label>
            <label>
              송장번호
              <input
                name="invoiceNumber"
                required
                inputMode="numeric"
                defaultValue={exchange.reshipment?.invoiceNumber}
              />
            </label>
            <button type="submit" disabled={busy}>
              {exchange.reshipment ? '송장 수정' : '재발송 등록'}
            </button>
          </form>
        )}
      </div>
      <ErrorText error={error} />
    </article>
  );
}
