import type { ProductSearchDocumentSource } from '../../../domain/catalog/ports';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import type { ReadRoute } from '../../read-replicas';
import { ALL_COLUMNS, DOCUMENT_TABLE, toDocument, type RawDocumentRow } from './search-document-rows';

/** The live documents of the read-model table in product-id order (what `search:reindex` builds from). */
export class DbProductSearchDocumentSource implements ProductSearchDocumentSource {
  constructor(private readonly reads: ReadRoute) {}

  async count(): Promise<number> {
    const [row] = await this.reads.read((db): Promise<{ n: number | string }[]> =>
      db.query(`SELECT COUNT(*) AS n FROM ${DOCUMENT_TABLE} WHERE removed = 0`),
    );
    return Number(row?.n ?? 0);
  }

  async page(afterProductId: string | null, limit: number): Promise<ProductSearchDocument[]> {
    const rows = await this.reads.read((db): Promise<RawDocumentRow[]> =>
      db.query(
        `SELECT ${ALL_COLUMNS} FROM ${DOCUMENT_TABLE} WHERE removed = 0 AND product_id > ?
           ORDER BY product_id LIMIT ${Math.max(1, Math.floor(limit))}`,
        [afterProductId ?? ''],
      ),
    );
    return rows.map(toDocument);
  }
}
