import type { DataSource } from 'typeorm';
import type { DomainEvent, EventOutbox } from '../../domain/shared/domain-event';
import type { Transaction } from '../../domain/shared/unit-of-work';
import { afterCommit } from '../inventory/after-commit';
import { managerOf } from '../inventory/typeorm-unit-of-work';
import { OutboxEventEntity, type OutboxEventRow } from './outbox-event.entity';

export const outboxRow = (event: DomainEvent, deliveryKey = event.id): Omit<OutboxEventRow, 'sequence'> => ({
  eventId: event.id,
  deliveryKey,
  type: event.type,
  aggregateType: event.aggregateType,
  aggregateId: event.aggregateId,
  payload: JSON.stringify(event.payload),
  occurredAt: event.occurredAt,
  publishedAt: null,
  targetHandler: null,
  attempts: 0,
});

/** Writes events into `outbox_events` through the caller's transaction (docs/events.md). */
export class TypeOrmEventOutbox implements EventOutbox {
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly dataSource: DataSource) {}

  async append(events: DomainEvent[], tx: Transaction): Promise<void> {
    if (events.length === 0) return;
    const manager = managerOf(this.dataSource, tx);
    await manager.getRepository(OutboxEventEntity).insert(events.map((event) => outboxRow(event)));
    if (this.listeners.length > 0)
      afterCommit(
        manager,
        async () => this.listeners.forEach((listener) => listener()),
        () => undefined,
      );
  }

  /** Called after each commit that appended events: an in-process relay wakes instead of waiting for its poll. */
  onAppended(listener: () => void): void {
    this.listeners.push(listener);
  }
}
