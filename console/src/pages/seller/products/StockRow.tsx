import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { putApiV1SellerVariantsByVariantIdStock, type SellerProduct } from '../../../api/generated';
import { variantLabel } from './variantDraft';
import { won } from '../../../format/money';
import { ErrorText } from '../../../ui/ListState';

type Variant = SellerProduct['variants'][number];

/** A variant's stock: on hand (editable; never below what orders reserved), reserved, sellable. */
export function StockRow({ variant }: { variant: Variant }) {
  const queries = useQueryClient();
  const [onHand, setOnHand] = useState(String(variant.stock));
  const label = variantLabel(variant.options);
  const save = useMutation({
    mutationFn: () =>
      putApiV1SellerVariantsByVariantIdStock({
        path: { variantId: variant.id },
        body: { onHand: Number(onHand) },
        throwOnError: true,
      }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['seller-products'] }),
  });
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{won(variant.price)}</td>
      <td>
        <form
          className="row-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <input
            aria-label={`${label} 재고`}
            type="number"
            min={0}
            value={onHand}
            onChange={(e) => setOnHand(e.target.value)}
          />
          <button type="submit" aria-label={`${label} 재고 저장`} disabled={save.isPending}>
            저장
          </button>
          {save.isSuccess && <span className="ok">저장됨</span>}
          <ErrorText inline error={save.error} />
        </form>
      </td>
      <td>{variant.reserved}</td>
      <td data-testid="sellable">{variant.sellable}</td>
    </tr>
  );
}
