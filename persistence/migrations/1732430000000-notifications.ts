import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createTable,
  idColumn,
  intColumn,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * Notifications (one per business event and recipient, unique by its dedupe key), the send log of
 * every channel attempt (AlimTalk, SMS/LMS, e-mail) with its fallback link, and the provider events
 * received by webhook (unique per provider event id, so a replayed webhook changes nothing).
 */
export class Notifications1732430000000 implements MigrationInterface {
  name = 'Notifications1732430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'notifications',
        columns: [
          idColumn(),
          stringColumn('dedupe_key', 200),
          stringColumn('template_code', 40),
          refColumn('recipient_user_id', true),
          textColumn(queryRunner, 'recipient_contact', true),
          textColumn(queryRunner, 'variables'),
          textColumn(queryRunner, 'attachment', true),
          refColumn('order_id', true),
          stringColumn('status', 20),
          stringColumn('delivered_via', 10, true),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          { name: 'ux_notifications_dedupe_key', columnNames: ['dedupe_key'], isUnique: true },
          { name: 'ix_notifications_order', columnNames: ['order_id', 'created_at'] },
          { name: 'ix_notifications_recipient', columnNames: ['recipient_user_id', 'created_at'] },
          { name: 'ix_notifications_created', columnNames: ['created_at'] },
        ],
        checks: [
          {
            name: 'ck_notifications_status',
            expression: "status IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED')",
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'notification_attempts',
        columns: [
          idColumn(),
          refColumn('notification_id'),
          stringColumn('channel', 10),
          stringColumn('provider', 20),
          stringColumn('masked_recipient', 120),
          stringColumn('provider_message_id', 200, true),
          intColumn('recipient_seq', { nullable: true }),
          stringColumn('status', 20),
          stringColumn('failure_reason', 40, true),
          stringColumn('provider_code', 40, true),
          stringColumn('provider_message', 500, true),
          refColumn('fallback_of', true),
          intColumn('tries', { default: 0 }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'updated_at'),
        ],
        indices: [
          {
            name: 'ux_notification_attempts_channel',
            columnNames: ['notification_id', 'channel'],
            isUnique: true,
          },
          { name: 'ix_notification_attempts_message', columnNames: ['provider_message_id'] },
        ],
        checks: [
          {
            name: 'ck_notification_attempts_channel',
            expression: "channel IN ('ALIMTALK', 'SMS', 'LMS', 'EMAIL')",
          },
          {
            name: 'ck_notification_attempts_status',
            expression: "status IN ('SENDING', 'ACCEPTED', 'DELIVERED', 'FAILED')",
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'notification_events',
        columns: [
          idColumn(),
          stringColumn('provider', 20),
          stringColumn('event_id', 200),
          refColumn('attempt_id', true),
          stringColumn('status', 20),
          stringColumn('detail', 500, true),
          timestampColumn(queryRunner, 'occurred_at'),
          timestampColumn(queryRunner, 'received_at'),
        ],
        indices: [
          {
            name: 'ux_notification_events_provider_event',
            columnNames: ['provider', 'event_id'],
            isUnique: true,
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_events');
    await queryRunner.dropTable('notification_attempts');
    await queryRunner.dropTable('notifications');
  }
}
