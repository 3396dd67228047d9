import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigintColumn,
  booleanColumn,
  createTable,
  idColumn,
  intColumn,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * Payments: one row per payment attempt (PG transaction ids and raw answers, never card data),
 * verified PG webhook events (once per provider event id), members' points (balance with a version
 * for optimistic locking, holds per order, an append-only ledger), and a note on dead letters.
 */
export class Payments1732460000000 implements MigrationInterface {
  name = 'Payments1732460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'payments',
        columns: [
          idColumn(),
          refColumn('order_id'),
          intColumn('attempt'),
          refColumn('user_id'),
          stringColumn('provider', 20, true),
          stringColumn('method', 20),
          bigintColumn('total_amount'),
          bigintColumn('points_amount'),
          bigintColumn('pg_amount'),
          stringColumn('status', 24),
          stringColumn('pg_transaction_id', 200, true),
          stringColumn('pg_status', 24, true),
          stringColumn('failure_code', 80, true),
          stringColumn('failure_message', 500, true),
          textColumn(queryRunner, 'raw_response', true),
          stringColumn('callback_secret', 200, true),
          timestampColumn(queryRunner, 'approved_at', true),
          bigintColumn('cancelled_amount', { default: 0 }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ux_payments_order_attempt', columnNames: ['order_id', 'attempt'], isUnique: true },
          { name: 'ix_payments_pg_transaction', columnNames: ['pg_transaction_id'] },
        ],
        checks: [
          {
            name: 'ck_payments_status',
            expression:
              "status IN ('PENDING', 'AWAITING_DEPOSIT', 'DECLINED', 'FAILED', 'APPROVED', 'PARTIALLY_CANCELLED', 'CANCELLED')",
          },
          { name: 'ck_payments_attempt', expression: 'attempt >= 1' },
          {
            name: 'ck_payments_amounts',
            expression:
              'total_amount > 0 AND points_amount >= 0 AND pg_amount >= 0 AND points_amount + pg_amount = total_amount',
          },
          {
            name: 'ck_payments_cancelled',
            expression: 'cancelled_amount >= 0 AND cancelled_amount <= total_amount',
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'payment_events',
        columns: [
          idColumn(),
          stringColumn('provider', 20),
          stringColumn('event_id', 300),
          stringColumn('event_type', 40),
          stringColumn('order_id', 64),
          stringColumn('pg_transaction_id', 200),
          stringColumn('pg_status', 24),
          booleanColumn('stale', false),
          timestampColumn(queryRunner, 'received_at'),
        ],
        indices: [
          { name: 'ux_payment_events_provider_event', columnNames: ['provider', 'event_id'], isUnique: true },
          { name: 'ix_payment_events_order', columnNames: ['order_id'] },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'points_accounts',
        columns: [
          { ...refColumn('user_id'), isPrimary: true },
          bigintColumn('available', { default: 0 }),
          bigintColumn('held', { default: 0 }),
          intColumn('version', { default: 0 }),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        checks: [
          { name: 'ck_points_accounts_available', expression: 'available >= 0' },
          { name: 'ck_points_accounts_held', expression: 'held >= 0' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'points_holds',
        columns: [
          { ...refColumn('order_id'), isPrimary: true },
          refColumn('user_id'),
          bigintColumn('amount'),
          stringColumn('status', 12),
          bigintColumn('refunded', { default: 0 }),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [{ name: 'ix_points_holds_user_status', columnNames: ['user_id', 'status'] }],
        checks: [
          { name: 'ck_points_holds_status', expression: "status IN ('HELD', 'CAPTURED', 'RELEASED')" },
          {
            name: 'ck_points_holds_amounts',
            expression: 'amount > 0 AND refunded >= 0 AND refunded <= amount',
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'points_ledger',
        columns: [
          idColumn(),
          refColumn('user_id'),
          stringColumn('type', 10),
          bigintColumn('amount'),
          refColumn('order_id', true),
          stringColumn('reference', 120, true),
          bigintColumn('available_after'),
          bigintColumn('held_after'),
          timestampColumn(queryRunner, 'created_at'),
        ],
        indices: [
          { name: 'ix_points_ledger_user', columnNames: ['user_id', 'id'] },
          { name: 'ix_points_ledger_order', columnNames: ['order_id'] },
        ],
        checks: [
          {
            name: 'ck_points_ledger_type',
            expression: "type IN ('EARN', 'HOLD', 'CAPTURE', 'RELEASE', 'REFUND')",
          },
          {
            name: 'ck_points_ledger_amounts',
            expression: 'amount > 0 AND available_after >= 0 AND held_after >= 0',
          },
        ],
      }),
    );
    await queryRunner.addColumn('dead_letters', new TableColumn(textColumn(queryRunner, 'note', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('dead_letters', 'note');
    for (const table of ['points_ledger', 'points_holds', 'points_accounts', 'payment_events', 'payments'])
      await queryRunner.dropTable(table);
  }
}
