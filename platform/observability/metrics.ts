import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per process (never prom-client's global), so tests can build several apps side by side. */
export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  deadLetters: Counter<'kind'>;
  /** Rows the data-retention run deleted (or, dry, would delete), by table (docs/retention.md). */
  retentionRows: Counter<'table' | 'action'>;
  /** 1 while a read replica (DATABASE_READ_URLS) answers reads, 0 while its reads go to the primary. */
  dbReplicaUp: Gauge<'replica'>;
  /** Replica-eligible reads answered by the primary: `error` (the replica failed it) or `unavailable`. */
  dbReplicaFallbacks: Counter<'reason'>;
  /** Orders placed, and orders that as a whole became paid, cancelled or returned (docs/deployment.md). */
  orders: Counter<'event'>;
  /** Payment attempts settled, by PG (`POINTS` for points only) and outcome approved/declined/failed. */
  paymentAttempts: Counter<'pg' | 'outcome'>;
  /** Refunds that ended: `done` (the money is back) or `failed` (the PG refused; parked). */
  refunds: Counter<'outcome'>;
  /** Notification sends that ended, by channel: `sent`, `failed`, or `fallback` (AlimTalk gave way to SMS/LMS). */
  notifications: Counter<'channel' | 'outcome'>;
  /** Age of the oldest domain event not yet relayed from the outbox, 0 when none (docs/events.md). */
  outboxRelayLag: Gauge;
  outboxEventsPublished: Counter;
  /** Failed tries of an event handler (a projection), by handler name. */
  eventHandlerFailures: Counter<'handler'>;
  /** Time the search port took per product search or list, by engine (`memory`, `elasticsearch`). */
  searchDuration: Histogram<'engine'>;
}

export function createMetrics(options: { collectProcessMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.collectProcessMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'dead_letters_total',
      help: 'Work items that exhausted their retries and were parked for an operator',
      labelNames: ['kind'],
      registers: [registry],
    }),
    retentionRows: new Counter({
      name: 'retention_rows_total',
      help: 'Rows the data-retention run deleted (action=deleted) or counted in a dry run (action=would_delete)',
      labelNames: ['table', 'action'],
      registers: [registry],
    }),
    dbReplicaUp: new Gauge({
      name: 'db_replica_up',
      help: 'Whether a database read replica is serving reads (1) or marked down (0)',
      labelNames: ['replica'],
      registers: [registry],
    }),
    dbReplicaFallbacks: new Counter({
      name: 'db_replica_fallbacks_total',
      help: 'Reads meant for a replica that the primary answered, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    orders: new Counter({
      name: 'orders_total',
      help: 'Orders placed, and orders that became paid, cancelled or returned, by event',
      labelNames: ['event'],
      registers: [registry],
    }),
    paymentAttempts: new Counter({
      name: 'payment_attempts_total',
      help: 'Payment attempts that ended, by PG and outcome (approved, declined, failed)',
      labelNames: ['pg', 'outcome'],
      registers: [registry],
    }),
    refunds: new Counter({
      name: 'refunds_total',
      help: 'Refunds that ended, by outcome (done, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    outboxRelayLag: new Gauge({
      name: 'outbox_relay_lag_seconds',
      help: 'Age of the oldest unpublished event in the outbox (0 when every event is published)',
      registers: [registry],
    }),
    outboxEventsPublished: new Counter({
      name: 'outbox_events_published_total',
      help: 'Domain events the outbox relay published',
      registers: [registry],
    }),
    eventHandlerFailures: new Counter({
      name: 'event_handler_failures_total',
      help: 'Failed tries of an event handler, by handler',
      labelNames: ['handler'],
      registers: [registry],
    }),
    searchDuration: new Histogram({
      name: 'search_duration_seconds',
      help: 'Time the search port took to answer a product search or list, by engine',
      labelNames: ['engine'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    notifications: new Counter({
      name: 'notifications_total',
      help: 'Notification sends that ended, by channel and outcome (sent, failed, fallback)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
  };
}
