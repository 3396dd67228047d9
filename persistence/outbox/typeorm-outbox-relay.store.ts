import type { DataSource, EntityManager } from 'typeorm';
import type { PublishedEvent } from '../../domain/shared/domain-event';
import type { OutboxEntry, OutboxRelayStore } from '../../domain/shared/outbox-relay';
import { isUniqueViolation } from '../unique-violation';
import { OutboxEventEntity, type OutboxEventRow } from './outbox-event.entity';
import { outboxRow } from './typeorm-event-outbox';

const toEntry = (row: OutboxEventRow): OutboxEntry => ({
  sequence: Number(row.sequence),
  id: row.eventId,
  type: row.type,
  aggregateType: row.aggregateType,
  aggregateId: row.aggregateId,
  occurredAt: new Date(row.occurredAt),
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  targetHandler: row.targetHandler,
});

/**
 * The relay's reads and writes of `outbox_events`. On MariaDB a relay holds the lock row
 * (`outbox_relay_lock`, SKIP LOCKED) for the length of one batch: worker replicas take turns rather
 * than split the queue, because two relays publishing interleaved batches would break the order of
 * one aggregate's events. SQLite has one process (the embedded shop) and no row locks.
 */
export class TypeOrmOutboxRelayStore implements OutboxRelayStore {
  private readonly mariaDb: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    const type = dataSource.options.type;
    this.mariaDb = type === 'mysql' || type === 'mariadb';
  }

  async relayBatch(limit: number, publish: (entries: OutboxEntry[]) => Promise<void>) {
    if (!this.mariaDb) return this.publishOldest(this.dataSource.manager, limit, publish);
    return this.dataSource.transaction(async (manager) => {
      const lock: unknown[] = await manager.query(
        "SELECT name FROM outbox_relay_lock WHERE name = 'relay' FOR UPDATE SKIP LOCKED",
      );
      if (lock.length === 0) return { claimed: false, published: 0 };
      return this.publishOldest(manager, limit, publish);
    });
  }

  private async publishOldest(
    manager: EntityManager,
    limit: number,
    publish: (entries: OutboxEntry[]) => Promise<void>,
  ) {
    const rows = await manager
      .getRepository(OutboxEventEntity)
      .createQueryBuilder('e')
      .where('e.published_at IS NULL')
      .orderBy('e.sequence', 'ASC')
      .limit(limit)
      .getMany();
    if (rows.length === 0) return { claimed: true, published: 0 };
    await publish(rows.map(toEntry));
    await manager
      .getRepository(OutboxEventEntity)
      .createQueryBuilder()
      .update()
      .set({ publishedAt: this.now(), attempts: () => 'attempts + 1' })
      .whereInIds(rows.map((row) => row.sequence))
      .execute();
    return { claimed: true, published: rows.length };
  }

  async oldestUnpublishedAt(): Promise<Date | null> {
    const row = await this.dataSource
      .getRepository(OutboxEventEntity)
      .createQueryBuilder('e')
      .where('e.published_at IS NULL')
      .orderBy('e.sequence', 'ASC')
      .limit(1)
      .getOne();
    return row ? row.occurredAt : null;
  }

  async redeliver(event: PublishedEvent, handler: string, deliveryKey: string): Promise<void> {
    try {
      await this.dataSource
        .getRepository(OutboxEventEntity)
        .insert({ ...outboxRow(event, deliveryKey), targetHandler: handler, occurredAt: event.occurredAt });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
