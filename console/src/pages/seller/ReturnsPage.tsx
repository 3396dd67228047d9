import { useSearchParams } from 'react-router';
import {
  getApiV1SellerExchanges,
  getApiV1SellerReturns,
  type OrderExchange,
  type SellerReturn,
} from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { CardList } from '../../ui/CardList';
import { EXCHANGE_STATUS, ExchangeCard } from './aftersale/ExchangeCard';
import { ReturnCard } from './aftersale/ReturnCard';
import './aftersale/aftersale.css';

const RETURN_FILTERS: Array<[string, string]> = [
  ['REQUESTED', '처리 대기'],
  ['APPROVED', '승인됨'],
  ['REJECTED', '거절됨'],
  ['', '전체'],
];
const EXCHANGE_FILTERS: Array<[string, string]> = [...Object.entries(EXCHANGE_STATUS), ['', '전체']];

/** 반품 관리: returns (and exchanges, 교환) waiting for the seller's decision, and those decided. */
export default function ReturnsPage() {
  const state = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'exchanges' ? 'exchanges' : 'returns';
  const status = params.get('status') ?? 'REQUESTED';
  if (state.status !== 'signedIn') return null;
  const sellerId = state.actingSellerId;
  const filters = tab === 'returns' ? RETURN_FILTERS : EXCHANGE_FILTERS;
  const show = (next: { tab?: string; status?: string }) =>
    setParams({ tab: next.tab ?? tab, status: next.status ?? status }, { replace: true });

  return (
    <section>
      <h1>반품 관리</h1>
      <div className="tabs" role="tablist" aria-label="요청 종류">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'returns'}
          onClick={() => show({ tab: 'returns', status: 'REQUESTED' })}
        >
          반품
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'exchanges'}
          onClick={() => show({ tab: 'exchanges', status: 'REQUESTED' })}
        >
          교환
        </button>
      </div>
      <div className="filters">
        <label>
          상태
          <select value={status} onChange={(event) => show({ status: event.target.value })}>
            {filters.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="tabpanel">
        {tab === 'returns' ? (
          <CardList<SellerReturn>
            queryKey={['seller-returns', sellerId, status]}
            label="반품 요청"
            empty={status === 'REQUESTED' ? '처리할 반품 요청이 없습니다.' : '반품 요청이 없습니다.'}
            load={async (cursor) =>
              (
                await getApiV1SellerReturns({
                  query: {
                    status: (status || undefined) as SellerReturn['status'] | undefined,
                    cursor,
                    size: 20,
                  },
                  throwOnError: true,
                })
              ).data
            }
            render={(request) => <ReturnCard request={request} />}
          />
        ) : (
          <CardList<OrderExchange>
            queryKey={['seller-exchanges', sellerId, status]}
            label="교환 요청"
            empty={status === 'REQUESTED' ? '처리할 교환 요청이 없습니다.' : '교환 요청이 없습니다.'}
            load={async (cursor) =>
              (
                await getApiV1SellerExchanges({
                  query: {
                    status: (status || undefined) as OrderExchange['status'] | undefined,
                    cursor,
                    size: 20,
                  },
                  throwOnError: true,
                })
              ).data
            }
            render={(exchange) => <ExchangeCard exchange={exchange} />}
          />
        )}
      </div>
    </section>
  );
}
