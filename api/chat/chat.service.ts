import { chatAccess, listableSellerIds } from '../../domain/chat/chat-access';
import { ChatErrorCode, chatNotFound } from '../../domain/chat/chat-errors';
import {
  validateHideReason,
  validateMessageText,
  type ChatMessage,
  type ChatSenderRole,
  type ChatSystemEvent,
} from '../../domain/chat/chat-message';
import {
  newConversation,
  sideOf,
  type Conversation,
  type ConversationStatus,
  type ReplyClockChange,
} from '../../domain/chat/conversation';
import type {
  ChatBroadcaster,
  ChatLiveEvent,
  ChatOrderReferences,
  ChatParticipant,
  ChatProductCatalog,
  ChatReplyReminders,
  ChatSellerDirectory,
  ChatStore,
  ConversationListItem,
  LiveMessage,
} from '../../domain/chat/ports';
import type { Principal } from '../../domain/identity/principal';
import { DomainError } from '../../domain/shared/domain-error';
import type { IdGenerator } from '../../platform/ids';
import type { Logger } from '../../platform/observability/logger';
import { ProblemError } from '../problem';
import type { ChatRateLimiter } from './chat-rate-limit';

export interface ChatServiceDeps {
  store: ChatStore;
  broadcaster: ChatBroadcaster;
  reminders: ChatReplyReminders;
  sellers: ChatSellerDirectory;
  /** Absent when the catalog is not wired: product ids are then kept as given. */
  products?: ChatProductCatalog;
  orders: ChatOrderReferences;
  rateLimiter: ChatRateLimiter;
  newId: IdGenerator;
  now: () => Date;
  logger: Logger;
}

export interface ConversationAccess {
  conversation: Conversation;
  as: ChatSenderRole;
}

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

