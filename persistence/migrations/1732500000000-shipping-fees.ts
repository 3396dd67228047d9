import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  booleanColumn,
  createTable,
  refColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * Shipping fees (docs/ordering.md#shipping-fees): each seller's policy, the products' 개별 배송비 and
 * 묶음배송 불가, and what each order part charged. Orders placed before read a fee of 0.
 */
export class ShippingFees1732500000000 implements MigrationInterface {
  name = 'ShippingFees1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'seller_shipping_policies',
        columns: [
          { ...refColumn('seller_id'), isPrimary: true },
          bigintColumn('base_fee'),
          bigintColumn('free_shipping_over', { nullable: true }),
          bigintColumn('remote_area_fee'),
          bigintColumn('jeju_fee'),
          textColumn(queryRunner, 'remote_zip_ranges', true),
          refColumn('updated_by'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        checks: [
          {
            name: 'ck_shipping_policy_fees',
            expression: 'base_fee >= 0 AND remote_area_fee >= 0 AND jeju_fee >= 0',
          },
        ],
      }),
    );
    await queryRunner.addColumns('products', [
      new TableColumn(bigintColumn('shipping_fee', { nullable: true })),
      new TableColumn(booleanColumn('bundle_shipping', true)),
    ]);
    await queryRunner.addColumns('order_parts', [
      new TableColumn(bigintColumn('shipping_fee', { default: 0 })),
      new TableColumn(textColumn(queryRunner, 'shipping_policy', true)),
    ]);
    await queryRunner.addColumns('order_lines', [
      new TableColumn(bigintColumn('shipping_fee', { nullable: true })),
      new TableColumn(booleanColumn('bundle_shipping', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('order_lines', ['shipping_fee', 'bundle_shipping']);
    await queryRunner.dropColumns('order_parts', ['shipping_fee', 'shipping_policy']);
    await queryRunner.dropColumns('products', ['shipping_fee', 'bundle_shipping']);
    await queryRunner.dropTable('seller_shipping_policies');
  }
}
