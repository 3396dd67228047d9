import { chatMessageNotFound } from '../../domain/chat/chat-errors';
import { validateMessageText, type ChatMessage, type ChatSenderRole } from '../../domain/chat/chat-message';
import type { Principal } from '../../domain/identity/principal';
import { appendMessage, joinAsAdmin, publishLive } from './append-message';
import type { ChatDeps } from './chat-deps';
import { conversationAccess } from './conversation-access';
import { readMarkerOf } from './read-conversations';

export async function postMessage(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
  text: unknown,
): Promise<{ message: ChatMessage; as: ChatSenderRole }> {
  const valid = validateMessageText(text);
  const { as } = await conversationAccess(deps, principal, conversationId);
  await deps.rateLimiter.consume(principal.userId);
  if (as === 'ADMIN') await joinAsAdmin(deps, principal.userId, conversationId);
  const { message } = await appendMessage(deps, {
    conversationId,
    senderId: principal.userId,
    senderRole: as,
    kind: 'TEXT',
    text: valid,
  });
  return { message, as };
}

/** Read receipt: moves the caller's marker to a message (default: the newest) and tells the others live. */
export async function markRead(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
  messageId?: string,
) {
  const { conversation, as } = await conversationAccess(deps, principal, conversationId);
  let target: { seq: number; id: string } | null;
  if (messageId) {
    target = await deps.store.findMessage(conversationId, messageId);
    if (!target) throw chatMessageNotFound(messageId);
  } else {
    const [newest] = await deps.store.listMessages(conversationId, { limit: 1 });
    target = newest ?? null;
  }
  if (!target) return { marker: await readMarkerOf(deps, conversation.id, principal.userId), unreadCount: 0 };
  const marker = await deps.store.markRead({
    conversationId,
    userId: principal.userId,
    role: as,
    upToSeq: target.seq,
    messageId: target.id,
    at: deps.now(),
  });
  await publishLive(deps, {
    type: 'read',
    conversationId,
    userId: marker.userId,
    role: marker.role,
    lastReadSeq: marker.lastReadSeq,
    lastReadMessageId: marker.lastReadMessageId,
    readAt: (marker.lastReadAt ?? deps.now()).toISOString(),
  });
  return { marker, unreadCount: await deps.store.unreadCount(conversationId, principal.userId) };
}