/** Chat's use cases: who may do what, the reply clock, live fan-out and the reminder timer. */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  /** A consumer opens (or finds again) a conversation with a seller, optionally about a product or an order. */
  async open(
    principal: Principal,
    input: { sellerId: string; productId?: string | null; orderId?: string | null; text?: string },
  ): Promise<{ conversation: Conversation; created: boolean; message: ChatMessage | null }> {
    if (principal.role !== 'CONSUMER')
      throw new ProblemError('FORBIDDEN', 'Only consumers open conversations with sellers.');
    const text = input.text === undefined ? undefined : validateMessageText(input.text);
    if (!(await this.deps.sellers.isActiveSeller(input.sellerId))) {
      throw new DomainError('SELLER_NOT_FOUND', `No seller ${input.sellerId}`, { sellerId: input.sellerId });
    }
    const productId = input.productId ?? null;
    const orderId = input.orderId ?? null;
    if (productId && this.deps.products) {
      const sellerOfProduct = await this.deps.products.sellerOfProduct(productId);
      if (sellerOfProduct === null)
        throw new DomainError('PRODUCT_NOT_FOUND', `No product ${productId}`, { productId });
      if (sellerOfProduct !== input.sellerId) {
        throw new DomainError(
          ChatErrorCode.CHAT_PRODUCT_OF_OTHER_SELLER,
          'That product is sold by another seller.',
          { productId, sellerId: input.sellerId },
        );
      }
    }
    if (
      orderId &&
      (await this.deps.orders.orderRelates({
        orderId,
        consumerId: principal.userId,
        sellerId: input.sellerId,
      })) === false
    ) {
      throw new DomainError(
        ChatErrorCode.CHAT_ORDER_NOT_RELATED,
        'That order is not one of yours with this seller.',
        { orderId },
      );
    }
    if (text !== undefined) await this.deps.rateLimiter.consume(principal.userId);

    let conversation = await this.deps.store.findOpenConversation({
      consumerId: principal.userId,
      sellerId: input.sellerId,
      productId,
      orderId,
    });
    let created = false;
    if (!conversation) {
      const now = this.deps.now();
      conversation = newConversation({
        id: this.deps.newId(),
        consumerId: principal.userId,
        sellerId: input.sellerId,
        productId,
        orderId,
        now,
      });
      const participant = (userId: string, role: ChatSenderRole): ChatParticipant => ({
        conversationId: conversation!.id,
        userId,
        role,
        side: sideOf(role),
        joinedAt: now,
        lastReadSeq: 0,
        lastReadMessageId: null,
        lastReadAt: null,
      });
      await this.deps.store.insertConversation(conversation, [
        participant(principal.userId, 'CONSUMER'),
        participant(input.sellerId, 'SELLER'),
      ]);
      created = true;
    }
    let message: ChatMessage | null = null;
    if (text !== undefined) {
      const appended = await this.append({
        conversationId: conversation.id,
        senderId: principal.userId,
        senderRole: 'CONSUMER',
        kind: 'TEXT',
        text,
      });
      conversation = appended.conversation;
      message = appended.message;
    }
    return { conversation, created, message };
  }

  /** The conversation and the capacity the caller acts in; 404 to anyone who is not a participant. */
  async access(principal: Principal, conversationId: string): Promise<ConversationAccess> {
    const conversation = await this.deps.store.findConversation(conversationId);
    if (!conversation) throw chatNotFound(conversationId);
    const decision = chatAccess(principal, conversation);
    if (!decision.allowed) {
      if (decision.reason === 'MISSING_PERMISSION') {
        throw new ProblemError('FORBIDDEN', 'This seller has not given you the CHAT permission.', {
          reason: 'MISSING_PERMISSION',
        });
      }
      throw chatNotFound(conversationId);
    }
    return { conversation, as: decision.as };
  }

  async list(
    principal: Principal,
    query: {
      status?: ConversationStatus;
      sellerId?: string;
      cursor?: { at: Date; id: string };
      limit: number;
    },
  ): Promise<ConversationListItem[]> {
    const page = {
      viewerId: principal.userId,
      status: query.status,
      cursor: query.cursor,
      limit: query.limit,
    };
    if (principal.role === 'CONSUMER') {
      return this.deps.store.listConversations({
        ...page,
        consumerId: principal.userId,
        sellerIds: query.sellerId ? [query.sellerId] : null,
      });
    }
    let sellerIds = listableSellerIds(principal);
    if (query.sellerId)
      sellerIds = sellerIds === null || sellerIds.includes(query.sellerId) ? [query.sellerId] : [];
    return this.deps.store.listConversations({ ...page, sellerIds });
  }

  /** The seller's queue: open conversations waiting for the seller side, longest wait first. */
  async waitingQueue(
    viewerId: string,
    sellerId: string,
    page: { cursor?: { at: Date; id: string }; limit: number },
  ): Promise<ConversationListItem[]> {
    return this.deps.store.listConversations({
      viewerId,
      sellerIds: [sellerId],
      awaitingOnly: true,
      cursor: page.cursor,
      limit: page.limit,
    });
  }

  async detail(principal: Principal, conversationId: string) {
    const access = await this.access(principal, conversationId);
    const [unreadCount, participants] = await Promise.all([
      this.deps.store.unreadCount(conversationId, principal.userId),
      this.deps.store.participants(conversationId),
    ]);
    return { ...access, unreadCount, participants };
  }

  async messages(principal: Principal, conversationId: string, page: { beforeSeq?: number; limit: number }) {
    const access = await this.access(principal, conversationId);
    const messages = await this.deps.store.listMessages(conversationId, {
      beforeSeq: page.beforeSeq,
      limit: page.limit,
    });
    return { ...access, messages };
  }

  /** Messages after a seq, oldest first (a live connection catching up). */
  async messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<ChatMessage[]> {
    return this.deps.store.listMessages(conversationId, { afterSeq, limit });
  }

  async unreadCount(conversationId: string, userId: string): Promise<number> {
    return this.deps.store.unreadCount(conversationId, userId);
  }

  async readMarkerOf(conversationId: string, userId: string): Promise<ChatParticipant | null> {
    return (await this.deps.store.participants(conversationId)).find((p) => p.userId === userId) ?? null;
  }

  async post(
    principal: Principal,
    conversationId: string,
    text: unknown,
  ): Promise<{ message: ChatMessage; as: ChatSenderRole }> {
    const valid = validateMessageText(text);
    const { as } = await this.access(principal, conversationId);
    await this.deps.rateLimiter.consume(principal.userId);
    if (as === 'ADMIN') await this.joinAsAdmin(principal.userId, conversationId);
    const { message } = await this.append({
      conversationId,
      senderId: principal.userId,
      senderRole: as,
      kind: 'TEXT',
      text: valid,
    });
    return { message, as };
  }

  /** Read receipt: moves the caller's marker to a message (default: the newest) and tells the others live. */
  async markRead(principal: Principal, conversationId: string, messageId?: string) {
    const { conversation, as } = await this.access(principal, conversationId);
    let target: { seq: number; id: string } | null;
    if (messageId) {
      const message = await this.deps.store.findMessage(conversationId, messageId);
      if (!message)
        throw new DomainError(
          ChatErrorCode.CHAT_MESSAGE_NOT_FOUND,
          `No message ${messageId} in this conversation`,
          { messageId },
        );
      target = message;
    } else {
      const [newest] = await this.deps.store.listMessages(conversationId, { limit: 1 });
      target = newest ?? null;
    }
    if (!target)
      return { marker: await this.readMarkerOf(conversation.id, principal.userId), unreadCount: 0 };
    const marker = await this.deps.store.markRead({
      conversationId,
      userId: principal.userId,
      role: as,
      upToSeq: target.seq,
      messageId: target.id,
      at: this.deps.now(),
    });
    await this.publish({
      type: 'read',
      conversationId,
      userId: marker.userId,
      role: marker.role,
      lastReadSeq: marker.lastReadSeq,
      lastReadMessageId: marker.lastReadMessageId,
      readAt: (marker.lastReadAt ?? this.deps.now()).toISOString(),
    });
    return { marker, unreadCount: await this.deps.store.unreadCount(conversationId, principal.userId) };
  }

  /** An admin joins visibly: a system message tells the participants. */
  async join(principal: Principal, conversationId: string): Promise<Conversation> {
    const { conversation } = await this.requireAdmin(principal, conversationId);
    await this.joinAsAdmin(principal.userId, conversationId, conversation.status === 'OPEN');
    return (await this.deps.store.findConversation(conversationId)) ?? conversation;
  }

  async close(principal: Principal, conversationId: string): Promise<Conversation> {
    const { conversation } = await this.requireAdmin(principal, conversationId);
    if (conversation.status === 'CLOSED') return conversation;
    await this.joinAsAdmin(principal.userId, conversationId);
    const appended = await this.append({
      conversationId,
      senderId: principal.userId,
      senderRole: 'ADMIN',
      kind: 'SYSTEM',
      text: 'CLOSED' satisfies ChatSystemEvent,
      closes: true,
    });
    await this.publish({
      type: 'closed',
      conversationId,
      closedAt: (appended.conversation.closedAt ?? this.deps.now()).toISOString(),
      closedBy: principal.userId,
    });
    return appended.conversation;
  }

  /** Hides a message that breaks the rules: kept, with who hid it and why; participants see a placeholder. */
  async hide(
    principal: Principal,
    conversationId: string,
    messageId: string,
    reason: unknown,
  ): Promise<ChatMessage> {
    const why = validateHideReason(reason);
    await this.requireAdmin(principal, conversationId);
    const message = await this.deps.store.hideMessage(conversationId, messageId, {
      at: this.deps.now(),
      by: principal.userId,
      reason: why,
    });
    if (!message)
      throw new DomainError(
        ChatErrorCode.CHAT_MESSAGE_NOT_FOUND,
        `No message ${messageId} in this conversation`,
        { messageId },
      );
    await this.publish({
      type: 'message_hidden',
      conversationId,
      messageId,
      seq: message.seq,
      hiddenAt: message.hidden!.at.toISOString(),
      hiddenBy: message.hidden!.by,
      reason: message.hidden!.reason,
    });
    return message;
  }

  private async requireAdmin(principal: Principal, conversationId: string): Promise<ConversationAccess> {
    if (principal.role !== 'ADMIN')
      throw new ProblemError('FORBIDDEN', 'Only admins moderate conversations.');
    return this.access(principal, conversationId);
  }

  private async joinAsAdmin(adminId: string, conversationId: string, announce = true): Promise<void> {
    const added = await this.deps.store.ensureParticipant({
      conversationId,
      userId: adminId,
      role: 'ADMIN',
      side: 'ADMIN',
      joinedAt: this.deps.now(),
    });
    if (added && announce) {
      await this.append({
        conversationId,
        senderId: adminId,
        senderRole: 'ADMIN',
        kind: 'SYSTEM',
        text: 'ADMIN_JOINED' satisfies ChatSystemEvent,
      });
    }
  }

  private async append(input: {
    conversationId: string;
    senderId: string;
    senderRole: ChatSenderRole;
    kind: 'TEXT' | 'SYSTEM';
    text: string;
    closes?: boolean;
  }) {
    const appended = await this.deps.store.appendMessage({
      ...input,
      messageId: this.deps.newId(),
      now: this.deps.now(),
    });
    await this.publish({
      type: 'message',
      conversationId: input.conversationId,
      message: toLiveMessage(appended.message),
    });
    await this.moveReplyClock(appended.conversation, appended.clock);
    return appended;
  }

  /** Best effort: the database holds the message; a listener that missed it catches up from there. */
  private async publish(event: ChatLiveEvent): Promise<void> {
    try {
      await this.deps.broadcaster.publish(event);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, conversationId: event.conversationId, type: event.type },
        'live chat event not published',
      );
    }
  }

  /** Best effort too: the reminder checks the database before it sends, so a lost signal never reminds wrongly. */
  private async moveReplyClock(conversation: Conversation, clock: ReplyClockChange): Promise<void> {
    try {
      if (clock.kind === 'STARTED_WAITING') {
        await this.deps.reminders.awaitingReply({
          conversationId: conversation.id,
          sellerId: conversation.sellerId,
          round: clock.round,
        });
      } else if (clock.kind === 'ANSWERED') {
        await this.deps.reminders.waitEnded({ conversationId: conversation.id, round: clock.round });
      }
    } catch (error) {
      this.deps.logger.warn(
        { err: error, conversationId: conversation.id, clock: clock.kind },
        'chat reply reminder not updated',
      );
    }
  }
}
