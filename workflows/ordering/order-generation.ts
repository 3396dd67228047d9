import { patched } from '@temporalio/workflow';

/** What `OrderLifecycleInput.generation` the starter gives new orders. */
export const CURRENT_ORDER_GENERATION = 5;

/**
 * The changes every order of generation 2 has from its first event (docs/ordering.md, "Changing a
 * workflow"). Such a run asks for none of them with patched(), which would write a marker and a
 * search-attribute upsert into every new order's history; runs started before (no generation)
 * decide each with patched() as they always did. A change made after generation 2 is a patch for
 * every run, until a later generation lists it here.
 */
export const GENERATION_2_CHANGES: ReadonlySet<string> = new Set([
  'order-notices-off-path',
  'auto-confirm-notice-off-path',
  'earn-points-on-confirmation',
  'one-attempt-per-pg-transaction',
  'seller-alerts',
  'return-refund-rules',
  'return-confirm-clock',
  'cancel-notice-before-refund',
  'return-approved-notice-before-refund',
  'refund-notice-follows-its-predecessor',
  'operator-cancel-notice',
  'order-exchanges',
  'exchange-shipments',
]);

/** Generation 3 (docs/ordering.md, "Generations"): the payment attempt settled inside the order, no child. */
export const INLINE_PAYMENT_ATTEMPTS = 'inline-payment-attempts';
/** Generation 3: a part's shipment row opened at payment, its Shipment child started with the invoice. */
export const SHIPMENT_AT_INVOICE = 'shipment-at-invoice';
export const GENERATION_3_CHANGES: ReadonlySet<string> = new Set([
  INLINE_PAYMENT_ATTEMPTS,
  SHIPMENT_AT_INVOICE,
]);

/** Generation 4: the buyer's receipt and the sellers' new-order alerts sent in one activity at payment. */
export const PAID_NOTICES_TOGETHER = 'paid-notices-together';
export const GENERATION_4_CHANGES: ReadonlySet<string> = new Set([PAID_NOTICES_TOGETHER]);

/**
 * Generation 5: the 결제 대기 notice (ORDER_PLACED) goes only to a buyer who has not paid a few
 * minutes after placing the order, instead of to every buyer at once.
 */
export const PAYMENT_REMINDER_WHEN_UNPAID = 'payment-reminder-when-unpaid';
export const GENERATION_5_CHANGES: ReadonlySet<string> = new Set([PAYMENT_REMINDER_WHEN_UNPAID]);

const GENERATIONS: ReadonlyArray<readonly [number, ReadonlySet<string>]> = [
  [2, GENERATION_2_CHANGES],
  [3, GENERATION_3_CHANGES],
  [4, GENERATION_4_CHANGES],
  [5, GENERATION_5_CHANGES],
];

/** Whether this run has the change `id`: by its generation, else by patched(). */
export function hasChange(generation: number | undefined, id: string): boolean {
  const of = generation ?? 1;
  if (GENERATIONS.some(([since, changes]) => of >= since && changes.has(id))) return true;
  return patched(id);
}
