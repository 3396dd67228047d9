import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { booleanColumn } from './portable-columns';

/**
 * Issue #19: a seller removes a variant by deactivating it (docs/catalog.md#options-and-variants);
 * the row stays for the order history and comes back if the combination is added again. The
 * seller's own list uses the existing `ix_products_seller_created` (seller_id, created_at, id).
 */
export class CatalogManagement1732540000005 implements MigrationInterface {
  name = 'CatalogManagement1732540000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('product_variants', new TableColumn(booleanColumn('active', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('product_variants', 'active');
  }
}
