import { invalidQuantity } from './inventory-errors';

export interface ReservationLine {
  variantId: string;
  quantity: number;
}

/** HELD keeps units aside; COMMITTED deducted them (paid); RELEASED gave them back; RESTOCKED records a return of units to the shelf. */
export const RESERVATION_STATUSES = ['HELD', 'COMMITTED', 'RELEASED', 'RESTOCKED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const MAX_LINE_QUANTITY = 1000;

/**
 * Sums the quantities per SKU (two cart lines of the same variant are one demand) and orders them by
 * variant id, so every reservation locks rows in the same order and two orders never deadlock.
 */
export function summariseLines(lines: readonly ReservationLine[]): ReservationLine[] {
  if (lines.length === 0) throw invalidQuantity('lines', 'must hold at least one line');
  const totals = new Map<string, number>();
  lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw invalidQuantity(`lines.${i}.quantity`, 'must be a whole number ≥ 1');
    }
    totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  });
  const summed = [...totals].map(([variantId, quantity]) => ({ variantId, quantity }));
  for (const line of summed) {
    if (line.quantity > MAX_LINE_QUANTITY) {
      throw invalidQuantity(
        'lines',
        `at most ${MAX_LINE_QUANTITY} units of variant ${line.variantId} per order`,
      );
    }
  }
  return summed.sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

/** Whether a repeated call carries the same demand as the one already stored (idempotency check). */
export function sameLines(a: readonly ReservationLine[], b: readonly ReservationLine[]): boolean {
  const x = summariseLines(a);
  const y = summariseLines(b);
  return (
    x.length === y.length &&
    x.every((line, i) => line.variantId === y[i]!.variantId && line.quantity === y[i]!.quantity)
  );
}
