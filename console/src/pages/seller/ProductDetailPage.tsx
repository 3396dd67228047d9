import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { getApiV1SellerProductsById } from '../../api/generated';
import { useSession } from '../../auth/useSession';
import { ProductImages } from './products/ProductImages';
import { StockRow } from './products/StockRow';
import { SuspendButton } from './products/SuspendButton';
import './ops/ops.css';
import { won } from '../../format/money';
import { PRODUCT_STATUS_LABEL } from '../../format/statusLabels';
import { ErrorText } from '../../ui/ListState';

/** One product of the seller: stock per variant, images, 판매 중지 / 재개. */
export default function ProductDetailPage() {
  const { id = '' } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const state = useSession();
  const sellerId = state.status === 'signedIn' ? state.actingSellerId : null;
  const product = useQuery({
    queryKey: ['seller-products', sellerId, 'detail', id],
    queryFn: async () => (await getApiV1SellerProductsById({ path: { id }, throwOnError: true })).data,
  });

  return (
    <section>
      <div className="heading">
        <h1>{product.data?.name ?? '상품'}</h1>
        <Link to="/seller/products">상품 목록</Link>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {product.isLoading && <p className="muted">불러오는 중…</p>}
      <ErrorText error={product.error} />
      {product.data && (
        <>
          <div className="panel toolbar">
            <span>
              판매가 {won(product.data.price)} ·{' '}
              <span className="badge" data-testid="product-status">
                {PRODUCT_STATUS_LABEL[product.data.status]}
              </span>
            </span>
            <SuspendButton product={product.data} />
          </div>
          <div className="table-wrap">
            <table aria-label="재고">
              <thead>
                <tr>
                  <th scope="col">조합</th>
                  <th scope="col">판매가</th>
                  <th scope="col">보유 재고</th>
                  <th scope="col">주문 예약</th>
                  <th scope="col">판매 가능</th>
                </tr>
              </thead>
              <tbody>
                {product.data.variants.map((variant) => (
                  <StockRow key={`${variant.id}-${variant.stock}`} variant={variant} />
                ))}
              </tbody>
            </table>
          </div>
          <ProductImages product={product.data} />
        </>
      )}
    </section>
  );
}
