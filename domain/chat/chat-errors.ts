import { DomainError } from '../shared/domain-error';

/** Stable codes of the chat context (their HTTP statuses are in api/problem-codes.ts). */
export const ChatErrorCode = {
  CHAT_NOT_FOUND: 'CHAT_NOT_FOUND',
  CHAT_MESSAGE_NOT_FOUND: 'CHAT_MESSAGE_NOT_FOUND',
  CHAT_CLOSED: 'CHAT_CLOSED',
  CHAT_MESSAGE_INVALID: 'CHAT_MESSAGE_INVALID',
  CHAT_PRODUCT_OF_OTHER_SELLER: 'CHAT_PRODUCT_OF_OTHER_SELLER',
  CHAT_ORDER_NOT_RELATED: 'CHAT_ORDER_NOT_RELATED',
} as const;

/** A conversation the caller may not see answers exactly like one that does not exist. */
export const chatNotFound = (conversationId: string) =>
  new DomainError(ChatErrorCode.CHAT_NOT_FOUND, `No conversation ${conversationId}`, { conversationId });

export const chatClosed = (conversationId: string) =>
  new DomainError(ChatErrorCode.CHAT_CLOSED, 'This conversation has been closed; open a new one.', {
    conversationId,
  });

export const chatMessageNotFound = (messageId: string) =>
  new DomainError(ChatErrorCode.CHAT_MESSAGE_NOT_FOUND, `No message ${messageId} in this conversation`, {
    messageId,
  });
