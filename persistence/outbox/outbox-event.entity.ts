import { EntitySchema } from 'typeorm';
import { int, longText, ref, text, time } from '../entity-columns';

export interface OutboxEventRow {
  sequence: number;
  eventId: string;
  deliveryKey: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: string;
  occurredAt: Date;
  publishedAt: Date | null;
  targetHandler: string | null;
  attempts: number;
}

export const OutboxEventEntity = new EntitySchema<OutboxEventRow>({
  name: 'OutboxEvent',
  tableName: 'outbox_events',
  columns: {
    sequence: {
      name: 'sequence',
      type: 'bigint',
      primary: true,
      generated: 'increment',
      transformer: { from: (value: unknown) => Number(value), to: (value: unknown) => value },
    },
    eventId: ref('event_id'),
    deliveryKey: text('delivery_key', 160),
    type: text('type', 100),
    aggregateType: text('aggregate_type', 40),
    aggregateId: text('aggregate_id', 64),
    payload: longText('payload'),
    occurredAt: time('occurred_at'),
    publishedAt: time('published_at', true),
    targetHandler: text('target_handler', 60, true),
    attempts: int('attempts'),
  },
});
