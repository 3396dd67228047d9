import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { stringColumn } from './portable-columns';

/**
 * Ordered notices (docs/notifications.md, "Order of notices"): a notification may name, by dedupe
 * key, the one whose delivery must end before its own starts (the cancel before the refund).
 */
export class NotificationOrder1732540000013 implements MigrationInterface {
  name = 'NotificationOrder1732540000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('notifications', new TableColumn(stringColumn('after_key', 200, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notifications', 'after_key');
  }
}
