import type { NotificationChannel, NotificationProvider, FailureReason } from './send-result';
import { DomainError } from '../shared/domain-error';
import { findTemplate, type TemplateCode } from './notification-templates';
import { renderTemplate } from './render-template';

/**
 * One message Jangteo owes someone (an order event, a restock offer, a statement), unique by its
 * dedupe key so a retried caller never creates a second one. Contacts are looked up when sending,
 * so Temporal histories carry ids only.
 */
export type NotificationStatus = 'PENDING' | 'SENT' | 'DELIVERED' | 'FAILED';
export type AttemptStatus = 'SENDING' | 'ACCEPTED' | 'DELIVERED' | 'FAILED';

export interface Contact {
  phone?: string;
  email?: string;
  /** The recipient's name, for the 고객명 placeholder (never passed by callers, so never in workflow histories). */
  name?: string;
}

/**
 * Placeholders filled at send time from the recipient's own record. Callers leave them out: their
 * requests travel through Temporal histories, which must carry no personal data.
 */
export const RECIPIENT_VARIABLES = ['고객명'] as const;

export function recipientVariables(contact: Contact): Record<(typeof RECIPIENT_VARIABLES)[number], string> {
  return { 고객명: contact.name ?? '고객' };
}

/**
 * Checks a request against its template before anything is stored: an unknown template or a
 * missing placeholder is the caller's bug, refused with a DomainError naming it.
 */
export function validateNotificationRequest(request: NotificationRequest): void {
  if (!findTemplate(request.templateCode)) {
    throw new DomainError(
      'NOTIFICATION_TEMPLATE_UNKNOWN',
      `unknown notification template ${request.templateCode}`,
    );
  }
  renderTemplate(request.templateCode, { ...recipientVariables({}), ...request.variables });
}

export interface NotificationRequest {
  templateCode: TemplateCode;
  /** A user (contact read from identity at send time) or explicit addresses. */
  recipient: { userId: string } | Contact;
  variables: Record<string, string | number>;
  /** The business key of the event, e.g. `order-paid:<orderId>`: the same key is sent once. */
  dedupeKey: string;
  orderId?: string;
  /** Text of the template's e-mail attachment (e.g. the settlement statement CSV). */
  attachment?: string;
  /**
   * The dedupe key of the notice the recipient must read first (the cancel before the refund):
   * this one's delivery waits until that one's has ended, for at most 15 minutes
   * (workflows/notification/notification.workflow.ts).
   */
  after?: string;
}

export interface Notification {
  id: string;
  dedupeKey: string;
  templateCode: TemplateCode;
  recipientUserId?: string;
  contact?: Contact;
  variables: Record<string, string | number>;
  attachment?: string;
  orderId?: string;
  /** The dedupe key of the notification delivered before this one (NotificationRequest.after). */
  afterKey?: string;
  status: NotificationStatus;
  deliveredVia?: NotificationChannel;
  createdAt: Date;
  updatedAt: Date;
}

/** One channel's try at a notification: the send log row operators read. */
export interface NotificationAttempt {
  id: string;
  notificationId: string;
  channel: NotificationChannel;
  provider: NotificationProvider;
  maskedRecipient: string;
  providerMessageId?: string;
  recipientSeq?: number;
  status: AttemptStatus;
  failureReason?: FailureReason | 'RETRIES_EXHAUSTED' | 'PROVIDER_FALLBACK_FAILED' | 'NO_CONTACT';
  providerCode?: string;
  providerMessage?: string;
  /** The attempt this one replaces (the AlimTalk an SMS falls back from). */
  fallbackOf?: string;
  tries: number;
  createdAt: Date;
  updatedAt: Date;
}

export type AttemptPatch = Partial<
  Pick<
    NotificationAttempt,
    | 'provider'
    | 'providerMessageId'
    | 'recipientSeq'
    | 'status'
    | 'failureReason'
    | 'providerCode'
    | 'providerMessage'
    | 'tries'
    | 'updatedAt'
  >
>;

export interface ProviderEventRecord {
  id: string;
  provider: NotificationProvider;
  eventId: string;
  attemptId?: string;
  status: string;
  detail?: string;
  occurredAt: Date;
  receivedAt: Date;
}

export interface NotificationPage {
  items: Array<Notification & { attempts: NotificationAttempt[] }>;
  nextCursor: string | null;
}

export interface NotificationStore {
  /** Inserts the notification, or returns the one already registered under its dedupe key. */
  register(notification: Notification): Promise<{ notification: Notification; created: boolean }>;
  get(id: string): Promise<Notification | null>;
  findByDedupeKey(dedupeKey: string): Promise<Notification | null>;
  update(notification: Notification): Promise<void>;
  attemptOf(notificationId: string, channel: NotificationChannel): Promise<NotificationAttempt | null>;
  /** Inserts a new attempt (its id is new). */
  saveAttempt(attempt: NotificationAttempt): Promise<void>;
  /**
   * Changes only the given columns; false when no row changed. With `onlyIfOpen`, the change applies
   * only while the attempt is SENDING or ACCEPTED, so a DELIVERED or FAILED reported by the provider
   * is never overwritten.
   */
  updateAttempt(id: string, patch: AttemptPatch, options?: { onlyIfOpen?: boolean }): Promise<boolean>;
  findAttemptByProviderMessageId(
    provider: NotificationProvider,
    providerMessageId: string,
  ): Promise<NotificationAttempt | null>;
  /** Records a webhook event; false when this provider event was recorded before. */
  recordEvent(event: ProviderEventRecord): Promise<boolean>;
  list(filter: {
    orderId?: string;
    userId?: string;
    cursor?: string;
    limit: number;
  }): Promise<NotificationPage>;
  /**
   * Withdrawal: the user's notifications keep template, status, order and times, but lose their
   * variables, contact and attachment, their attempts the masked recipient and the provider's
   * events their detail. Returns how many notifications were erased.
   */
  erasePersonalDataOf(userId: string, at: Date): Promise<number>;
}

/** Where a user's contact details come from (identity decrypts them on demand). */
export interface RecipientDirectory {
  contactOf(userId: string): Promise<Contact | null>;
}

export const notificationWorkflowId = (notificationId: string) => `notification:${notificationId}`;
