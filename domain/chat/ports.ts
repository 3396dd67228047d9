import type { ChatMessage, ChatMessageKind, ChatSenderRole } from './chat-message';
import type { ChatSide, Conversation, ConversationStatus, ReplyClockChange } from './conversation';

/** One account's read marker in a conversation (consumer, seller, managers and admins who joined). */
export interface ChatParticipant {
  conversationId: string;
  userId: string;
  role: ChatSenderRole;
  side: ChatSide;
  joinedAt: Date;
  lastReadSeq: number;
  lastReadMessageId: string | null;
  lastReadAt: Date | null;
}

export interface ConversationListItem {
  conversation: Conversation;
  unreadCount: number;
  lastMessage: ChatMessage | null;
}

export interface ConversationListFilter {
  /** Whose unread counts to compute. */
  viewerId: string;
  consumerId?: string;
  /** Only these sellers' conversations; null for every seller (admins). */
  sellerIds: string[] | null;
  status?: ConversationStatus;
  /** Only conversations waiting for the seller side, oldest wait first (the seller's queue). */
  awaitingOnly?: boolean;
  cursor?: { at: Date; id: string };
  limit: number;
}

export interface AppendMessageInput {
  conversationId: string;
  messageId: string;
  senderId: string;
  senderRole: ChatSenderRole;
  kind: ChatMessageKind;
  text: string;
  now: Date;
  /** Closes the conversation with this (SYSTEM) message; ends any wait for a reply. */
  closes?: boolean;
}

export interface AppendedMessage {
  conversation: Conversation;
  message: ChatMessage;
  /** A close ends a wait like an answer does. */
  clock: ReplyClockChange;
}

/** Where conversations, messages and read markers are kept (persistence/chat). */
export interface ChatStore {
  insertConversation(conversation: Conversation, participants: ChatParticipant[]): Promise<void>;
  findConversation(id: string): Promise<Conversation | null>;
  /** The open conversation of this consumer with this seller about the same subject, if any. */
  findOpenConversation(input: {
    consumerId: string;
    sellerId: string;
    productId: string | null;
    orderId: string | null;
  }): Promise<Conversation | null>;
  /**
   * Appends a message with the next seq, atomically with the conversation's reply clock; the
   * sender has read its own message. Throws CHAT_NOT_FOUND / CHAT_CLOSED.
   */
  appendMessage(input: AppendMessageInput): Promise<AppendedMessage>;
  /** Newest first; `beforeSeq` pages back, `afterSeq` reads what came after a point (oldest first). */
  listMessages(
    conversationId: string,
    page: { beforeSeq?: number; afterSeq?: number; limit: number },
  ): Promise<ChatMessage[]>;
  findMessage(conversationId: string, messageId: string): Promise<ChatMessage | null>;
  hideMessage(
    conversationId: string,
    messageId: string,
    hidden: { at: Date; by: string; reason: string },
  ): Promise<ChatMessage | null>;
  listConversations(filter: ConversationListFilter): Promise<ConversationListItem[]>;
  participants(conversationId: string): Promise<ChatParticipant[]>;
  /** Adds the account's read marker if missing (managers on first use, admins when they join); true when added. */
  ensureParticipant(
    participant: Omit<ChatParticipant, 'lastReadSeq' | 'lastReadMessageId' | 'lastReadAt'>,
  ): Promise<boolean>;
  /** Moves the marker forward only; returns the marker as stored. */
  markRead(input: {
    conversationId: string;
    userId: string;
    role: ChatSenderRole;
    upToSeq: number;
    messageId: string;
    at: Date;
  }): Promise<ChatParticipant>;
  unreadCount(conversationId: string, userId: string): Promise<number>;
  /** Whether the conversation is still open and waiting in this round (the reminder asks before sending). */
  isAwaitingReply(conversationId: string, round: number): Promise<boolean>;
  /**
   * Withdrawal: empties the text (and marks hidden) of every message the user sent and of every
   * message in the conversations the user opened as a consumer. Returns how many messages changed.
   */
  eraseMessagesOf(userId: string, at: Date): Promise<number>;
}

/** A message as it travels to live listeners (JSON: times as ISO strings). */
export interface LiveMessage {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  senderRole: ChatSenderRole;
  kind: ChatMessageKind;
  text: string;
  createdAt: string;
}

export type ChatLiveEvent =
  | { type: 'message'; conversationId: string; message: LiveMessage }
  | {
      type: 'read';
      conversationId: string;
      userId: string;
      role: ChatSenderRole;
      lastReadSeq: number;
      lastReadMessageId: string | null;
      readAt: string;
    }
  | {
      type: 'message_hidden';
      conversationId: string;
      messageId: string;
      seq: number;
      hiddenAt: string;
      hiddenBy: string;
      reason: string;
    }
  | { type: 'closed'; conversationId: string; closedAt: string; closedBy: string };

/**
 * Fans live events out to every API process with listeners on the conversation (Redis pub/sub in
 * production, in memory in the embedded mode).
 */
export interface ChatBroadcaster {
  publish(event: ChatLiveEvent): Promise<void>;
  /** Resolves once listening; call the returned function to stop. */
  subscribe(conversationId: string, listener: (event: ChatLiveEvent) => void): Promise<() => Promise<void>>;
}

/** The durable reply-reminder timer of a conversation (a Temporal workflow). */
export interface ChatReplyReminders {
  awaitingReply(input: { conversationId: string; sellerId: string; round: number }): Promise<void>;
  waitEnded(input: { conversationId: string; round: number }): Promise<void>;
}

/** What chat asks identity: is this account an active seller? */
export interface ChatSellerDirectory {
  isActiveSeller(userId: string): Promise<boolean>;
}

/** What chat asks the catalog: the seller of a visible product (null when there is none). */
export interface ChatProductCatalog {
  sellerOfProduct(productId: string): Promise<string | null>;
}

/**
 * What chat will ask ordering: whether an order is between this consumer and this seller.
 * 'UNKNOWN' while the ordering context does not exist yet (the reference is kept as given).
 */
export interface ChatOrderReferences {
  orderRelates(input: {
    orderId: string;
    consumerId: string;
    sellerId: string;
  }): Promise<boolean | 'UNKNOWN'>;
}

/** Throttles chat messages per user; throws RATE_LIMITED when the user sent too many. */
export interface ChatMessageRateLimit {
  consume(userId: string): Promise<void>;
}
