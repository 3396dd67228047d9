import type { DataSource } from 'typeorm';
import type { ProductIdPages } from '../../../domain/catalog/ports';
import { DOCUMENT_TABLE } from './search-document-rows';

const limitOf = (limit: number) => Math.max(1, Math.floor(limit));

/** Pages of product ids on the primary (the projection must see what was just committed). */
export class TypeOrmProductIdPages implements ProductIdPages {
  constructor(private readonly dataSource: DataSource) {}

  async inCategories(categoryIds: string[], afterId: string | null, limit: number): Promise<string[]> {
    if (categoryIds.length === 0) return [];
    return this.ids(
      `SELECT id FROM products WHERE category_id IN (${categoryIds.map(() => '?').join(', ')}) AND id > ?
       ORDER BY id LIMIT ${limitOf(limit)}`,
      [...categoryIds, afterId ?? ''],
    );
  }

  async ofSeller(sellerId: string, afterId: string | null, limit: number): Promise<string[]> {
    return this.ids(
      `SELECT id FROM products WHERE seller_id = ? AND id > ? ORDER BY id LIMIT ${limitOf(limit)}`,
      [sellerId, afterId ?? ''],
    );
  }

  async withoutSearchDocument(afterId: string | null, limit: number): Promise<string[]> {
    return this.ids(
      `SELECT p.id FROM products p LEFT JOIN ${DOCUMENT_TABLE} d ON d.product_id = p.id
       WHERE d.product_id IS NULL AND p.id > ? ORDER BY p.id LIMIT ${limitOf(limit)}`,
      [afterId ?? ''],
    );
  }

  private async ids(sql: string, params: unknown[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(sql, params);
    return rows.map((row) => row.id);
  }
}
