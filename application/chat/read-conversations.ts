import { listableSellerIds } from '../../domain/chat/chat-access';
import type { ChatMessage } from '../../domain/chat/chat-message';
import type { ConversationStatus } from '../../domain/chat/conversation';
import type { ChatParticipant, ConversationListItem } from '../../domain/chat/ports';
import type { Principal } from '../../domain/identity/principal';
import type { ChatDeps, ConversationAccess } from './chat-deps';
import { conversationAccess } from './conversation-access';

type Cursor = { at: Date; id: string };

/** The caller's conversations: consumers their own, sellers and managers those they may see, admins all. */
export async function listConversations(
  deps: ChatDeps,
  principal: Principal,
  query: { status?: ConversationStatus; sellerId?: string; cursor?: Cursor; limit: number },
): Promise<ConversationListItem[]> {
  const page = { viewerId: principal.userId, status: query.status, cursor: query.cursor, limit: query.limit };
  if (principal.role === 'CONSUMER') {
    return deps.store.listConversations({
      ...page,
      consumerId: principal.userId,
      sellerIds: query.sellerId ? [query.sellerId] : null,
    });
  }
  let sellerIds = listableSellerIds(principal);
  if (query.sellerId)
    sellerIds = sellerIds === null || sellerIds.includes(query.sellerId) ? [query.sellerId] : [];
  return deps.store.listConversations({ ...page, sellerIds });
}

/** The seller's queue: open conversations waiting for the seller side, longest wait first. */
export async function waitingQueue(
  deps: ChatDeps,
  viewerId: string,
  sellerId: string,
  page: { cursor?: Cursor; limit: number },
): Promise<ConversationListItem[]> {
  return deps.store.listConversations({
    viewerId,
    sellerIds: [sellerId],
    awaitingOnly: true,
    cursor: page.cursor,
    limit: page.limit,
  });
}

export interface ConversationDetail extends ConversationAccess {
  unreadCount: number;
  participants: ChatParticipant[];
}

export async function conversationDetail(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
): Promise<ConversationDetail> {
  const access = await conversationAccess(deps, principal, conversationId);
  const [unreadCount, participants] = await Promise.all([
    deps.store.unreadCount(conversationId, principal.userId),
    deps.store.participants(conversationId),
  ]);
  return { ...access, unreadCount, participants };
}

export async function conversationMessages(
  deps: ChatDeps,
  principal: Principal,
  conversationId: string,
  page: { beforeSeq?: number; limit: number },
) {
  const access = await conversationAccess(deps, principal, conversationId);
  const messages = await deps.store.listMessages(conversationId, {
    beforeSeq: page.beforeSeq,
    limit: page.limit,
  });
  return { ...access, messages };
}

/** Messages after a seq, oldest first (a live connection catching up). */
export async function messagesAfter(
  deps: ChatDeps,
  conversationId: string,
  afterSeq: number,
  limit: number,
): Promise<ChatMessage[]> {
  return deps.store.listMessages(conversationId, { afterSeq, limit });
}

export async function readMarkerOf(
  deps: ChatDeps,
  conversationId: string,
  userId: string,
): Promise<ChatParticipant | null> {
  return (await deps.store.participants(conversationId)).find((p) => p.userId === userId) ?? null;
}
