import { EntitySchema } from 'typeorm';
import { id, int, longText, ref, text, time } from '../entity-columns';

export interface ConversationRow {
  id: string;
  consumerId: string;
  sellerId: string;
  productId: string | null;
  orderId: string | null;
  status: string;
  lastSeq: number;
  lastMessageAt: Date | null;
  lastActivityAt: Date;
  awaitingReplySince: Date | null;
  awaitingRound: number;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

export interface ChatMessageRow {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderRole: string;
  kind: string;
  text: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenBy: string | null;
  hiddenReason: string | null;
}

export interface ChatParticipantRow {
  id: string;
  conversationId: string;
  userId: string;
  role: string;
  side: string;
  joinedAt: Date;
  lastReadSeq: number;
  lastReadMessageId: string | null;
  lastReadAt: Date | null;
}

export const ConversationEntity = new EntitySchema<ConversationRow>({
  name: 'ChatConversation',
  tableName: 'chat_conversations',
  columns: {
    id,
    consumerId: ref('consumer_id'),
    sellerId: ref('seller_id'),
    productId: ref('product_id', true),
    orderId: ref('order_id', true),
    status: text('status', 10),
    lastSeq: int('last_seq'),
    lastMessageAt: time('last_message_at', true),
    lastActivityAt: time('last_activity_at'),
    awaitingReplySince: time('awaiting_reply_since', true),
    awaitingRound: int('awaiting_round'),
    createdAt: time('created_at'),
    closedAt: time('closed_at', true),
    closedBy: ref('closed_by', true),
  },
});

export const ChatMessageEntity = new EntitySchema<ChatMessageRow>({
  name: 'ChatMessage',
  tableName: 'chat_messages',
  columns: {
    id,
    conversationId: ref('conversation_id'),
    seq: int('seq'),
    senderId: ref('sender_id'),
    senderRole: text('sender_role', 10),
    kind: text('kind', 10),
    text: longText('text'),
    createdAt: time('created_at'),
    hiddenAt: time('hidden_at', true),
    hiddenBy: ref('hidden_by', true),
    hiddenReason: text('hidden_reason', 500, true),
  },
});

export const ChatParticipantEntity = new EntitySchema<ChatParticipantRow>({
  name: 'ChatParticipant',
  tableName: 'chat_participants',
  columns: {
    id,
    conversationId: ref('conversation_id'),
    userId: ref('user_id'),
    role: text('role', 10),
    side: text('side', 10),
    joinedAt: time('joined_at'),
    lastReadSeq: int('last_read_seq'),
    lastReadMessageId: ref('last_read_message_id', true),
    lastReadAt: time('last_read_at', true),
  },
});

export const chatEntities = [ConversationEntity, ChatMessageEntity, ChatParticipantEntity];
