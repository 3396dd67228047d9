import type { SellerOrder } from '../../../api/generated';

/** "상품명 (옵션) × 수량" per line of the seller's part. */
export function OrderLines({ order }: { order: SellerOrder }) {
  return (
    <ul className="plain">
      {order.lines.map((line) => {
        const options = Object.values(line.options).join(' / ');
        return (
          <li key={line.id}>
            {line.productName}
            {options && ` (${options})`} × {line.quantity}
          </li>
        );
      })}
    </ul>
  );
}
