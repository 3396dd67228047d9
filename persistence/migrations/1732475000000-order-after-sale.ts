import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createTable,
  idColumn,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * What OrderLifecycle keeps beside the order: each PG checkout prepared for it (the PG's handle,
 * e.g. a KakaoPay tid, is needed again to approve), and return requests with the decision taken.
 */
export class OrderAfterSale1732475000000 implements MigrationInterface {
  name = 'OrderAfterSale1732475000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'order_checkouts',
        columns: [
          idColumn(),
          refColumn('order_id'),
          stringColumn('provider', 20),
          stringColumn('pg_reference', 100, true),
          textColumn(queryRunner, 'checkout_url', true),
          timestampColumn(queryRunner, 'expires_at', true),
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [{ name: 'ix_order_checkouts_order', columnNames: ['order_id', 'created_at'] }],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'order_returns',
        columns: [
          idColumn(),
          refColumn('order_id'),
          refColumn('seller_id'),
          stringColumn('status', 20),
          textColumn(queryRunner, 'reason'),
          refColumn('requested_by'),
          timestampColumn(queryRunner, 'requested_at'),
          refColumn('decided_by', true),
          timestampColumn(queryRunner, 'decided_at', true),
          textColumn(queryRunner, 'decision_reason', true),
          bigintColumn('deduction_amount', { nullable: true }),
          bigintColumn('refund_amount', { nullable: true }),
        ],
        indices: [
          { name: 'ix_order_returns_order', columnNames: ['order_id'] },
          { name: 'ix_order_returns_seller_status', columnNames: ['seller_id', 'status'] },
        ],
        checks: [
          { name: 'ck_order_returns_status', expression: "status IN ('REQUESTED', 'APPROVED', 'REJECTED')" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('order_returns');
    await queryRunner.dropTable('order_checkouts');
  }
}
