import type { PgCancel } from '../../domain/payment';

/**
 * A PG's cancel history (an array of objects, or anything else for none) → PgCancel[], given the
 * names the PG uses for the transaction id, amount, time and reason of each cancel.
 */
export function pgCancels(
  list: unknown,
  field: { transactionId: string; amount: string; canceledAt: string; reason: string },
): PgCancel[] {
  if (!Array.isArray(list)) return [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return (list as Array<Record<string, unknown>>).map((c) => ({
    transactionId: text(c[field.transactionId]),
    amount: typeof c[field.amount] === 'number' ? (c[field.amount] as number) : 0,
    canceledAt: text(c[field.canceledAt]),
    reason: text(c[field.reason]),
  }));
}
