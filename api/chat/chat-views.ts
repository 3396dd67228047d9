import {
  HIDDEN_MESSAGE_PLACEHOLDER,
  type ChatMessage,
  type ChatSenderRole,
} from '../../domain/chat/chat-message';
import type { Conversation } from '../../domain/chat/conversation';
import type { ChatParticipant, LiveMessage } from '../../domain/chat/ports';
import { decodeJsonCursor, encodeJsonCursor, invalidCursor, isCursorId, isCursorTime } from '../cursor';

const SYSTEM_TEXT: Record<string, string> = {
  ADMIN_JOINED: '관리자가 대화에 참여했습니다.',
  CLOSED: '관리자가 대화를 종료했습니다.',
};

/**
 * A message as one viewer sees it. The text goes out exactly as stored, inside JSON; clients
 * render it as text. A hidden message shows a placeholder, except to admins, who also see who hid
 * it and why.
 */
export function messageView(message: ChatMessage | LiveMessage, viewerRole: ChatSenderRole) {
  const hidden = 'hidden' in message ? message.hidden : null;
  const createdAt =
    typeof message.createdAt === 'string' ? message.createdAt : message.createdAt.toISOString();
  const base = {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    sender: { id: message.senderId, role: message.senderRole },
    kind: message.kind,
    createdAt,
  };
  if (message.kind === 'SYSTEM') {
    return {
      ...base,
      event: message.text as 'ADMIN_JOINED' | 'CLOSED',
      text: SYSTEM_TEXT[message.text] ?? message.text,
      hidden: false,
    };
  }
  if (!hidden) return { ...base, text: message.text, hidden: false };
  if (viewerRole !== 'ADMIN') return { ...base, text: HIDDEN_MESSAGE_PLACEHOLDER, hidden: true };
  return {
    ...base,
    text: message.text,
    hidden: true,
    moderation: { hiddenAt: hidden.at.toISOString(), hiddenBy: hidden.by, reason: hidden.reason },
  };
}

export function participantView(participant: ChatParticipant) {
  return {
    userId: participant.userId,
    role: participant.role,
    joinedAt: participant.joinedAt.toISOString(),
    lastReadSeq: participant.lastReadSeq,
    lastReadMessageId: participant.lastReadMessageId,
    lastReadAt: participant.lastReadAt?.toISOString() ?? null,
  };
}

export function conversationView(
  conversation: Conversation,
  viewerRole: ChatSenderRole,
  extra: { unreadCount: number; lastMessage?: ChatMessage | null; participants?: ChatParticipant[] },
) {
  return {
    id: conversation.id,
    consumerId: conversation.consumerId,
    sellerId: conversation.sellerId,
    productId: conversation.productId,
    orderId: conversation.orderId,
    status: conversation.status,
    createdAt: conversation.createdAt.toISOString(),
    lastMessageAt: conversation.lastMessageAt?.toISOString() ?? null,
    closedAt: conversation.closedAt?.toISOString() ?? null,
    waitingForReplySince: conversation.awaitingReplySince?.toISOString() ?? null,
    unreadCount: extra.unreadCount,
    ...(extra.lastMessage !== undefined
      ? { lastMessage: extra.lastMessage ? messageView(extra.lastMessage, viewerRole) : null }
      : {}),
    ...(extra.participants ? { participants: extra.participants.map(participantView) } : {}),
  };
}

/** Conversation cursors are opaque to clients: base64url of the last item's time and id. */
export function encodeConversationCursor(at: Date, id: string): string {
  return encodeJsonCursor([at.toISOString(), id]);
}

export function decodeConversationCursor(text: string | undefined): { at: Date; id: string } | undefined {
  if (text === undefined) return undefined;
  const parsed = decodeJsonCursor(text);
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [at, id] = parsed as [unknown, unknown];
  const ms = typeof at === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at) ? Date.parse(at) : NaN;
  if (!isCursorTime(ms) || !isCursorId(id)) throw invalidCursor();
  return { at: new Date(ms), id };
}
