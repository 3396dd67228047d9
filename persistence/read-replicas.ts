import type { DataSource } from 'typeorm';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';

/**
 * Where reads that tolerate replication lag run. Only the read paths that take a ReadRoute use
 * replicas; everything else, and everything in a transaction, stays on the primary DataSource.
 */
export interface ReadRoute {
  /** Whether reads may be answered by a replica (and so may lag behind a write just committed). */
  readonly replicated: boolean;
  read<T>(query: (dataSource: DataSource) => Promise<T>): Promise<T>;
}

/** The process's read route: observed by its logger and metrics, closed with the infrastructure. */
export interface ReadRouter extends ReadRoute {
  observe(sinks: { logger: Logger; metrics?: Metrics }): void;
  close(): Promise<void>;
}

/** No replicas (SQLite, or DATABASE_READ_URLS unset): every read on the primary, as before. */
export function primaryReads(primary: DataSource): ReadRouter {
  return {
    replicated: false,
    read: (query) => query(primary),
    observe: () => undefined,
    close: async () => undefined,
  };
}

export interface Replica {
  /** host:port only: the label of the metrics and logs, never the credentials. */
  name: string;
  dataSource: DataSource;
}

export interface ReadReplicaOptions {
  /** How long a failed replica is left alone before it is probed again. */
  retryAfterMs: number;
  /** A read (or probe) slower than this counts as the replica failing. */
  timeoutMs: number;
  now?: () => number;
}

interface Health {
  replica: Replica;
  up: boolean;
  /** Whether this down state was logged: one warning per transition, not one per failed probe. */
  reported: boolean;
  retryAt: number;
  probing: boolean;
  /** The replica's pool being opened (a probe that timed out may leave it still connecting). */
  connecting?: Promise<unknown>;
}

/** mysql2 / Node error codes that mean "this server is unreachable", not "this query is wrong". */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'REPLICA_TIMEOUT',
]);

export function isConnectionFailure(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((candidate) => {
    if (!candidate || typeof candidate !== 'object') return false;
    const { code, fatal } = candidate as { code?: unknown; fatal?: unknown };
    return fatal === true || (typeof code === 'string' && CONNECTION_ERRORS.has(code));
  });
}

/** The replica's label for metrics and logs: host and port, never user or password. */
export function replicaName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '3306'}`;
}

/**
 * Round-robin over the replicas that are up, with a health state per replica: a connection error
 * or a timeout marks it down and the read is answered by the primary at once; a down replica is
 * probed (`SELECT 1`, in the background) every `retryAfterMs` and used again once it answers.
 * Replicas start down and are probed at once, so a replica missing at start-up never blocks it.
 */
export class ReadReplicas implements ReadRouter {
  readonly replicated = true;
  private readonly health: Health[];
  private next = 0;
  private logger?: Logger;
  private metrics?: Metrics;
  private readonly now: () => number;

  constructor(
    private readonly primary: DataSource,
    replicas: Replica[],
    private readonly options: ReadReplicaOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.health = replicas.map((replica) => ({
      replica,
      up: false,
      reported: false,
      retryAt: 0,
      probing: false,
    }));
    this.health.forEach((health) => this.probe(health));
  }

  /** The process's logger and metrics (known only once the composition root built them). */
  observe(sinks: { logger: Logger; metrics?: Metrics }): void {
    this.logger = sinks.logger.child({ component: 'read-replicas' });
    if (sinks.metrics && sinks.metrics !== this.metrics) {
      this.metrics = sinks.metrics;
      for (const health of this.health) this.gauge(health);
    }
  }

  /** The replicas answering reads now (host:port). */
  upReplicas(): string[] {
    return this.health.filter((health) => health.up).map((health) => health.replica.name);
  }

  async read<T>(query: (dataSource: DataSource) => Promise<T>): Promise<T> {
    for (const health of this.health) if (!health.up) this.probe(health);
    const chosen = this.pick();
    if (!chosen) {
      if (this.health.length > 0) this.metrics?.dbReplicaFallbacks.inc({ reason: 'unavailable' });
      return query(this.primary);
    }
    try {
      return await this.withTimeout(query(chosen.replica.dataSource));
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      this.markDown(chosen, error);
      this.metrics?.dbReplicaFallbacks.inc({ reason: 'error' });
      return query(this.primary);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(
      this.health.map(async ({ replica, connecting }) => {
        await connecting?.catch(() => undefined);
        if (replica.dataSource.isInitialized) await replica.dataSource.destroy();
      }),
    );
  }

  private pick(): Health | undefined {
    const up = this.health.filter((health) => health.up);
    if (up.length === 0) return undefined;
    this.next = (this.next + 1) % up.length;
    return up[this.next];
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`replica read took over ${this.options.timeoutMs} ms`), {
              code: 'REPLICA_TIMEOUT',
            }),
          ),
        this.options.timeoutMs,
      );
    });
    // A read abandoned by the timeout may still fail later; nobody awaits it any more.
    work.catch(() => undefined);
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  private probe(health: Health): void {
    if (health.up || health.probing || this.now() < health.retryAt) return;
    health.probing = true;
    const { dataSource } = health.replica;
    void this.withTimeout(
      (async () => {
        if (!dataSource.isInitialized) {
          health.connecting ??= dataSource.initialize().finally(() => {
            health.connecting = undefined;
          });
          await health.connecting;
        }
        await dataSource.query('SELECT 1');
      })(),
    )
      .then(
        () => this.markUp(health),
        (error: unknown) => this.markDown(health, error),
      )
      .finally(() => {
        health.probing = false;
      });
  }

  private markUp(health: Health): void {
    health.up = true;
    health.reported = false;
    this.gauge(health);
    this.logger?.info({ replica: health.replica.name }, 'database replica is serving reads');
  }

  private markDown(health: Health, error: unknown): void {
    health.up = false;
    health.retryAt = this.now() + this.options.retryAfterMs;
    this.gauge(health);
    if (health.reported || !this.logger) return;
    health.reported = true;
    this.logger?.warn(
      {
        replica: health.replica.name,
        error: (error as { code?: string }).code ?? (error as Error).message,
        retryAfterMs: this.options.retryAfterMs,
      },
      'database replica is down; its reads go to the primary',
    );
  }

  private gauge(health: Health): void {
    this.metrics?.dbReplicaUp.set({ replica: health.replica.name }, health.up ? 1 : 0);
  }
}
