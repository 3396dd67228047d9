import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes the sellers' daily digest reads by (docs/notifications.md#sellers-daily-digest): parts
 * and returns by status, then seller, then age, so finding the sellers with waiting work, counting
 * it and naming the oldest never scans the orders of sellers with nothing waiting, nor a seller's
 * whole history. The older (seller_id, …) indexes cannot be entered by status.
 */
const INDEXES: [table: string, name: string, columns: string[]][] = [
  ['order_parts', 'ix_order_parts_status_seller', ['status', 'seller_id', 'placed_at']],
  ['order_returns', 'ix_order_returns_status_seller', ['status', 'seller_id', 'requested_at']],
];

export class SellerDigest1732540000011 implements MigrationInterface {
  name = 'SellerDigest1732540000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of INDEXES)
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of INDEXES) await queryRunner.dropIndex(table, name);
  }
}
