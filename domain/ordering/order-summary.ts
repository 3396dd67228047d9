/** `무선 키보드 외 2건`: how Korean shops name an order or a part in messages and PG windows. */
export function itemSummary(lines: ReadonlyArray<{ productName: string }>): string {
  if (lines.length === 0) return '주문 상품';
  const first = lines[0]!.productName.slice(0, 40);
  return lines.length === 1 ? first : `${first} 외 ${lines.length - 1}건`;
}
