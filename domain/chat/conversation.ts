import type { ChatSenderRole } from './chat-message';

export type ConversationStatus = 'OPEN' | 'CLOSED';

/**
 * Which side of a conversation an account is on. The seller side is the seller and its managers
 * (with the CHAT permission); admins oversee from outside and join visibly.
 */
export type ChatSide = 'CONSUMER' | 'SELLER' | 'ADMIN';

export const sideOf = (role: ChatSenderRole): ChatSide =>
  role === 'CONSUMER' ? 'CONSUMER' : role === 'ADMIN' ? 'ADMIN' : 'SELLER';

/** A consumer's conversation with one seller, optionally about a product or an order. */
export interface Conversation {
  id: string;
  consumerId: string;
  sellerId: string;
  productId: string | null;
  orderId: string | null;
  status: ConversationStatus;
  /** Seq of the newest message (0 while empty). */
  lastSeq: number;
  lastMessageAt: Date | null;
  /** Creation or newest message: the order of conversation lists. */
  lastActivityAt: Date;
  /** Since when the consumer has been waiting for the seller side (null: nobody waits). */
  awaitingReplySince: Date | null;
  /** Counts the waiting periods; names the current one for its reminder. */
  awaitingRound: number;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

export function newConversation(input: {
  id: string;
  consumerId: string;
  sellerId: string;
  productId?: string | null;
  orderId?: string | null;
  now: Date;
}): Conversation {
  return {
    id: input.id,
    consumerId: input.consumerId,
    sellerId: input.sellerId,
    productId: input.productId ?? null,
    orderId: input.orderId ?? null,
    status: 'OPEN',
    lastSeq: 0,
    lastMessageAt: null,
    lastActivityAt: input.now,
    awaitingReplySince: null,
    awaitingRound: 0,
    createdAt: input.now,
    closedAt: null,
    closedBy: null,
  };
}

/** What a new message does to the reply clock: a consumer starts a wait, the seller side ends it. */
export type ReplyClockChange =
  | { kind: 'STARTED_WAITING'; round: number; since: Date }
  | { kind: 'ANSWERED'; round: number }
  | { kind: 'NONE' };

export function replyClockAfterMessage(
  conversation: Conversation,
  senderRole: ChatSenderRole,
  kind: 'TEXT' | 'SYSTEM',
  now: Date,
): ReplyClockChange {
  if (kind !== 'TEXT') return { kind: 'NONE' };
  const side = sideOf(senderRole);
  if (side === 'CONSUMER' && conversation.awaitingReplySince === null) {
    return { kind: 'STARTED_WAITING', round: conversation.awaitingRound + 1, since: now };
  }
  if (side === 'SELLER' && conversation.awaitingReplySince !== null)
    return { kind: 'ANSWERED', round: conversation.awaitingRound };
  // Admin messages do not answer for the seller: the seller still owes the consumer a reply.
  return { kind: 'NONE' };
}

export function applyReplyClock(conversation: Conversation, change: ReplyClockChange): Conversation {
  switch (change.kind) {
    case 'STARTED_WAITING':
      return { ...conversation, awaitingReplySince: change.since, awaitingRound: change.round };
    case 'ANSWERED':
      return { ...conversation, awaitingReplySince: null };
    default:
      return conversation;
  }
}
