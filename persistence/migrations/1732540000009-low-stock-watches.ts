import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { booleanColumn, createTable, intColumn, refColumn, timestampColumn } from './portable-columns';

/** Sellers' low-stock thresholds per variant and whether they were alerted since stock last rose above. */
export class LowStockWatches1732540000009 implements MigrationInterface {
  name = 'LowStockWatches1732540000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'low_stock_watches',
        columns: [
          { ...refColumn('variant_id'), isPrimary: true },
          intColumn('threshold'),
          booleanColumn('alerted', false),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        checks: [{ name: 'ck_low_stock_watches_threshold', expression: 'threshold >= 0' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('low_stock_watches');
  }
}
