import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { stringColumn } from './portable-columns';

/**
 * Issue #19: the rest of a seller's 전자상거래법 표시사항 (docs/identity.md#seller-disclosure). Plain
 * text: every product page publishes them. Duplicate 사업자등록번호 are found through the existing
 * `ix_seller_profiles_business_number`.
 */
export class SellerDisclosure1732540000004 implements MigrationInterface {
  name = 'SellerDisclosure1732540000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('seller_profiles', [
      new TableColumn(stringColumn('mail_order_number', 40, true)),
      new TableColumn(stringColumn('business_address', 200, true)),
      new TableColumn(stringColumn('customer_service_phone', 20, true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('seller_profiles', 'customer_service_phone');
    await queryRunner.dropColumn('seller_profiles', 'business_address');
    await queryRunner.dropColumn('seller_profiles', 'mail_order_number');
  }
}
