import type { NotificationProvider } from './send-result';

/**
 * A provider's asynchronous report about a sent message (webhook), normalised. `eventId` is the
 * de-duplication key (webhooks are retried); `notificationId` is Jangteo's id when the provider
 * echoes it (SendGrid custom_args, NHN recipientGroupingKey).
 */
export interface DeliveryEvent {
  provider: NotificationProvider;
  eventId: string;
  providerMessageId?: string;
  notificationId?: string;
  maskedRecipient: string;
  status:
    'PROCESSED' | 'DELIVERED' | 'DEFERRED' | 'FAILED' | 'OPENED' | 'CLICKED' | 'COMPLAINED' | 'UNSUBSCRIBED';
  providerCode?: string;
  detail?: string;
  occurredAt: Date;
}
