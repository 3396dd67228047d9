import type { ChatStore } from '../../domain/chat/ports';
import type { PersonalDataEraser } from '../../domain/identity/ports';

/**
 * Withdrawal: the texts of the user's messages, and of both sides of the conversations the user
 * opened as a buyer (a seller's answer quotes the buyer's name, phone or address), are emptied;
 * the conversations, their order and times stay so the seller's list keeps its shape. Running it
 * again changes nothing.
 */
export class ChatPersonalDataEraser implements PersonalDataEraser {
  readonly name = 'chat';

  constructor(private readonly store: Pick<ChatStore, 'eraseMessagesOf'>) {}

  async erasePersonalData(userId: string, at: Date): Promise<void> {
    await this.store.eraseMessagesOf(userId, at);
  }
}
