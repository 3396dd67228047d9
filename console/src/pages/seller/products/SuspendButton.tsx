import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patchApiV1SellerProductsById, type SellerProduct } from '../../../api/generated';
import { ErrorText } from '../../../ui/ListState';

/** 판매 중지 / 판매 재개 (SOLD_OUT follows from stock, so resuming asks for ON_SALE). */
export function SuspendButton({ product }: { product: Pick<SellerProduct, 'id' | 'name' | 'status'> }) {
  const queries = useQueryClient();
  const suspended = product.status === 'SUSPENDED';
  const change = useMutation({
    mutationFn: () =>
      patchApiV1SellerProductsById({
        path: { id: product.id },
        body: { status: suspended ? 'ON_SALE' : 'SUSPENDED' },
        throwOnError: true,
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['seller-products'] }),
  });
  const label = suspended ? '판매 재개' : '판매 중지';
  return (
    <span className="row-form">
      <button
        type="button"
        className={suspended ? undefined : 'secondary'}
        aria-label={`${product.name} ${label}`}
        disabled={change.isPending}
        onClick={() => change.mutate()}
      >
        {label}
      </button>
      <ErrorText inline error={change.error} />
    </span>
  );
}
