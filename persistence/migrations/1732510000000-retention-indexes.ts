import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes the retention run reads by (docs/retention.md): old orders by placing time, and the rows
 * it deletes with an order or a notification, so a daily batch never scans a whole table.
 */
const INDEXES: [table: string, name: string, columns: string[]][] = [
  ['orders', 'ix_orders_placed_at', ['placed_at', 'id']],
  ['payable_lines', 'ix_payable_lines_order', ['order_id']],
  ['settlement_adjustments', 'ix_settlement_adjustments_order', ['order_id']],
  ['notification_events', 'ix_notification_events_attempt', ['attempt_id', 'received_at']],
];

export class RetentionIndexes1732510000000 implements MigrationInterface {
  name = 'RetentionIndexes1732510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of INDEXES)
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of INDEXES) await queryRunner.dropIndex(table, name);
  }
}
