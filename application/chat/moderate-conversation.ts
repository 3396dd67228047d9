import { chatMessageNotFound } from '../../domain/chat/chat-errors';
import { validateHideReason, type ChatMessage, type ChatSystemEvent } from '../../domain/chat/chat-message';
import type { Conversation } from '../../domain/chat/conversation';
import type { Principal } from '../../domain/identity/principal';
import { appendMessage, joinAsAdmin, publishLive } from './append-message';
import type { ChatDeps } from './chat-deps';
import { adminAccess } from './conversation-access';

/** An admin joins visibly: a system message tells the participants. */
export async function joinConversation(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
): Promise<Conversation> {
  const { conversation } = await adminAccess(deps, principal, conversationId);
  await joinAsAdmin(deps, principal.userId, conversationId, conversation.status === 'OPEN');
  return (await deps.store.findConversation(conversationId)) ?? conversation;
}

export async function closeConversation(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
): Promise<Conversation> {
  const { conversation } = await adminAccess(deps, principal, conversationId);
  if (conversation.status === 'CLOSED') return conversation;
  await joinAsAdmin(deps, principal.userId, conversationId);
  const appended = await appendMessage(deps, {
    conversationId,
    senderId: principal.userId,
    senderRole: 'ADMIN',
    kind: 'SYSTEM',
    text: 'CLOSED' satisfies ChatSystemEvent,
    closes: true,
  });
  await publishLive(deps, {
    type: 'closed',
    conversationId,
    closedAt: (appended.conversation.closedAt ?? deps.now()).toISOString(),
    closedBy: principal.userId,
  });
  return appended.conversation;
}

/** Hides a message that breaks the rules: kept, with who hid it and why; participants see a placeholder. */
export async function hideMessage(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
  messageId: string,
  reason: unknown,
): Promise<ChatMessage> {
  const why = validateHideReason(reason);
  await adminAccess(deps, principal, conversationId);
  const message = await deps.store.hideMessage(conversationId, messageId, {
    at: deps.now(),
    by: principal.userId,
    reason: why,
  });
  if (!message?.hidden) throw chatMessageNotFound(messageId);
  await publishLive(deps, {
    type: 'message_hidden',
    conversationId,
    messageId,
    seq: message.seq,
    hiddenAt: message.hidden.at.toISOString(),
    hiddenBy: message.hidden.by,
    reason: message.hidden.reason,
  });
  return message;
}
