import type { Principal } from '../../domain/identity/principal';
import type { ChatDeps } from './chat-deps';
import { conversationAccess } from './conversation-access';
import { closeConversation, hideMessage, joinConversation } from './moderate-conversation';
import { openConversation, type OpenConversationInput } from './open-conversation';
import { markRead, postMessage } from './post-message';
import {
  conversationDetail,
  conversationMessages,
  listConversations,
  messagesAfter,
  readMarkerOf,
  waitingQueue,
} from './read-conversations';

/** Chat's use cases bound to their ports, as the HTTP and WebSocket routes call them. */
export function createChatUseCases(deps: ChatDeps) {
  return {
    open: (principal: Principal, input: OpenConversationInput) => openConversation(deps, principal, input),
    access: (principal: Principal, conversationId: string) =>
      conversationAccess(deps, principal, conversationId),
    list: (principal: Principal, query: Parameters<typeof listConversations>[2]) =>
      listConversations(deps, principal, query),
    waitingQueue: (viewerId: string, sellerId: string, page: Parameters<typeof waitingQueue>[3]) =>
      waitingQueue(deps, viewerId, sellerId, page),
    detail: (principal: Principal, conversationId: string) =>
      conversationDetail(deps, principal, conversationId),
    messages: (principal: Principal, conversationId: string, page: { beforeSeq?: number; limit: number }) =>
      conversationMessages(deps, principal, conversationId, page),
    messagesAfter: (conversationId: string, afterSeq: number, limit: number) =>
      messagesAfter(deps, conversationId, afterSeq, limit),
    unreadCount: (conversationId: string, userId: string) => deps.store.unreadCount(conversationId, userId),
    readMarkerOf: (conversationId: string, userId: string) => readMarkerOf(deps, conversationId, userId),
    post: (principal: Principal, conversationId: string, text: unknown) =>
      postMessage(deps, principal, conversationId, text),
    markRead: (principal: Principal, conversationId: string, messageId?: string) =>
      markRead(deps, principal, conversationId, messageId),
    join: (principal: Principal, conversationId: string) => joinConversation(deps, principal, conversationId),
    close: (principal: Principal, conversationId: string) =>
      closeConversation(deps, principal, conversationId),
    hide: (principal: Principal, conversationId: string, messageId: string, reason: unknown) =>
      hideMessage(deps, principal, conversationId, messageId, reason),
  };
}

export type ChatUseCases = ReturnType<typeof createChatUseCases>;
