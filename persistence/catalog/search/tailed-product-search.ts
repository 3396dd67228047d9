import type { DataSource } from 'typeorm';
import type { ProductSearch } from '../../../domain/catalog/ports';
import type { ProductSearchPage, ProductSearchQuery } from '../../../domain/catalog/search-query';
import type { ReadRoute } from '../../read-replicas';
import { InMemoryProductIndex } from './in-memory-product-index';
import { WantedListBuilder, warmTermLists, type WarmUpReport } from './term-list-warmup';
import {
  ALL_COLUMNS,
  asDate,
  dbNowSql,
  DOCUMENT_TABLE,
  isRemoved,
  sqlTime,
  toDocument,
  type RawDocumentRow,
} from './search-document-rows';

export interface TailOptions {
  /** How often the table is polled for written rows. */
  pollMs?: number;
  /**
   * How far behind the newest `indexed_at` seen each poll looks again: a projection write whose
   * transaction committed after a later-stamped one is still found if it committed within this.
   */
  overlapMs?: number;
  /** Rows per page of the initial load. */
  pageSize?: number;
  onError?: (error: unknown) => void;
  /** How many of the most frequent name words get their match lists right after the load (0: none). */
  warmWords?: number;
  /** Told what building those lists cost (`term-list-warmup.ts`). */
  onWarmedUp?: (report: WarmUpReport) => void;
  /** Told how many rows each poll read (tests, benchmarks). */
  onPolled?: (rowsRead: number) => void;
}

const DEFAULTS = { pollMs: 200, overlapMs: 5000, pageSize: 5000, warmWords: 200 };
/** Rows fetched whole per query once the light poll has picked the newer revisions. */
const FETCH_BATCH = 500;

class DataSourceClosed extends Error {}

/**
 * The default `ProductSearch` (docs/catalog.md#the-default-search): every API process loads the
 * read-model table into an in-process inverted index, then tails the table and answers searches
 * from memory. Works the same over MariaDB and SQLite, and reads through the replica route.
 * Loading starts with the first search (or `ready()`), so processes that never search hold nothing.
 */
export class TailedProductSearch implements ProductSearch {
  private readonly index = new InMemoryProductIndex();
  /** Revision held per product (tombstones too), so a re-read or late row never goes backwards. */
  private readonly revisions = new Map<string, number>();
  /** The newest `indexed_at` seen (ms); each poll re-reads from `watermark - overlapMs`. */
  private watermark = 0;
  /**
   * When the watermark last moved (this process's clock). Once it has stood still for `overlapMs`,
   * every write stamped up to it has committed and been read, so polls look only past it: after a
   * burst of writes (a backfill, a seller's bulk edit) an idle tail reads nothing, instead of
   * re-reading the burst's last seconds every poll until the next write.
   */
  private watermarkMovedAt = 0;
  private loading?: Promise<void>;
  private polling: Promise<void> = Promise.resolve();
  private readonly wantedLists = new WantedListBuilder(this.index, { stopped: () => this.stopped });
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly options: Required<Omit<TailOptions, 'onError' | 'onWarmedUp' | 'onPolled'>> &
    Pick<TailOptions, 'onError' | 'onWarmedUp' | 'onPolled'>;

  constructor(
    private readonly reads: ReadRoute,
    options: TailOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Resolves once the whole table is loaded (and tailing started) and the common words' match lists
   * are built: a process that reports ready then answers its first searches at full speed.
   */
  ready(): Promise<void> {
    this.loading ??= this.load().then(async () => {
      this.schedule();
      await this.warmUp();
    });
    return this.loading;
  }

  /**
   * Sorts the list orders and builds the match lists of the most frequent name words
   * (`term-list-warmup.ts`), in slices that let other work run; a failure only loses the head start.
   */
  private async warmUp(): Promise<void> {
    for (const sort of ['newest', 'price_asc', 'popular'] as const)
      this.index.search({ terms: [], sort, limit: 1 });
    if (this.options.warmWords <= 0) return;
    try {
      const report = await warmTermLists(this.index, {
        words: this.options.warmWords,
        stopped: () => this.stopped,
      });
      this.options.onWarmedUp?.(report);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    await this.ready();
    const page = this.index.search(query);
    this.wantedLists.searched(this.options.onError);
    return page;
  }

  /** Polls the table now and resolves once what it found is searchable (tests, benchmarks). */
  async catchUp(): Promise<void> {
    await this.ready();
    await this.poll();
  }

  get size(): number {
    return this.index.size;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    const [{ now }] = await this.read((db): Promise<{ now: Date | string }[]> =>
      db.query(`SELECT ${dbNowSql(db)} AS now`),
    );
    let after = '';
    for (;;) {
      const rows = await this.read((db): Promise<RawDocumentRow[]> =>
        db.query(
          `SELECT ${ALL_COLUMNS} FROM ${DOCUMENT_TABLE} WHERE product_id > ? ORDER BY product_id LIMIT ${this.options.pageSize}`,
          [after],
        ),
      );
      rows.forEach((row) => this.apply(row));
      if (rows.length < this.options.pageSize) break;
      after = rows[rows.length - 1]!.product_id;
    }
    // Rows written while the pages were read are stamped after `now`: the first poll reads them.
    this.watermark = asDate(now).getTime();
    this.watermarkMovedAt = performance.now();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.poll().finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  /** Polls are chained: one at a time, and `catchUp` waits for one that started after it was called. */
  private poll(): Promise<void> {
    this.polling = this.polling.then(() =>
      this.pollOnce().catch((error: unknown) => {
        if (error instanceof DataSourceClosed) this.stop();
        else this.options.onError?.(error);
      }),
    );
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    const settled = performance.now() - this.watermarkMovedAt >= this.options.overlapMs;
    const since = sqlTime(Math.max(0, settled ? this.watermark : this.watermark - this.options.overlapMs));
    const written = await this.read(
      (db): Promise<{ product_id: string; revision: number | string; indexed_at: Date | string }[]> =>
        db.query(
          `SELECT product_id, revision, indexed_at FROM ${DOCUMENT_TABLE} WHERE indexed_at ${settled ? '>' : '>='} ?`,
          [since],
        ),
    );
    this.options.onPolled?.(written.length);
    const before = this.watermark;
    for (const row of written) this.watermark = Math.max(this.watermark, asDate(row.indexed_at).getTime());
    if (this.watermark > before) this.watermarkMovedAt = performance.now();
    const newer = written
      .filter((row) => Number(row.revision) > (this.revisions.get(row.product_id) ?? 0))
      .map((row) => row.product_id);
    for (let i = 0; i < newer.length; i += FETCH_BATCH) {
      const ids = newer.slice(i, i + FETCH_BATCH);
      const rows = await this.read((db): Promise<RawDocumentRow[]> =>
        db.query(
          `SELECT ${ALL_COLUMNS} FROM ${DOCUMENT_TABLE} WHERE product_id IN (${ids.map(() => '?').join(', ')})`,
          ids,
        ),
      );
      rows.forEach((row) => this.apply(row));
    }
  }

  private apply(row: RawDocumentRow): void {
    const revision = Number(row.revision);
    if (revision <= (this.revisions.get(row.product_id) ?? 0)) return;
    this.revisions.set(row.product_id, revision);
    if (isRemoved(row)) this.index.remove(row.product_id);
    else this.index.upsert(toDocument(row));
  }

  private read<T>(query: (db: DataSource) => Promise<T>): Promise<T> {
    return this.reads.read(async (db) => {
      if (!db.isInitialized) throw new DataSourceClosed('the data source was closed');
      return query(db);
    });
  }
}
