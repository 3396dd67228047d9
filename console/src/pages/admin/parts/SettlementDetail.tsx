import { useQuery } from '@tanstack/react-query';
import { getApiV1AdminSettlementsById, type SettlementDetail as Detail } from '../../../api/generated';
import { dateTime } from '../../../format/dates';
import { won } from '../../../format/money';
import { QueryState } from '../../../ui/ListState';

const LINE_LABELS: Record<Detail['lines'][number]['kind'], string> = {
  SALE: '판매',
  SHIPPING_FEE: '배송비',
  REFUND: '환불 차감',
  RETURN_SHIPPING: '반품 배송비',
  SELLER_COST: '판매자 부담 비용',
};
/** Lines that adjust a sale: refunds and costs deducted, return shipping kept for the seller. */
const ADJUSTMENTS = new Set(['REFUND', 'RETURN_SHIPPING', 'SELLER_COST']);

/** One settlement's adjustments (refunds, return shipping, seller costs), payout and tax invoice. */
export function SettlementDetail({ id }: { id: string }) {
  const query = useQuery({
    queryKey: ['admin', 'settlement', id],
    queryFn: async () => (await getApiV1AdminSettlementsById({ path: { id }, throwOnError: true })).data,
  });
  const detail = query.data;
  const adjustments = detail?.lines.filter((line) => ADJUSTMENTS.has(line.kind)) ?? [];
  return (
    <div className="card" aria-label="정산 상세">
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={!detail}
        emptyText="정산이 없습니다."
      >
        {detail && (
          <>
            <h2>조정 내역 ({detail.weekId})</h2>
            {adjustments.length === 0 ? (
              <p className="muted">이 정산에는 환불·비용 조정이 없습니다.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">구분</th>
                      <th scope="col">주문번호</th>
                      <th scope="col">내용</th>
                      <th scope="col">금액</th>
                      <th scope="col">발생 시각</th>
                    </tr>
                  </thead>
                  <tbody>
                    {adjustments.map((line, i) => (
                      <tr key={i}>
                        <td>{LINE_LABELS[line.kind]}</td>
                        <td>{line.orderNumber ?? '—'}</td>
                        <td className="wrap">{line.description}</td>
                        <td>{won(line.net)}</td>
                        <td>{dateTime(line.occurredAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p>
              지급:{' '}
              {detail.payout
                ? `${won(detail.payout.amount)} · ${detail.payout.bankName ?? detail.payout.bankCode} ${detail.payout.accountMasked} · ${detail.payout.status === 'PAID' ? '지급 완료' : detail.payout.status === 'FAILED' ? `실패 (${detail.payout.failureCode ?? ''})` : '요청됨'}`
                : '없음'}
            </p>
            <p>
              세금계산서:{' '}
              {detail.taxInvoice
                ? detail.taxInvoice.status === 'ISSUED'
                  ? `발행 (${detail.taxInvoice.number ?? detail.taxInvoice.mgtKey})`
                  : `실패 (${detail.taxInvoice.failureCode ?? ''})`
                : '없음'}
            </p>
          </>
        )}
      </QueryState>
    </div>
  );
}
