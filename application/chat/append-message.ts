import type { ChatMessage, ChatSenderRole, ChatSystemEvent } from '../../domain/chat/chat-message';
import type { Conversation, ReplyClockChange } from '../../domain/chat/conversation';
import type { AppendedMessage, ChatLiveEvent, LiveMessage } from '../../domain/chat/ports';
import type { ChatDeps } from './chat-deps';

export const toLiveMessage = (message: ChatMessage): LiveMessage => ({
  id: message.id,
  conversationId: message.conversationId,
  seq: message.seq,
  senderId: message.senderId,
  senderRole: message.senderRole,
  kind: message.kind,
  text: message.text,
  createdAt: message.createdAt.toISOString(),
});

/** Stores a message, tells live listeners, and moves the reply-reminder clock. */
export async function appendMessage(
  deps: ChatDeps,
  input: {
    conversationId: string;
    senderId: string;
    senderRole: ChatSenderRole;
    kind: 'TEXT' | 'SYSTEM';
    text: string;
    closes?: boolean;
  },
): Promise<AppendedMessage> {
  const appended = await deps.store.appendMessage({ ...input, messageId: deps.newId(), now: deps.now() });
  await publishLive(deps, {
    type: 'message',
    conversationId: input.conversationId,
    message: toLiveMessage(appended.message),
  });
  await moveReplyClock(deps, appended.conversation, appended.clock);
  return appended;
}

/** Adds an admin's read marker; the first time, a system message tells the participants (when `announce`). */
export async function joinAsAdmin(
  deps: ChatDeps,
  adminId: string,
  conversationId: string,
  announce = true,
): Promise<void> {
  const added = await deps.store.ensureParticipant({
    conversationId,
    userId: adminId,
    role: 'ADMIN',
    side: 'ADMIN',
    joinedAt: deps.now(),
  });
  if (added && announce) {
    await appendMessage(deps, {
      conversationId,
      senderId: adminId,
      senderRole: 'ADMIN',
      kind: 'SYSTEM',
      text: 'ADMIN_JOINED' satisfies ChatSystemEvent,
    });
  }
}

/** Best effort: the database holds the message; a listener that missed it catches up from there. */
export async function publishLive(deps: ChatDeps, event: ChatLiveEvent): Promise<void> {
  try {
    await deps.broadcaster.publish(event);
  } catch (error) {
    deps.logger.warn(
      { err: error, conversationId: event.conversationId, type: event.type },
      'live chat event not published',
    );
  }
}

/** Best effort too: the reminder checks the database before it sends, so a lost signal never reminds wrongly. */
async function moveReplyClock(deps: ChatDeps, conversation: Conversation, clock: ReplyClockChange) {
  try {
    if (clock.kind === 'STARTED_WAITING') {
      await deps.reminders.awaitingReply({
        conversationId: conversation.id,
        sellerId: conversation.sellerId,
        round: clock.round,
      });
    } else if (clock.kind === 'ANSWERED') {
      await deps.reminders.waitEnded({ conversationId: conversation.id, round: clock.round });
    }
  } catch (error) {
    deps.logger.warn(
      { err: error, conversationId: conversation.id, clock: clock.kind },
      'chat reply reminder not updated',
    );
  }
}
