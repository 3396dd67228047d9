import type { PersonalDataEraser } from '../../domain/identity/ports';
import type { NotificationStore } from '../../domain/notification';

/**
 * Withdrawal: the send log keeps what was sent when and how it ended (template, status, order id,
 * channel, provider ids), not to whom or with which names and addresses. Running it again changes nothing.
 */
export class NotificationPersonalDataEraser implements PersonalDataEraser {
  readonly name = 'notification';

  constructor(private readonly store: Pick<NotificationStore, 'erasePersonalDataOf'>) {}

  async erasePersonalData(userId: string, at: Date): Promise<void> {
    await this.store.erasePersonalDataOf(userId, at);
  }
}
