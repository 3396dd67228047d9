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
 * Chat: conversations between a consumer and a seller (optionally about a product or an order),
 * their messages numbered 1, 2, 3 … per conversation (hidden by moderation, never deleted), and one
 * read marker per participant account.
 */
export class Chat1732450000000 implements MigrationInterface {
  name = 'Chat1732450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'chat_conversations',
        columns: [
          idColumn(),
          refColumn('consumer_id'),
          refColumn('seller_id'),
          // Plain references to other contexts (no foreign keys across contexts).
          refColumn('product_id', true),
          refColumn('order_id', true),
          stringColumn('status', 10),
          intColumn('last_seq', { default: 0 }),
          timestampColumn(queryRunner, 'last_message_at', true),
          timestampColumn(queryRunner, 'last_activity_at'),
          timestampColumn(queryRunner, 'awaiting_reply_since', true),
          intColumn('awaiting_round', { default: 0 }),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'closed_at', true),
          refColumn('closed_by', true),
        ],
        indices: [
          { name: 'ix_chat_conversations_consumer', columnNames: ['consumer_id', 'last_activity_at'] },
          { name: 'ix_chat_conversations_seller', columnNames: ['seller_id', 'last_activity_at'] },
          { name: 'ix_chat_conversations_waiting', columnNames: ['seller_id', 'awaiting_reply_since'] },
          { name: 'ix_chat_conversations_activity', columnNames: ['last_activity_at'] },
        ],
        checks: [
          { name: 'ck_chat_conversations_status', expression: "status IN ('OPEN', 'CLOSED')" },
          { name: 'ck_chat_conversations_last_seq', expression: 'last_seq >= 0' },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'chat_messages',
        columns: [
          idColumn(),
          refColumn('conversation_id'),
          intColumn('seq'),
          refColumn('sender_id'),
          stringColumn('sender_role', 10),
          stringColumn('kind', 10),
          textColumn(queryRunner, 'text'),
          timestampColumn(queryRunner, 'created_at'),
          timestampColumn(queryRunner, 'hidden_at', true),
          refColumn('hidden_by', true),
          stringColumn('hidden_reason', 500, true),
        ],
        indices: [{ name: 'ux_chat_messages_seq', columnNames: ['conversation_id', 'seq'], isUnique: true }],
        checks: [
          { name: 'ck_chat_messages_seq', expression: 'seq > 0' },
          { name: 'ck_chat_messages_kind', expression: "kind IN ('TEXT', 'SYSTEM')" },
          {
            name: 'ck_chat_messages_sender_role',
            expression: "sender_role IN ('CONSUMER', 'SELLER', 'MANAGER', 'ADMIN')",
          },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'chat_participants',
        columns: [
          idColumn(),
          refColumn('conversation_id'),
          refColumn('user_id'),
          stringColumn('role', 10),
          stringColumn('side', 10),
          timestampColumn(queryRunner, 'joined_at'),
          intColumn('last_read_seq', { default: 0 }),
          refColumn('last_read_message_id', true),
          timestampColumn(queryRunner, 'last_read_at', true),
        ],
        indices: [
          {
            name: 'ux_chat_participants_member',
            columnNames: ['conversation_id', 'user_id'],
            isUnique: true,
          },
          { name: 'ix_chat_participants_user', columnNames: ['user_id'] },
        ],
        checks: [
          { name: 'ck_chat_participants_side', expression: "side IN ('CONSUMER', 'SELLER', 'ADMIN')" },
          { name: 'ck_chat_participants_read', expression: 'last_read_seq >= 0' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('chat_participants');
    await queryRunner.dropTable('chat_messages');
    await queryRunner.dropTable('chat_conversations');
  }
}
