import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bigintColumn } from './portable-columns';

/**
 * A seller's own 반품 배송비 (docs/ordering.md#refunds-with-shipping). Null — every existing policy —
 * keeps the base fee as the return shipping.
 */
export class ReturnShippingFee1732530000000 implements MigrationInterface {
  name = 'ReturnShippingFee1732530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'seller_shipping_policies',
      new TableColumn(bigintColumn('return_shipping_fee', { nullable: true })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('seller_shipping_policies', 'return_shipping_fee');
  }
}
