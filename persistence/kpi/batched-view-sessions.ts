import type { DataSource } from 'typeorm';
import type { ViewSessionSink } from '../../domain/kpi/ports';
import type { SeoulDay } from '../../domain/kpi/seoul-day';
import type { Logger } from '../../platform/observability/logger';

const FLUSH_EVERY_MS = 1_000;
const INSERT_CHUNK = 500;
/** Sessions remembered as written today; past this the memory is dropped (the unique key still dedupes). */
const SEEN_LIMIT = 200_000;

/**
 * Keeps product-page views off the database's hot path: `record` only adds to memory; once a
 * second the new (day, hash) pairs go out in one INSERT IGNORE. A session already written today is
 * not written again. A crash loses at most the last second of views (docs/kpis.md).
 */
export class BatchedViewSessions implements ViewSessionSink {
  private pending = new Map<string, [SeoulDay, string]>();
  private seen = new Set<string>();
  private seenDay: SeoulDay | null = null;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly flushEveryMs = FLUSH_EVERY_MS,
  ) {}

  record(day: SeoulDay, sessionHash: string): void {
    if (day !== this.seenDay) {
      this.seen.clear();
      this.seenDay = day;
    }
    const key = `${day}:${sessionHash}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= SEEN_LIMIT) this.seen.clear();
    this.seen.add(key);
    this.pending.set(key, [day, sessionHash]);
    this.timer ??= setInterval(() => void this.flush(), this.flushEveryMs).unref();
  }

  /** Writes what is pending; resolves when it is stored (tests and shutdown wait on it). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    const mariaDb = this.dataSource.options.type === 'mariadb' || this.dataSource.options.type === 'mysql';
    const insert = mariaDb ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';
    try {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        await this.dataSource.query(
          `${insert} product_view_sessions (day, session_hash) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`,
          chunk.flat(),
        );
      }
    } catch (error) {
      // Counting views never fails a page; the lost batch only lowers that day's visitors.
      this.logger.warn({ err: error, sessions: rows.length }, 'view sessions not recorded');
    }
  }
}
