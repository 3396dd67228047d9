import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createTable,
  intColumn,
  isMariaDb,
  refColumn,
  stringColumn,
  textColumn,
  timestampColumn,
} from './portable-columns';

/**
 * The transactional outbox (docs/events.md): domain events written in the transaction of their
 * change, relayed at least once. `outbox_relay_lock` holds the one row a relaying worker locks, so
 * replicas take turns and events leave in sequence order.
 */
export class Outbox1732540000000 implements MigrationInterface {
  name = 'Outbox1732540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTable(
      queryRunner,
      new Table({
        name: 'outbox_events',
        columns: [
          {
            name: 'sequence',
            // SQLite autoincrements only an INTEGER primary key (64-bit there too).
            type: isMariaDb(queryRunner) ? 'bigint' : 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          refColumn('event_id'),
          // The event id for a first delivery; `<event id>:<handler>:<dead letter>` for an admin redelivery.
          stringColumn('delivery_key', 160),
          stringColumn('type', 100),
          stringColumn('aggregate_type', 40),
          stringColumn('aggregate_id', 64),
          textColumn(queryRunner, 'payload'),
          timestampColumn(queryRunner, 'occurred_at'),
          timestampColumn(queryRunner, 'published_at', true),
          stringColumn('target_handler', 60, true),
          intColumn('attempts', { default: 0 }),
        ],
        indices: [
          { name: 'ux_outbox_events_delivery_key', columnNames: ['delivery_key'], isUnique: true },
          { name: 'ix_outbox_events_unpublished', columnNames: ['published_at', 'sequence'] },
          { name: 'ix_outbox_events_event_id', columnNames: ['event_id'] },
        ],
      }),
    );
    await createTable(
      queryRunner,
      new Table({
        name: 'outbox_relay_lock',
        columns: [stringColumn('name', 40)].map((c) => ({ ...c, isPrimary: true })),
      }),
    );
    await queryRunner.query(`INSERT INTO outbox_relay_lock (name) VALUES ('relay')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_relay_lock');
    await queryRunner.dropTable('outbox_events');
  }
}
