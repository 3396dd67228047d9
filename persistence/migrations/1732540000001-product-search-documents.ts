import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  booleanColumn,
  createTable,
  intColumn,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * The product read model (docs/catalog.md#the-read-model): one denormalised search document per
 * product, written by the product-search projection and tailed by every API process into its
 * in-memory index. Lists are JSON text. `revision` counts the writes of a row and `indexed_at` is
 * the database's clock at the write, so a tail polling `indexed_at` with an overlap also sees rows
 * whose transactions committed out of order and applies each only when its revision is newer.
 * A product that no longer exists keeps a `removed` row (a tombstone), so tails learn of it too.
 */
export class ProductSearchDocuments1732540000001 implements MigrationInterface {
  name = 'ProductSearchDocuments1732540000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'product_search_documents',
        columns: [
          { ...refColumn('product_id'), isPrimary: true },
          refColumn('seller_id'),
          stringColumn('seller_name', 100),
          stringColumn('name', 100),
          textColumn(queryRunner, 'description'),
          refColumn('category_id', true),
          textColumn(queryRunner, 'category_path'),
          textColumn(queryRunner, 'category_path_ids'),
          textColumn(queryRunner, 'option_values'),
          bigintColumn('price'),
          bigintColumn('min_price'),
          bigintColumn('max_price'),
          stringColumn('status', 20),
          booleanColumn('sellable', false),
          bigintColumn('popularity', { default: 0 }),
          stringColumn('thumbnail_key', 200, true),
          timestampColumn(queryRunner, 'created_at'),
          booleanColumn('removed', false),
          intColumn('revision', { default: 1 }),
          timestampColumn(queryRunner, 'indexed_at'),
        ],
        indices: [
          { name: 'ix_product_search_documents_indexed', columnNames: ['indexed_at'] },
          { name: 'ix_product_search_documents_seller', columnNames: ['seller_id'] },
        ],
        checks: [{ name: 'ck_product_search_documents_revision', expression: 'revision > 0' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('product_search_documents');
  }
}
