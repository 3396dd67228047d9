import { Table, TableCheck, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  booleanColumn,
  createTable,
  idColumn,
  isMariaDb,
  refColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

const OLD_COURIERS = "courier IS NULL OR courier IN ('CJ', 'LOTTE', 'HANJIN')";
const COURIERS =
  "courier IS NULL OR courier IN ('CJ', 'LOTTE', 'HANJIN', 'EPOST', 'LOGEN', 'KDEXP', 'DAESIN')";

/**
 * Issue #19: four more couriers (docs/shipping.md#couriers-and-invoices), the buyer's address book
 * (one AES-256-GCM ciphertext per address, like an order's address; docs/ordering.md#address-book).
 * The admin order list's date filter uses `ix_orders_placed_at` (retention indexes).
 */
export class MerchantBasics1732540000003 implements MigrationInterface {
  name = 'MerchantBasics1732540000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.courierCheck(queryRunner, OLD_COURIERS, COURIERS);
    await createTable(
      queryRunner,
      new Table({
        name: 'user_addresses',
        columns: [
          idColumn(),
          refColumn('user_id'),
          // Ciphertext of the address JSON (label, recipient, phone, zip code, lines, delivery memo).
          textColumn(queryRunner, 'address'),
          booleanColumn('is_default', false),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ix_user_addresses_user', columnNames: ['user_id', 'id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('user_addresses');
    await this.courierCheck(queryRunner, COURIERS, OLD_COURIERS);
  }

  private async courierCheck(queryRunner: QueryRunner, from: string, to: string): Promise<void> {
    if (isMariaDb(queryRunner)) {
      await queryRunner.query('ALTER TABLE `shipments` DROP CONSTRAINT `ck_shipments_courier`');
      await queryRunner.query(
        `ALTER TABLE \`shipments\` ADD CONSTRAINT \`ck_shipments_courier\` CHECK (${to})`,
      );
      return;
    }
    await queryRunner.dropCheckConstraint(
      'shipments',
      new TableCheck({ name: 'ck_shipments_courier', expression: from }),
    );
    await queryRunner.createCheckConstraint(
      'shipments',
      new TableCheck({ name: 'ck_shipments_courier', expression: to }),
    );
  }
}
