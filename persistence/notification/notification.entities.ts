import { EntitySchema } from 'typeorm';
import { id, int, nullableText, ref, text, time } from '../entity-columns';

export interface NotificationRow {
  id: string;
  dedupeKey: string;
  templateCode: string;
  recipientUserId: string | null;
  recipientContact: string | null;
  variables: string;
  attachment: string | null;
  orderId: string | null;
  afterKey: string | null;
  status: string;
  deliveredVia: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const NotificationEntity = new EntitySchema<NotificationRow>({
  name: 'Notification',
  tableName: 'notifications',
  columns: {
    id,
    dedupeKey: text('dedupe_key', 200),
    templateCode: text('template_code', 40),
    recipientUserId: ref('recipient_user_id', true),
    recipientContact: nullableText('recipient_contact'),
    variables: { name: 'variables', type: 'text' },
    attachment: nullableText('attachment'),
    orderId: ref('order_id', true),
    afterKey: text('after_key', 200, true),
    status: text('status', 20),
    deliveredVia: text('delivered_via', 10, true),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});

export interface NotificationAttemptRow {
  id: string;
  notificationId: string;
  channel: string;
  provider: string;
  maskedRecipient: string;
  providerMessageId: string | null;
  recipientSeq: number | null;
  status: string;
  failureReason: string | null;
  providerCode: string | null;
  providerMessage: string | null;
  fallbackOf: string | null;
  tries: number;
  createdAt: Date;
  updatedAt: Date;
}

export const NotificationAttemptEntity = new EntitySchema<NotificationAttemptRow>({
  name: 'NotificationAttempt',
  tableName: 'notification_attempts',
  columns: {
    id,
    notificationId: ref('notification_id'),
    channel: text('channel', 10),
    provider: text('provider', 20),
    maskedRecipient: text('masked_recipient', 120),
    providerMessageId: text('provider_message_id', 200, true),
    recipientSeq: { ...int('recipient_seq'), nullable: true },
    status: text('status', 20),
    failureReason: text('failure_reason', 40, true),
    providerCode: text('provider_code', 40, true),
    providerMessage: text('provider_message', 500, true),
    fallbackOf: ref('fallback_of', true),
    tries: int('tries'),
    createdAt: time('created_at'),
    updatedAt: time('updated_at'),
  },
});

export interface NotificationEventRow {
  id: string;
  provider: string;
  eventId: string;
  attemptId: string | null;
  status: string;
  detail: string | null;
  occurredAt: Date;
  receivedAt: Date;
}

export const NotificationEventEntity = new EntitySchema<NotificationEventRow>({
  name: 'NotificationEvent',
  tableName: 'notification_events',
  columns: {
    id,
    provider: text('provider', 20),
    eventId: text('event_id', 200),
    attemptId: ref('attempt_id', true),
    status: text('status', 20),
    detail: text('detail', 500, true),
    occurredAt: time('occurred_at'),
    receivedAt: time('received_at'),
  },
});

export const notificationEntities = [
  NotificationEntity,
  NotificationAttemptEntity,
  NotificationEventEntity,
] as EntitySchema[];
