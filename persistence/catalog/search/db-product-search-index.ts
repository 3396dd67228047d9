import type { DataSource } from 'typeorm';
import type { ProductSearchIndex } from '../../../domain/catalog/ports';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import {
  dbNowSql,
  DOCUMENT_COLUMNS,
  DOCUMENT_TABLE,
  documentValues,
  isMariaDb,
} from './search-document-rows';

/** Rows per INSERT: well under SQLite's bound-parameter limit. */
const BATCH = 200;

/**
 * The read-model table's writer (the product-search projection's target). Every write moves the
 * row's `revision` on and stamps `indexed_at` with the database's clock, which is what the tails
 * of the API processes (tailed-product-search.ts) poll; a removal leaves a tombstone for them.
 */
export class DbProductSearchIndex implements ProductSearchIndex {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(documents: ProductSearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      await this.dataSource.query(this.upsertSql(batch.length), batch.flatMap(documentValues));
    }
  }

  async remove(productIds: string[]): Promise<void> {
    for (let i = 0; i < productIds.length; i += BATCH) {
      const batch = productIds.slice(i, i + BATCH);
      await this.dataSource.query(
        `UPDATE ${DOCUMENT_TABLE} SET removed = 1, revision = revision + 1, indexed_at = ${dbNowSql(this.dataSource)}
         WHERE removed = 0 AND product_id IN (${batch.map(() => '?').join(', ')})`,
        batch,
      );
    }
  }

  private upsertSql(rows: number): string {
    const now = dbNowSql(this.dataSource);
    const placeholders = `(${DOCUMENT_COLUMNS.map(() => '?').join(', ')}, 0, 1, ${now})`;
    const insert = `INSERT INTO ${DOCUMENT_TABLE} (${DOCUMENT_COLUMNS.join(', ')}, removed, revision, indexed_at)
      VALUES ${Array.from({ length: rows }, () => placeholders).join(', ')}`;
    const updated = DOCUMENT_COLUMNS.filter((column) => column !== 'product_id');
    if (isMariaDb(this.dataSource)) {
      return `${insert} ON DUPLICATE KEY UPDATE ${updated.map((c) => `${c} = VALUES(${c})`).join(', ')},
        removed = 0, revision = revision + 1, indexed_at = ${now}`;
    }
    return `${insert} ON CONFLICT (product_id) DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(', ')},
      removed = 0, revision = ${DOCUMENT_TABLE}.revision + 1, indexed_at = ${now}`;
  }
}
