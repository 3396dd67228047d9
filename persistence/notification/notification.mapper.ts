import type { PiiCipher } from '../../domain/identity/ports';
import type { Contact, Notification, NotificationAttempt, TemplateCode } from '../../domain/notification';
import type { NotificationAttemptRow, NotificationRow } from './notification.entities';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** Template variables may hold names and addresses, so they are stored encrypted like other PII. */
export function toNotificationRow(n: Notification, cipher: PiiCipher): NotificationRow {
  return {
    id: n.id,
    dedupeKey: n.dedupeKey,
    templateCode: n.templateCode,
    recipientUserId: orNull(n.recipientUserId),
    recipientContact: n.contact ? cipher.encrypt(JSON.stringify(n.contact)) : null,
    variables: cipher.encrypt(JSON.stringify(n.variables)),
    attachment: orNull(n.attachment),
    orderId: orNull(n.orderId),
    afterKey: orNull(n.afterKey),
    status: n.status,
    deliveredVia: orNull(n.deliveredVia),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

export function toNotification(row: NotificationRow, cipher: PiiCipher): Notification {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    templateCode: row.templateCode as TemplateCode,
    recipientUserId: orUndefined(row.recipientUserId),
    contact: row.recipientContact ? (JSON.parse(cipher.decrypt(row.recipientContact)) as Contact) : undefined,
    variables: JSON.parse(cipher.decrypt(row.variables)) as Record<string, string | number>,
    attachment: orUndefined(row.attachment),
    orderId: orUndefined(row.orderId),
    afterKey: orUndefined(row.afterKey),
    status: row.status as Notification['status'],
    deliveredVia: orUndefined(row.deliveredVia) as Notification['deliveredVia'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toAttemptRow(a: NotificationAttempt): NotificationAttemptRow {
  return {
    id: a.id,
    notificationId: a.notificationId,
    channel: a.channel,
    provider: a.provider,
    maskedRecipient: a.maskedRecipient,
    providerMessageId: orNull(a.providerMessageId),
    recipientSeq: orNull(a.recipientSeq),
    status: a.status,
    failureReason: orNull(a.failureReason),
    providerCode: orNull(a.providerCode),
    providerMessage: a.providerMessage ? a.providerMessage.slice(0, 500) : null,
    fallbackOf: orNull(a.fallbackOf),
    tries: a.tries,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function toAttempt(row: NotificationAttemptRow): NotificationAttempt {
  return {
    id: row.id,
    notificationId: row.notificationId,
    channel: row.channel as NotificationAttempt['channel'],
    provider: row.provider as NotificationAttempt['provider'],
    maskedRecipient: row.maskedRecipient,
    providerMessageId: orUndefined(row.providerMessageId),
    recipientSeq: orUndefined(row.recipientSeq),
    status: row.status as NotificationAttempt['status'],
    failureReason: orUndefined(row.failureReason) as NotificationAttempt['failureReason'],
    providerCode: orUndefined(row.providerCode),
    providerMessage: orUndefined(row.providerMessage),
    fallbackOf: orUndefined(row.fallbackOf),
    tries: row.tries,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
