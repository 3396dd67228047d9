import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bigintColumn, createTable, intColumn, timestampColumn } from './portable-columns';

const dayColumn = (isPrimary = true) => ({ name: 'day', type: 'varchar', length: '10', isPrimary });
const keyColumn = (name: string, length: number) => ({
  name,
  type: 'varchar',
  length: String(length),
  isPrimary: true,
});

/** The source rows the rollup reads, by time, so a day's recomputation never scans a whole table. */
const SOURCE_INDEXES: [table: string, name: string, columns: string[]][] = [
  ['order_history', 'ix_order_history_status_at', ['to_status', 'at']],
  ['payments', 'ix_payments_created_at', ['created_at']],
];

/**
 * KPIs for admins (docs/kpis.md): anonymous view sessions (a keyed hash per Seoul day, nothing
 * else), and the daily aggregates the report reads: one row a day, its PG attempts, its buyers.
 */
export class Kpis1732540000002 implements MigrationInterface {
  name = 'Kpis1732540000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({ name: 'product_view_sessions', columns: [dayColumn(), keyColumn('session_hash', 64)] }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'kpi_daily',
        columns: [
          dayColumn(),
          intColumn('visitors'),
          intColumn('orders_paid'),
          intColumn('buyers'),
          bigintColumn('revenue'),
          intColumn('cancellations'),
          intColumn('returns'),
          timestampColumn(queryRunner, 'refreshed_at'),
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'kpi_daily_payments',
        columns: [dayColumn(), keyColumn('provider', 20), intColumn('attempts'), intColumn('succeeded')],
        checks: [{ name: 'ck_kpi_daily_payments', expression: 'succeeded >= 0 AND succeeded <= attempts' }],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'kpi_daily_buyers',
        columns: [dayColumn(), keyColumn('user_id', 36), intColumn('paid_orders')],
      }),
    );
    for (const [table, name, columnNames] of SOURCE_INDEXES)
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of SOURCE_INDEXES) await queryRunner.dropIndex(table, name);
    for (const table of ['kpi_daily_buyers', 'kpi_daily_payments', 'kpi_daily', 'product_view_sessions'])
      await queryRunner.dropTable(table);
  }
}
