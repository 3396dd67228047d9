import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postApiV1SellerOrdersByIdPrepare, type SellerOrder } from '../../../api/generated';
import { ErrorText } from '../../../ui/ListState';

/** 상품 준비: the part moves from 결제 완료 to 상품 준비중. */
export function PrepareButton({ order }: { order: SellerOrder }) {
  const queries = useQueryClient();
  const prepare = useMutation({
    mutationFn: () => postApiV1SellerOrdersByIdPrepare({ path: { id: order.orderId }, throwOnError: true }),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ['seller-orders'] }),
        queries.invalidateQueries({ queryKey: ['dashboard'] }),
      ]),
  });
  return (
    <span className="row-form">
      <button
        type="button"
        aria-label={`${order.orderNumber} 상품 준비`}
        disabled={prepare.isPending}
        onClick={() => prepare.mutate()}
      >
        상품 준비
      </button>
      <ErrorText inline error={prepare.error} />
    </span>
  );
}
