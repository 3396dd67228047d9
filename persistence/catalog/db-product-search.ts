import type { DataSource } from 'typeorm';
import { primaryReads, type ReadRoute } from '../read-replicas';
import type { ProductSearch } from '../../domain/catalog/ports';
import type { SaleStatus } from '../../domain/catalog/sale-status';
import {
  sortValueOf,
  type ProductSearchPage,
  type ProductSearchQuery,
  type ProductSummary,
} from '../../domain/catalog/search-query';

interface Row {
  id: string;
  seller_id: string;
  name: string;
  price: number | string;
  status: string;
  category_id: string | null;
  thumbnail_key: string | null;
  popularity: number | string;
  created_at: Date | string;
}

const COLUMNS = 'id, seller_id, name, price, status, category_id, thumbnail_key, popularity, created_at';
const SORTS = {
  newest: { column: 'created_at', direction: 'DESC' },
  price_asc: { column: 'price', direction: 'ASC' },
  price_desc: { column: 'price', direction: 'DESC' },
  popular: { column: 'popularity', direction: 'DESC' },
} as const;
/** Rows the sort-index walk may examine before the search switches to a table scan (MariaDB). */
const WALK_LIMIT = 3000;
const SCAN_HINT =
  'IGNORE INDEX (ix_products_listed_created, ix_products_listed_price, ix_products_listed_popularity)';

const asDate = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(value.replace(' ', 'T') + (value.endsWith('Z') ? '' : 'Z'));
const sqlTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
/** `!` escapes LIKE wildcards: a backslash would need different quoting on MariaDB and SQLite. */
const likeContains = (term: string) => `%${term.replace(/[!%_]/g, (ch) => `!${ch}`)}%`;

/**
 * Product search on the catalog tables (MariaDB or SQLite), the implementation that serves until
 * an Elasticsearch index is configured. Every term must occur in `search_text` (normalised name +
 * description, so 한글 and English match anywhere in a word); the sort walks a composite index
 * (`suspended, <sort column>, id`) and pages with a keyset cursor, so a page costs the same at
 * any depth. See docs/catalog.md for the measurements behind this choice.
 */
export class DbProductSearch implements ProductSearch {
  /** `reads`: a search page tolerates replication lag, so it may be answered by a read replica. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadRoute = primaryReads(dataSource),
  ) {}

  async productsChanged(): Promise<void> {
    // The tables are the index: nothing to refresh.
  }

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    if (query.categoryIds && query.categoryIds.length === 0) return { items: [], nextCursor: null };
    const where: string[] = ['suspended = ?'];
    const params: unknown[] = [0];
    query.terms.forEach((term) => {
      where.push("search_text LIKE ? ESCAPE '!'");
      params.push(likeContains(term));
    });
    if (query.categoryIds) {
      where.push(`category_id IN (${query.categoryIds.map(() => '?').join(', ')})`);
      params.push(...query.categoryIds);
    }
    if (query.minPrice !== undefined) {
      where.push('price >= ?');
      params.push(query.minPrice);
    }
    if (query.maxPrice !== undefined) {
      where.push('price <= ?');
      params.push(query.maxPrice);
    }
    const { column, direction } = SORTS[query.sort];
    if (query.after) {
      const value = query.sort === 'newest' ? sqlTime(query.after.value) : query.after.value;
      const [strict, idOp] = direction === 'DESC' ? ['<', '<'] : ['>', '>'];
      where.push(`${column} ${strict}= ? AND (${column} ${strict} ? OR id ${idOp} ?)`);
      params.push(value, value, query.after.id);
    }
    const body = `FROM products %HINT% WHERE ${where.join(' AND ')} ORDER BY ${column} ${direction}, id ${direction} LIMIT ${query.limit + 1}`;
    const select = `SELECT ${COLUMNS} ${body}`;
    const rows = await this.reads.read(async (db): Promise<Row[]> => {
      if (!this.isMariaDb) return db.query(select.replace('%HINT%', ''), params);
      // Walk the sort index, but give up after a few thousand rows: dense matches fill a page long
      // before that. A short answer may mean the walk was cut off (a rare keyword), so the query is
      // then answered by one scan of the table without the sort index, sorting only the matches.
      const walked: Row[] = await db.query(
        `${select.replace('%HINT%', '')} ROWS EXAMINED ${WALK_LIMIT}`,
        params,
      );
      return walked.length > query.limit ? walked : db.query(select.replace('%HINT%', SCAN_HINT), params);
    });
    const items: ProductSummary[] = rows.slice(0, query.limit).map((row) => ({
      id: row.id,
      sellerId: row.seller_id,
      name: row.name,
      price: Number(row.price),
      status: row.status as SaleStatus,
      categoryId: row.category_id,
      thumbnailKey: row.thumbnail_key,
      popularity: Number(row.popularity),
      createdAt: asDate(row.created_at),
    }));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? { sort: query.sort, value: sortValueOf(last, query.sort), id: last.id }
          : null,
    };
  }

  private get isMariaDb(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }
}
