import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  postApiV1SellerReturnsByIdApprove,
  postApiV1SellerReturnsByIdReject,
  type SellerReturn,
} from '../../../api/generated';
import { REASON_LABELS } from './reasonLabels';
import { won } from '../../../format/money';
import { dateTime } from '../../../format/dates';
import { ErrorText } from '../../../ui/ListState';
import { ReasonForm } from '../../../ui/ReasonForm';

const STATUS: Record<SellerReturn['status'], [label: string, tone: string]> = {
  REQUESTED: ['처리 대기', 'warn'],
  APPROVED: ['승인됨', ''],
  REJECTED: ['거절됨', 'bad'],
};

/** One return: what comes back and why; approve (the refund rules compute the refund) or reject with a reason. */
export function ReturnCard({ request }: { request: SellerReturn }) {
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const done = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['seller-returns'] }),
      queries.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
  const approve = useMutation({
    mutationFn: () =>
      postApiV1SellerReturnsByIdApprove({ path: { id: request.returnId }, body: {}, throwOnError: true }),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: (reason: string) =>
      postApiV1SellerReturnsByIdReject({
        path: { id: request.returnId },
        body: { reason },
        throwOnError: true,
      }),
    onSuccess: done,
  });
  const busy = approve.isPending || reject.isPending;
  const error = approve.error ?? reject.error;
  const [label, tone] = STATUS[request.status];

  return (
    <article className="card" aria-label={`반품 ${request.orderNumber}`}>
      <h2>
        주문 {request.orderNumber} <span className={`badge ${tone}`}>{label}</span>
      </h2>
      <p className="meta">
        <span>요청 {dateTime(request.requestedAt)}</span>
        {request.reasonCode && <span>{REASON_LABELS[request.reasonCode]}</span>}
      </p>
      <p>사유: {request.reason}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">상품</th>
              <th scope="col">옵션</th>
              <th scope="col" className="num">
                수량
              </th>
            </tr>
          </thead>
          <tbody>
            {request.items.map((item) => (
              <tr key={item.orderLineId}>
                <td>{item.productName}</td>
                <td>{item.optionText || '-'}</td>
                <td className="num">{item.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {request.status === 'APPROVED' && request.refundAmount !== null && (
        <p>
          환불 금액 <strong>{won(request.refundAmount)}</strong>
          {request.deductionAmount ? ` (차감 ${won(request.deductionAmount)})` : ''}
        </p>
      )}
      {request.status === 'REJECTED' && request.decisionReason && <p>거절 사유: {request.decisionReason}</p>}
      {request.allowedActions.length > 0 && (
        <>
          <p className="muted">
            승인하면 반품 배송비 등 환불 규칙에 따라 환불 금액이 계산되어 구매자에게 환불됩니다.
          </p>
          <div className="actions">
            {request.allowedActions.includes('APPROVE') && (
              <button type="button" disabled={busy} onClick={() => approve.mutate()}>
                반품 승인
              </button>
            )}
            {request.allowedActions.includes('REJECT') &&
              (rejecting ? (
                <ReasonForm
                  name="반품 거절"
                  field="거절 사유"
                  submit="거절하기"
                  danger
                  busy={busy}
                  maxLength={200}
                  onSubmit={(reason) => reject.mutate(reason)}
                  onCancel={() => setRejecting(false)}
                />
              ) : (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => setRejecting(true)}
                >
                  반품 거절
                </button>
              ))}
          </div>
        </>
      )}
      <ErrorText error={error} />
    </article>
  );
}
