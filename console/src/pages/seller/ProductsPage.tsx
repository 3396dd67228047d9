import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { getApiV1SellerProducts } from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { PRODUCT_STATUS_LABEL, won } from './ops/labels';
import { problemText } from './ops/problem';
import { SuspendButton } from './products/SuspendButton';
import './ops/ops.css';

type Status = 'ON_SALE' | 'SOLD_OUT' | 'SUSPENDED';

/** 상품 등록: the seller's own products (suspended ones too), searched by name, and the way to list a new one. */
export default function ProductsPage() {
  const state = useSession();
  const sellerId = state.status === 'signedIn' ? state.actingSellerId : null;
  const [status, setStatus] = useState<Status | ''>('');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');

  const products = useInfiniteQuery({
    queryKey: ['seller-products', sellerId, status, q],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await getApiV1SellerProducts({
          query: { status: status || undefined, q: q || undefined, cursor: pageParam, size: 20 },
          throwOnError: true,
        })
      ).data,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(typed.trim());
  };

  return (
    <section>
      <div className="heading">
        <h1>상품 등록</h1>
        <Link className="button-link" to="/seller/products/new">
          새 상품 등록
        </Link>
      </div>
      <form className="toolbar" role="search" onSubmit={search}>
        <label>
          상품명 검색
          <input value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label>
          판매 상태
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">전체</option>
            {Object.entries(PRODUCT_STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">검색</button>
      </form>
      {products.isLoading && <p className="muted">불러오는 중…</p>}
      {products.isError && (
        <p role="alert" className="error">
          {problemText(products.error)}
        </p>
      )}
      {products.isSuccess && items.length === 0 && (
        <p className="muted">{q || status ? '조건에 맞는 상품이 없습니다.' : '등록한 상품이 없습니다.'}</p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table aria-label="내 상품">
            <thead>
              <tr>
                <th scope="col">상품명</th>
                <th scope="col">판매가</th>
                <th scope="col">상태</th>
                <th scope="col">판매 가능 재고</th>
                <th scope="col">작업</th>
              </tr>
            </thead>
            <tbody>
              {items.map((product) => (
                <tr key={product.id}>
                  <td>
                    <Link to={`/seller/products/${product.id}`}>{product.name}</Link>
                  </td>
                  <td>{won(product.price)}</td>
                  <td>
                    <span className="badge">{PRODUCT_STATUS_LABEL[product.status]}</span>
                  </td>
                  <td>{product.variants.reduce((sum, v) => sum + v.sellable, 0)}개</td>
                  <td>
                    <SuspendButton product={product} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {products.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={products.isFetchingNextPage}
          onClick={() => void products.fetchNextPage()}
        >
          더 보기
        </button>
      )}
    </section>
  );
}
