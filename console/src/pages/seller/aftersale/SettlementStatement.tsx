import { useMutation, useQuery } from '@tanstack/react-query';
import {
  getApiV1SellerSettlementsById,
  getApiV1SellerSettlementsByIdStatementCsv,
  type SettlementDetail,
} from '../../../api/generated';
import { LINE_KINDS, PAYOUT_STATUS, SETTLEMENT_STATUS } from './settlement-labels';
import { won } from '../../../format/money';
import { dateTime } from '../../../format/dates';
import { ErrorText } from '../../../ui/ListState';

/** Saves the statement CSV the API made (its Content-Disposition names the file). */
async function downloadStatement(id: string, weekId: string): Promise<string> {
  const { data, response } = await getApiV1SellerSettlementsByIdStatementCsv({
    path: { id },
    parseAs: 'blob',
    throwOnError: true,
  });
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const fileName = named ?? `jangteo-settlement-${weekId}.csv`;
  const url = URL.createObjectURL(data as unknown as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}

const minus = (amount: number) => (amount ? `-${won(amount)}` : won(0));

function Totals({ settlement }: { settlement: SettlementDetail }) {
  return (
    <dl className="totals" aria-label="정산 금액">
      <dt>총판매금액</dt>
      <dd>{won(settlement.gross)}</dd>
      <dt>수수료</dt>
      <dd>{minus(settlement.fee)}</dd>
      <dt>환불금액</dt>
      <dd>{minus(settlement.refunds)}</dd>
      <dt>정산금액</dt>
      <dd>
        <strong>{won(settlement.net)}</strong>
      </dd>
    </dl>
  );
}

/** One weekly statement: totals, the lines by kind (carried-over lines marked), payout, tax invoice, CSV. */
export function SettlementStatement({ id, sellerId }: { id: string; sellerId: string | null }) {
  const query = useQuery({
    queryKey: ['seller-settlement', sellerId, id],
    queryFn: async () => (await getApiV1SellerSettlementsById({ path: { id }, throwOnError: true })).data,
  });
  const download = useMutation({ mutationFn: (s: SettlementDetail) => downloadStatement(s.id, s.weekId) });
  if (query.isPending) return <p className="muted">정산서를 불러오는 중…</p>;
  if (query.isError) return <ErrorText error={query.error} />;
  const s = query.data;
  const [label, tone] = SETTLEMENT_STATUS[s.status];
  const carried = (occurredAt: string) => occurredAt.slice(0, 10) < s.period.start;
  return (
    <article className="card" aria-label={`${s.weekId} 정산서`}>
      <h2>
        {s.weekId} 정산서 <span className={`badge ${tone}`}>{label}</span>
      </h2>
      <p className="meta">
        <span>
          기간 {s.period.start} ~ {s.period.end}
        </span>
        <span>지급일 {s.payoutDate}</span>
      </p>
      {s.status === 'CARRIED_OVER' && (
        <p className="notice">정산금액이 10,000원 미만이라 다음 주 정산으로 이월되었습니다.</p>
      )}
      {s.status === 'PAYOUT_FAILED' && (
        <p className="notice">지급에 실패해 다음 주 정산으로 이월됩니다. 정산 계좌를 확인하세요.</p>
      )}
      <Totals settlement={s} />
      <div className="actions">
        <button type="button" disabled={download.isPending} onClick={() => download.mutate(s)}>
          CSV 내려받기
        </button>
        {download.isSuccess && <span className="muted">{download.data} 파일을 내려받았습니다.</span>}
      </div>
      <ErrorText error={download.error} />
      <h3>정산 내역 ({s.lines.length}건)</h3>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">구분</th>
              <th scope="col">주문번호</th>
              <th scope="col">상품명/사유</th>
              <th scope="col" className="num">
                수량
              </th>
              <th scope="col" className="num">
                금액
              </th>
              <th scope="col" className="num">
                수수료
              </th>
              <th scope="col" className="num">
                정산금액
              </th>
              <th scope="col">일시</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((line, i) => (
              <tr key={i}>
                <td>
                  {LINE_KINDS[line.kind]}
                  {carried(line.occurredAt) && <span className="badge warn"> 이월분</span>}
                </td>
                <td>{line.orderNumber ?? '-'}</td>
                <td>{line.description}</td>
                <td className="num">{line.quantity ?? ''}</td>
                <td className="num">{won(line.amount)}</td>
                <td className="num">
                  {won(line.fee)}
                  {line.feeRate ? ` (${line.feeRate})` : ''}
                </td>
                <td className="num">{won(line.net)}</td>
                <td>{dateTime(line.occurredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {s.payout && (
        <p>
          지급: {PAYOUT_STATUS[s.payout.status]} {won(s.payout.amount)} ·{' '}
          {s.payout.bankName ?? s.payout.bankCode} {s.payout.accountMasked}
          {s.payout.paidAt ? ` · ${dateTime(s.payout.paidAt)}` : ''}
          {s.payout.failureMessage ? ` · ${s.payout.failureMessage}` : ''}
        </p>
      )}
      {s.taxInvoice?.number && <p>세금계산서 승인번호 {s.taxInvoice.number}</p>}
    </article>
  );
}
