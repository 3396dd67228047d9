import { Table, TableCheck, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  createTable,
  idColumn,
  isMariaDb,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

const OLD_STATUSES =
  "'PENDING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'PURCHASE_CONFIRMED', 'CANCELLED', 'PAYMENT_FAILED', 'RETURN_REQUESTED', 'RETURNED'";
const STATUSES = `${OLD_STATUSES}, 'EXCHANGE_REQUESTED', 'EXCHANGE_APPROVED', 'EXCHANGE_IN_TRANSIT'`;

/** The status checks of orders, their parts and their history, by table. */
const CHECKS: Array<[table: string, check: string, column: string]> = [
  ['orders', 'ck_orders_status', 'status'],
  ['order_parts', 'ck_order_parts_status', 'status'],
  ['order_history', 'ck_order_history_to_status', 'to_status'],
];

/**
 * Exchanges (docs/ordering.md#exchanges): one row per request with its items (from → to variant,
 * JSON), the round trip's shipping and who pays it, the decision and the replacement's invoice; the
 * order statuses gain the exchange's three.
 */
export class OrderExchanges1732540000010 implements MigrationInterface {
  name = 'OrderExchanges1732540000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'order_exchanges',
        columns: [
          idColumn(),
          refColumn('order_id'),
          refColumn('seller_id'),
          stringColumn('status', 20),
          stringColumn('reason_code', 20),
          textColumn(queryRunner, 'reason'),
          textColumn(queryRunner, 'items'),
          bigintColumn('shipping_fee'),
          stringColumn('payer', 10),
          refColumn('requested_by'),
          timestampColumn(queryRunner, 'requested_at'),
          refColumn('decided_by', true),
          timestampColumn(queryRunner, 'decided_at', true),
          textColumn(queryRunner, 'decision_reason', true),
          stringColumn('courier', 10, true),
          stringColumn('invoice_number', 20, true),
          timestampColumn(queryRunner, 'shipped_at', true),
          timestampColumn(queryRunner, 'delivered_at', true),
        ],
        indices: [
          { name: 'ix_order_exchanges_order', columnNames: ['order_id'] },
          { name: 'ix_order_exchanges_seller_status', columnNames: ['seller_id', 'status', 'id'] },
        ],
        checks: [
          {
            name: 'ck_order_exchanges_status',
            expression: "status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'SHIPPED', 'DELIVERED')",
          },
          { name: 'ck_order_exchanges_payer', expression: "payer IN ('BUYER', 'SELLER')" },
          { name: 'ck_order_exchanges_fee', expression: 'shipping_fee >= 0' },
        ],
      }),
    );
    for (const [table, check, column] of CHECKS)
      await replaceCheck(
        queryRunner,
        table,
        check,
        `${column} IN (${OLD_STATUSES})`,
        `${column} IN (${STATUSES})`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('order_exchanges');
    for (const [table, check, column] of CHECKS)
      await replaceCheck(
        queryRunner,
        table,
        check,
        `${column} IN (${STATUSES})`,
        `${column} IN (${OLD_STATUSES})`,
      );
  }
}

async function replaceCheck(
  queryRunner: QueryRunner,
  table: string,
  name: string,
  from: string,
  to: string,
): Promise<void> {
  if (isMariaDb(queryRunner)) {
    await queryRunner.query(`ALTER TABLE \`${table}\` DROP CONSTRAINT \`${name}\``);
    await queryRunner.query(`ALTER TABLE \`${table}\` ADD CONSTRAINT \`${name}\` CHECK (${to})`);
    return;
  }
  await queryRunner.dropCheckConstraint(table, new TableCheck({ name, expression: from }));
  await queryRunner.createCheckConstraint(table, new TableCheck({ name, expression: to }));
}
