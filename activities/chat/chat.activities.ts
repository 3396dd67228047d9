import type { ChatStore } from '../../domain/chat/ports';

/** Activities of the chat context (task queue `chat`). */
export function createChatActivities(deps: { store: Pick<ChatStore, 'isAwaitingReply'> }) {
  return {
    /** Whether the conversation still waits for the seller side in this round. */
    async isAwaitingReply(input: { conversationId: string; round: number }): Promise<boolean> {
      return deps.store.isAwaitingReply(input.conversationId, input.round);
    },
  };
}

export type ChatActivities = ReturnType<typeof createChatActivities>;
