import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { getApiV1SellerProducts } from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { SuspendButton } from './products/SuspendButton';
import './ops/ops.css';
import { won } from '../../format/money';
import { PRODUCT_STATUS_LABEL } from '../../format/statusLabels';
import { QueryState } from '../../ui/ListState';
import { MoreButton } from '../../ui/Paging';
import { LabelSelect } from '../../ui/LabelSelect';

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
        <LabelSelect
          label="판매 상태"
          value={status}
          labels={PRODUCT_STATUS_LABEL}
          onChange={(value) => setStatus(value as Status | '')}
        />
        <button type="submit">검색</button>
      </form>
      <QueryState
        isPending={products.isLoading}
        error={products.error}
        empty={items.length === 0}
        emptyText={q || status ? '조건에 맞는 상품이 없습니다.' : '등록한 상품이 없습니다.'}
      >
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
      </QueryState>
      <MoreButton {...products} />
    </section>
  );
}
