import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getApiV1SellerOrders, getApiV1SellerReturns, getApiV1SellerSettlements } from '../../api/generated';
import { mayUse } from '../../auth/access';
import type { ManagerPermission } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { hrefOf, routeAt } from '../../app/routes';

/** The lists count at most one page (100): the API has no totals, so more shows as "100+". */
const PAGE = 100;
type Page = { items: unknown[]; nextCursor?: string | null };

interface Tile {
  key: string;
  title: string;
  /** The screen the tile opens, with the list's filter. */
  to: string;
  permission: ManagerPermission;
  load: () => Promise<Page>;
}

const tiles: Tile[] = [
  {
    key: 'paid',
    title: '신규 주문',
    to: `${hrefOf(routeAt('seller', 'orders'))}?status=PAID`,
    permission: 'ORDERS',
    load: async () =>
      (await getApiV1SellerOrders({ query: { status: 'PAID', size: PAGE }, throwOnError: true })).data,
  },
  {
    key: 'preparing',
    title: '발송할 주문',
    to: hrefOf(routeAt('seller', 'shipments')),
    permission: 'ORDERS',
    load: async () =>
      (await getApiV1SellerOrders({ query: { status: 'PREPARING', size: PAGE }, throwOnError: true })).data,
  },
  {
    key: 'returns',
    title: '처리할 반품',
    to: hrefOf(routeAt('seller', 'returns')),
    permission: 'ORDERS',
    load: async () =>
      (await getApiV1SellerReturns({ query: { status: 'REQUESTED', size: PAGE }, throwOnError: true })).data,
  },
  {
    key: 'settlements',
    title: '지급 예정 정산',
    to: hrefOf(routeAt('seller', 'settlements')),
    permission: 'SETTLEMENTS_READ',
    load: async () =>
      (
        await getApiV1SellerSettlements({
          query: { status: 'PAYOUT_PENDING', size: PAGE },
          throwOnError: true,
        })
      ).data,
  },
];

function CountTile({ tile, allowed, sellerId }: { tile: Tile; allowed: boolean; sellerId: string | null }) {
  const query = useQuery({
    queryKey: ['dashboard', tile.key, sellerId],
    queryFn: tile.load,
    enabled: allowed,
  });
  let count = '…';
  if (!allowed) count = '권한 없음';
  else if (query.isError) count = '오류';
  else if (query.data) count = `${query.data.items.length}${query.data.nextCursor ? '+' : ''}건`;
  const body = (
    <>
      <span className="tile-title">{tile.title}</span>
      <strong className="tile-count" data-count={query.data ? query.data.items.length : undefined}>
        {count}
      </strong>
    </>
  );
  return allowed ? (
    <Link className="card tile" to={tile.to} aria-label={`${tile.title} ${count}`}>
      {body}
    </Link>
  ) : (
    <div className="card tile disabled">{body}</div>
  );
}

/** What needs doing today: new paid orders, orders to ship, returns waiting, settlements due. */
export default function DashboardPage() {
  const state = useSession();
  const queries = useQueryClient();
  if (state.status !== 'signedIn') return null;
  return (
    <section>
      <div className="heading">
        <h1>대시보드</h1>
        <button type="button" onClick={() => void queries.invalidateQueries({ queryKey: ['dashboard'] })}>
          새로 고침
        </button>
      </div>
      <ul className="cards" aria-label="오늘 할 일">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <CountTile
              tile={tile}
              allowed={mayUse(state, { area: 'seller', permission: tile.permission })}
              sellerId={state.actingSellerId}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
