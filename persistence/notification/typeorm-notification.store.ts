import { In, LessThan, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { PiiCipher } from '../../domain/identity/ports';
import type {
  AttemptPatch,
  Notification,
  NotificationAttempt,
  NotificationChannel,
  NotificationPage,
  NotificationProvider,
  NotificationStore,
  ProviderEventRecord,
} from '../../domain/notification';
import { isUniqueViolation } from '../unique-violation';
import {
  NotificationAttemptEntity,
  NotificationEntity,
  NotificationEventEntity,
  type NotificationRow,
} from './notification.entities';
import { toAttempt, toAttemptRow, toNotification, toNotificationRow } from './notification.mapper';

/** What stays of a recipient after withdrawal, and how many notifications one erasing transaction covers. */
const ERASED = '(erased)';
const ERASE_BATCH = 200;

export class TypeOrmNotificationStore implements NotificationStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  private get notifications() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  private get attempts() {
    return this.dataSource.getRepository(NotificationAttemptEntity);
  }

  async register(notification: Notification) {
    try {
      await this.notifications.insert(toNotificationRow(notification, this.cipher));
      return { notification, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.notifications.findOneByOrFail({ dedupeKey: notification.dedupeKey });
      return { notification: toNotification(existing, this.cipher), created: false };
    }
  }

  async get(id: string) {
    const row = await this.notifications.findOneBy({ id });
    return row ? toNotification(row, this.cipher) : null;
  }

  async findByDedupeKey(dedupeKey: string) {
    const row = await this.notifications.findOneBy({ dedupeKey });
    return row ? toNotification(row, this.cipher) : null;
  }

  async update(notification: Notification) {
    const { status, deliveredVia, updatedAt } = toNotificationRow(notification, this.cipher);
    await this.notifications.update({ id: notification.id }, { status, deliveredVia, updatedAt });
  }

  async attemptOf(notificationId: string, channel: NotificationChannel) {
    const row = await this.attempts.findOneBy({ notificationId, channel });
    return row ? toAttempt(row) : null;
  }

  async saveAttempt(attempt: NotificationAttempt) {
    // insert, not save: save would wrap a look-up and the insert in a transaction of its own.
    await this.attempts.insert(toAttemptRow(attempt));
  }

  async updateAttempt(id: string, patch: AttemptPatch, options: { onlyIfOpen?: boolean } = {}) {
    const columns = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (typeof columns.providerMessage === 'string')
      columns.providerMessage = columns.providerMessage.slice(0, 500);
    if (Object.keys(columns).length === 0) return false;
    const { affected } = await this.attempts.update(
      options.onlyIfOpen ? { id, status: In(['SENDING', 'ACCEPTED']) } : { id },
      columns,
    );
    return (affected ?? 0) > 0;
  }

  async findAttemptByProviderMessageId(provider: NotificationProvider, providerMessageId: string) {
    const row = await this.attempts.findOneBy({ provider, providerMessageId });
    return row ? toAttempt(row) : null;
  }

  async recordEvent(event: ProviderEventRecord) {
    try {
      await this.dataSource.getRepository(NotificationEventEntity).insert({
        ...event,
        attemptId: event.attemptId ?? null,
        detail: event.detail?.slice(0, 500) ?? null,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Newest first; the cursor is the id of the last item seen (UUIDv7 ids sort by creation). */
  async list(filter: {
    orderId?: string;
    userId?: string;
    cursor?: string;
    limit: number;
  }): Promise<NotificationPage> {
    const where: FindOptionsWhere<NotificationRow> = {};
    if (filter.orderId) where.orderId = filter.orderId;
    if (filter.userId) where.recipientUserId = filter.userId;
    if (filter.cursor) where.id = LessThan(filter.cursor);
    const rows = await this.notifications.find({ where, order: { id: 'DESC' }, take: filter.limit + 1 });
    const page = rows.slice(0, filter.limit);
    const attempts = page.length
      ? await this.attempts.find({
          where: { notificationId: In(page.map((r) => r.id)) },
          order: { createdAt: 'ASC' },
        })
      : [];
    return {
      items: page.map((row) => ({
        ...toNotification(row, this.cipher),
        attempts: attempts.filter((a) => a.notificationId === row.id).map(toAttempt),
      })),
      nextCursor: rows.length > filter.limit ? page[page.length - 1]!.id : null,
    };
  }

  async erasePersonalDataOf(userId: string, at: Date): Promise<number> {
    const rows = await this.notifications.find({ where: { recipientUserId: userId }, select: { id: true } });
    const emptyVariables = this.cipher.encrypt('{}');
    for (let from = 0; from < rows.length; from += ERASE_BATCH) {
      const ids = rows.slice(from, from + ERASE_BATCH).map((row) => row.id);
      await this.dataSource.transaction(async (manager) => {
        await manager.update(
          NotificationEntity,
          { id: In(ids) },
          { variables: emptyVariables, recipientContact: null, attachment: null, updatedAt: at },
        );
        const attempts = await manager.find(NotificationAttemptEntity, {
          where: { notificationId: In(ids) },
          select: { id: true },
        });
        if (attempts.length === 0) return;
        const attemptIds = attempts.map((attempt) => attempt.id);
        await manager.update(
          NotificationAttemptEntity,
          { id: In(attemptIds) },
          { maskedRecipient: ERASED, providerMessage: null, updatedAt: at },
        );
        await manager.update(NotificationEventEntity, { attemptId: In(attemptIds) }, { detail: null });
      });
    }
    return rows.length;
  }
}
