import { ChatErrorCode } from '../../domain/chat/chat-errors';
import { validateMessageText, type ChatMessage, type ChatSenderRole } from '../../domain/chat/chat-message';
import { newConversation, sideOf, type Conversation } from '../../domain/chat/conversation';
import type { ChatParticipant } from '../../domain/chat/ports';
import type { Principal } from '../../domain/identity/principal';
import { DomainError } from '../../domain/shared/domain-error';
import { appendMessage } from './append-message';
import type { ChatDeps } from './chat-deps';

export interface OpenConversationInput {
  sellerId: string;
  productId?: string | null;
  orderId?: string | null;
  text?: string;
}

/** A consumer opens (or finds again) a conversation with a seller, optionally about a product or an order. */
export async function openConversation(
  deps: ChatDeps,
  principal: Principal,
  input: OpenConversationInput,
): Promise<{ conversation: Conversation; created: boolean; message: ChatMessage | null }> {
  if (principal.role !== 'CONSUMER')
    throw new DomainError('FORBIDDEN', 'Only consumers open conversations with sellers.');
  const text = input.text === undefined ? undefined : validateMessageText(input.text);
  if (!(await deps.sellers.isActiveSeller(input.sellerId))) {
    throw new DomainError('SELLER_NOT_FOUND', `No seller ${input.sellerId}`, { sellerId: input.sellerId });
  }
  const productId = input.productId ?? null;
  const orderId = input.orderId ?? null;
  await checkSubject(deps, principal.userId, input.sellerId, productId, orderId);
  if (text !== undefined) await deps.rateLimiter.consume(principal.userId);

  let conversation = await deps.store.findOpenConversation({
    consumerId: principal.userId,
    sellerId: input.sellerId,
    productId,
    orderId,
  });
  let created = false;
  if (!conversation) {
    const now = deps.now();
    const opened = newConversation({
      id: deps.newId(),
      consumerId: principal.userId,
      sellerId: input.sellerId,
      productId,
      orderId,
      now,
    });
    const participant = (userId: string, role: ChatSenderRole): ChatParticipant => ({
      conversationId: opened.id,
      userId,
      role,
      side: sideOf(role),
      joinedAt: now,
      lastReadSeq: 0,
      lastReadMessageId: null,
      lastReadAt: null,
    });
    await deps.store.insertConversation(opened, [
      participant(principal.userId, 'CONSUMER'),
      participant(input.sellerId, 'SELLER'),
    ]);
    conversation = opened;
    created = true;
  }
  let message: ChatMessage | null = null;
  if (text !== undefined) {
    const appended = await appendMessage(deps, {
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

/** The product must be the seller's, and the order one between this consumer and the seller. */
async function checkSubject(
  deps: ChatDeps,
  consumerId: string,
  sellerId: string,
  productId: string | null,
  orderId: string | null,
): Promise<void> {
  if (productId && deps.products) {
    const sellerOfProduct = await deps.products.sellerOfProduct(productId);
    if (sellerOfProduct === null)
      throw new DomainError('PRODUCT_NOT_FOUND', `No product ${productId}`, { productId });
    if (sellerOfProduct !== sellerId) {
      throw new DomainError(
        ChatErrorCode.CHAT_PRODUCT_OF_OTHER_SELLER,
        'That product is sold by another seller.',
        { productId, sellerId },
      );
    }
  }
  if (orderId && (await deps.orders.orderRelates({ orderId, consumerId, sellerId })) === false) {
    throw new DomainError(
      ChatErrorCode.CHAT_ORDER_NOT_RELATED,
      'That order is not one of yours with this seller.',
      { orderId },
    );
  }
}
