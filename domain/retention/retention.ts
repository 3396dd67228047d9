/**
 * Data retention (docs/retention.md): how long orders and notification logs are kept, and the
 * shape of one purge batch. Pure: the clock comes in as an argument.
 */

export interface RetentionSettings {
  /** RETENTION_ORDER_YEARS: 전자상거래법 keeps contract, payment and delivery records 5 years. */
  orderYears: number;
  /** RETENTION_NOTIFICATION_DAYS: the send log is an operations log, kept 90 days. */
  notificationDays: number;
  /** RETENTION_DRY_RUN: count what would go, delete nothing. */
  dryRun: boolean;
  /** Rows (orders or notifications) per batch: one activity call, one transaction. */
  batchSize: number;
}

export const DEFAULT_RETENTION: RetentionSettings = {
  orderYears: 5,
  notificationDays: 90,
  dryRun: false,
  batchSize: 500,
};

/**
 * Orders still open are never purged, whatever their age: only these end an order's life. An
 * order also stays while money of it is unsettled (a payable line or refund adjustment without a
 * settlement, a refund not done), so nothing a seller or buyer is still owed disappears.
 */
export const FINISHED_ORDER_STATUSES = ['PURCHASE_CONFIRMED', 'CANCELLED', 'PAYMENT_FAILED', 'RETURNED'];

/** Every table a run touches, in the order a batch deletes them (children before their parent). */
export const ORDER_TABLES = [
  'order_lines',
  'order_parts',
  'order_history',
  'order_checkouts',
  'order_returns',
  'payments',
  'payment_events',
  'payment_refunds',
  'points_holds',
  'points_ledger',
  'shipment_events',
  'shipments',
  'payable_lines',
  'settlement_adjustments',
  'orders',
] as const;

export const NOTIFICATION_TABLES = ['notification_events', 'notification_attempts', 'notifications'] as const;

export type RetentionTable = (typeof ORDER_TABLES)[number] | (typeof NOTIFICATION_TABLES)[number];
export type RetentionCounts = Partial<Record<RetentionTable, number>>;
export type RetentionAction = 'deleted' | 'would_delete';

/** Where a batch stopped: the (time, id) of its last row; the next batch starts after it. */
export interface RetentionCursor {
  at: string;
  id: string;
}

export interface RetentionBatchInput {
  /** ISO time: rows older than this go. */
  cutoff: string;
  after: RetentionCursor | null;
  limit: number;
  dryRun: boolean;
}

export interface RetentionBatch {
  counts: RetentionCounts;
  /** Null when the batch found nothing: the phase is done. */
  last: RetentionCursor | null;
  /** Fewer rows than the limit: nothing older is left after this one. */
  done: boolean;
}

/** The retention tables behind a port, one batch per call, each batch one transaction. */
export interface RetentionStore {
  /** Finished orders placed before the cutoff, with every row that belongs to them. */
  orderBatch(input: RetentionBatchInput): Promise<RetentionBatch>;
  /** Notifications created before the cutoff, with their attempts and provider events. */
  notificationBatch(input: RetentionBatchInput): Promise<RetentionBatch>;
  /** Provider events that matched no attempt (unknown message ids), received before the cutoff. */
  unmatchedNotificationEventBatch(input: RetentionBatchInput): Promise<RetentionBatch>;
}

export interface RetentionPlan {
  orderCutoff: string;
  notificationCutoff: string;
  dryRun: boolean;
  batchSize: number;
}

/** The cutoffs of a run starting `now`: whole calendar years back for orders, days for notifications. */
export function retentionPlan(now: Date, settings: RetentionSettings, dryRun?: boolean): RetentionPlan {
  const orderCutoff = new Date(now);
  orderCutoff.setUTCFullYear(orderCutoff.getUTCFullYear() - settings.orderYears);
  const notificationCutoff = new Date(now.getTime() - settings.notificationDays * 86_400_000);
  return {
    orderCutoff: orderCutoff.toISOString(),
    notificationCutoff: notificationCutoff.toISOString(),
    dryRun: dryRun ?? settings.dryRun,
    batchSize: settings.batchSize,
  };
}

export function addCounts(total: RetentionCounts, more: RetentionCounts): RetentionCounts {
  const sum: RetentionCounts = { ...total };
  for (const [table, count] of Object.entries(more) as [RetentionTable, number][])
    sum[table] = (sum[table] ?? 0) + count;
  return sum;
}

/** The parts of a run, in order: each is its own keyset walk with its own cutoff. */
export const RETENTION_PHASES = ['orders', 'notifications', 'unmatched_notification_events'] as const;
export type RetentionPhase = (typeof RETENTION_PHASES)[number];

export function cutoffOf(plan: RetentionPlan, phase: RetentionPhase): string {
  return phase === 'orders' ? plan.orderCutoff : plan.notificationCutoff;
}
