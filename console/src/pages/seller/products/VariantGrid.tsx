import { variantKey, variantLabel, type VariantDraft } from './variantDraft';

/** One row per combination: 추가 금액 (price delta, may be negative) and 재고. */
export function VariantGrid({
  variants,
  basePrice,
  onChange,
}: {
  variants: VariantDraft[];
  basePrice: number;
  onChange: (variants: VariantDraft[]) => void;
}) {
  const set = (index: number, change: Partial<VariantDraft>) =>
    onChange(variants.map((v, i) => (i === index ? { ...v, ...change } : v)));
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted">판매할 조합 {variants.length}개</caption>
        <thead>
          <tr>
            <th scope="col">조합</th>
            <th scope="col">추가 금액(원)</th>
            <th scope="col">판매가</th>
            <th scope="col">재고</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((variant, index) => {
            const label = variantLabel(variant.options);
            return (
              <tr key={variantKey(variant.options)}>
                <th scope="row">{label}</th>
                <td>
                  <input
                    aria-label={`${label} 추가 금액`}
                    type="number"
                    step={100}
                    value={variant.priceDelta}
                    onChange={(e) => set(index, { priceDelta: e.target.value })}
                  />
                </td>
                <td>{(basePrice + Number(variant.priceDelta || 0)).toLocaleString('ko-KR')}원</td>
                <td>
                  <input
                    aria-label={`${label} 재고`}
                    type="number"
                    min={0}
                    value={variant.stock}
                    onChange={(e) => set(index, { stock: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
