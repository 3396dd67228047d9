import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bigintColumn, createTable, refColumn, stringColumn, timestampColumn } from './portable-columns';

/** Each refund of an order and whether its money is back (docs/payments.md#refunds-the-pg-refuses). */
export class PaymentRefunds1732497000000 implements MigrationInterface {
  name = 'PaymentRefunds1732497000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'payment_refunds',
        columns: [
          { ...stringColumn('refund_id', 120), isPrimary: true },
          refColumn('order_id'),
          bigintColumn('pg_amount'),
          bigintColumn('points_amount'),
          stringColumn('status', 10),
          stringColumn('failure_code', 80, true),
          stringColumn('failure_message', 500, true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ix_payment_refunds_order', columnNames: ['order_id'] }],
        checks: [
          { name: 'ck_payment_refunds_status', expression: "status IN ('PENDING', 'DONE', 'FAILED')" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('payment_refunds');
  }
}
