import { useSearchParams } from 'react-router';
import { getApiV1SellerSettlements, type SettlementSummary } from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { CardList } from '../../ui/CardList';
import { SettlementStatement } from './aftersale/SettlementStatement';
import { SETTLEMENT_STATUS } from './aftersale/settlement-labels';
import './aftersale/aftersale.css';
import { won } from '../../format/money';

/** 정산 내역: weekly statements, newest first; one opens with its lines and the CSV download. */
export default function SettlementsPage() {
  const state = useSession();
  const [params, setParams] = useSearchParams();
  const open = params.get('id');
  if (state.status !== 'signedIn') return null;
  const sellerId = state.actingSellerId;

  const row = (s: SettlementSummary) => {
    const [label, tone] = SETTLEMENT_STATUS[s.status];
    return (
      <button
        type="button"

        aria-current={open === s.id}
        aria-label={`${s.weekId} 정산 ${label} ${won(s.net)}`}
        onClick={() => setParams(open === s.id ? {} : { id: s.id })}
      >
        <strong>{s.weekId}</strong> <span className={`badge ${tone}`}>{label}</span>
        <span className="meta">
          <span>
            {s.period.start} ~ {s.period.end}
          </span>
          <span>판매 {s.saleCount}건</span>
          <span>수수료 {won(s.fee)}</span>
          <span>정산금액 {won(s.net)}</span>
        </span>
      </button>
    );
  };

  return (
    <section>
      <h1>정산 내역</h1>
      <p className="muted">
        매주 월요일에 지난주 구매확정분을 정산합니다. 수수료 5%, 10,000원 미만은 다음 주로 이월됩니다.
      </p>
      {open && <SettlementStatement id={open} sellerId={sellerId} />}
      <h2 className="list-title">주간 정산</h2>
      <div className="row-list">
        <CardList<SettlementSummary>
          queryKey={['seller-settlements', sellerId]}
          label="주간 정산 목록"
          empty="아직 정산 내역이 없습니다."
          load={async (cursor) =>
            (await getApiV1SellerSettlements({ query: { cursor, size: 20 }, throwOnError: true })).data
          }
          render={row}
        />
      </div>
    </section>
  );
}
