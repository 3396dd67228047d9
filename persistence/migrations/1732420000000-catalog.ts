import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  booleanColumn,
  createTable,
  idColumn,
  intColumn,
  isMariaDb,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * Catalog: the category tree, products with their options (JSON), variants and images. Search reads
 * `products` directly: `search_text` is the normalised name + description (binary collation on
 * MariaDB, so LIKE compares bytes instead of running the Unicode collation per character), and the
 * composite indexes serve each sort with keyset pagination.
 */
export class Catalog1732420000000 implements MigrationInterface {
  name = 'Catalog1732420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const binary = isMariaDb(queryRunner) ? { charset: 'utf8mb4', collation: 'utf8mb4_bin' } : {};
    await createTable(
      queryRunner,
      new Table({
        name: 'categories',
        columns: [
          idColumn(),
          refColumn('parent_id', true),
          stringColumn('name', 50),
          { ...stringColumn('path', 200), ...binary },
          intColumn('depth'),
          intColumn('position', { default: 0 }),
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [
          { name: 'ix_categories_path', columnNames: ['path'] },
          { name: 'ix_categories_parent', columnNames: ['parent_id'] },
        ],
        checks: [{ name: 'ck_categories_depth', expression: 'depth >= 0 AND depth < 5' }],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'products',
        columns: [
          idColumn(),
          refColumn('seller_id'),
          refColumn('category_id', true),
          stringColumn('name', 100),
          textColumn(queryRunner, 'description'),
          bigintColumn('price'),
          textColumn(queryRunner, 'options_json'),
          stringColumn('status', 20),
          booleanColumn('suspended', false),
          bigintColumn('popularity', { default: 0 }),
          { ...stringColumn('search_text', 2000), ...binary },
          stringColumn('thumbnail_key', 200, true),
          intColumn('version', { default: 1 }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ix_products_listed_created', columnNames: ['suspended', 'created_at', 'id'] },
          { name: 'ix_products_listed_price', columnNames: ['suspended', 'price', 'id'] },
          { name: 'ix_products_listed_popularity', columnNames: ['suspended', 'popularity', 'id'] },
          {
            name: 'ix_products_category_created',
            columnNames: ['category_id', 'suspended', 'created_at', 'id'],
          },
          { name: 'ix_products_category_price', columnNames: ['category_id', 'suspended', 'price', 'id'] },
          { name: 'ix_products_seller_created', columnNames: ['seller_id', 'created_at', 'id'] },
        ],
        checks: [
          { name: 'ck_products_price', expression: 'price > 0' },
          { name: 'ck_products_popularity', expression: 'popularity >= 0' },
          { name: 'ck_products_status', expression: "status IN ('ON_SALE', 'SOLD_OUT', 'SUSPENDED')" },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'product_variants',
        columns: [
          idColumn(),
          refColumn('product_id'),
          stringColumn('option_key', 300),
          textColumn(queryRunner, 'options_json'),
          bigintColumn('price_delta', { default: 0 }),
          intColumn('position'),
        ],
        indices: [
          {
            name: 'ux_product_variants_combination',
            columnNames: ['product_id', 'option_key'],
            isUnique: true,
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'product_images',
        columns: [
          idColumn(),
          refColumn('product_id'),
          stringColumn('storage_key', 200),
          stringColumn('content_type', 40),
          bigintColumn('size_bytes'),
          intColumn('position'),
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [
          { name: 'ix_product_images_product', columnNames: ['product_id', 'position'] },
          { name: 'ux_product_images_key', columnNames: ['storage_key'], isUnique: true },
        ],
        checks: [{ name: 'ck_product_images_size', expression: 'size_bytes > 0 AND size_bytes <= 5242880' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['product_images', 'product_variants', 'products', 'categories'])
      await queryRunner.dropTable(table);
  }
}
