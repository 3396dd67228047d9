import type { ChatMessage, ChatMessageKind, ChatSenderRole } from '../../domain/chat/chat-message';
import type { ChatSide, Conversation, ConversationStatus } from '../../domain/chat/conversation';
import type { ChatParticipant } from '../../domain/chat/ports';
import type { ChatMessageRow, ChatParticipantRow, ConversationRow } from './chat.entities';

export const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  consumerId: row.consumerId,
  sellerId: row.sellerId,
  productId: row.productId,
  orderId: row.orderId,
  status: row.status as ConversationStatus,
  lastSeq: Number(row.lastSeq),
  lastMessageAt: row.lastMessageAt,
  lastActivityAt: row.lastActivityAt,
  awaitingReplySince: row.awaitingReplySince,
  awaitingRound: Number(row.awaitingRound),
  createdAt: row.createdAt,
  closedAt: row.closedAt,
  closedBy: row.closedBy,
});

export const toConversationRow = (conversation: Conversation): ConversationRow => ({ ...conversation });

export const toChatMessage = (row: ChatMessageRow): ChatMessage => ({
  id: row.id,
  conversationId: row.conversationId,
  seq: Number(row.seq),
  senderId: row.senderId,
  senderRole: row.senderRole as ChatSenderRole,
  kind: row.kind as ChatMessageKind,
  text: row.text,
  createdAt: row.createdAt,
  hidden: row.hiddenAt ? { at: row.hiddenAt, by: row.hiddenBy ?? '', reason: row.hiddenReason ?? '' } : null,
});

export const toChatMessageRow = (message: ChatMessage): ChatMessageRow => ({
  id: message.id,
  conversationId: message.conversationId,
  seq: message.seq,
  senderId: message.senderId,
  senderRole: message.senderRole,
  kind: message.kind,
  text: message.text,
  createdAt: message.createdAt,
  hiddenAt: message.hidden?.at ?? null,
  hiddenBy: message.hidden?.by ?? null,
  hiddenReason: message.hidden?.reason ?? null,
});

export const toParticipant = (row: ChatParticipantRow): ChatParticipant => ({
  conversationId: row.conversationId,
  userId: row.userId,
  role: row.role as ChatSenderRole,
  side: row.side as ChatSide,
  joinedAt: row.joinedAt,
  lastReadSeq: Number(row.lastReadSeq),
  lastReadMessageId: row.lastReadMessageId,
  lastReadAt: row.lastReadAt,
});
