import type { ChatBroadcaster, ChatLiveEvent } from '../../domain/chat/ports';
import type { PubSub } from './pub-sub';

/** Chat's live events over a PubSub: one channel per conversation, JSON payloads. */
export class PubSubChatBroadcaster implements ChatBroadcaster {
  constructor(
    private readonly pubSub: PubSub,
    private readonly onBadMessage: (error: unknown) => void = () => undefined,
  ) {}

  private channel(conversationId: string) {
    return `chat:${conversationId}`;
  }

  async publish(event: ChatLiveEvent): Promise<void> {
    await this.pubSub.publish(this.channel(event.conversationId), JSON.stringify(event));
  }

  subscribe(conversationId: string, listener: (event: ChatLiveEvent) => void): Promise<() => Promise<void>> {
    return this.pubSub.subscribe(this.channel(conversationId), (message) => {
      let event: ChatLiveEvent;
      try {
        event = JSON.parse(message) as ChatLiveEvent;
      } catch (error) {
        this.onBadMessage(error);
        return;
      }
      listener(event);
    });
  }
}
