import { DomainError } from '../shared/domain-error';
import { ChatErrorCode } from './chat-errors';

/** A message is plain text of at most this many characters (Unicode code points). */
export const MAX_CHAT_MESSAGE_LENGTH = 2000;

/** What participants see instead of a message an admin hid; admins still see the text. */
export const HIDDEN_MESSAGE_PLACEHOLDER = '운영 정책에 따라 가려진 메시지입니다.';

/** Who wrote a message: the account's role. Managers write for the seller side. */
export type ChatSenderRole = 'CONSUMER' | 'SELLER' | 'MANAGER' | 'ADMIN';
/** TEXT is written by a person; SYSTEM records an event (an admin joined, the conversation closed). */
export type ChatMessageKind = 'TEXT' | 'SYSTEM';
export type ChatSystemEvent = 'ADMIN_JOINED' | 'CLOSED';

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** 1, 2, 3 … within the conversation: the order of messages and the base of read markers. */
  seq: number;
  senderId: string;
  senderRole: ChatSenderRole;
  kind: ChatMessageKind;
  /** Exactly as sent (never trimmed, never interpreted as HTML); for SYSTEM messages the event name. */
  text: string;
  createdAt: Date;
  hidden: { at: Date; by: string; reason: string } | null;
}

/**
 * Checks a message as typed by a person. The text is stored as sent; it only has to contain
 * something visible and fit the limit. Returns the text unchanged.
 */
export function validateMessageText(text: unknown): string {
  if (typeof text !== 'string') throw invalid('must be text');
  if (text.trim().length === 0) throw invalid('must not be empty');
  const length = [...text].length;
  if (length > MAX_CHAT_MESSAGE_LENGTH)
    throw invalid(`must be at most ${MAX_CHAT_MESSAGE_LENGTH} characters (got ${length})`);
  if (text.includes('\u0000')) throw invalid('must not contain NUL characters');
  return text;
}

const invalid = (why: string) =>
  new DomainError(ChatErrorCode.CHAT_MESSAGE_INVALID, `The message ${why}.`, {
    field: 'text',
    maxLength: MAX_CHAT_MESSAGE_LENGTH,
  });

/** A moderation reason: required, short. */
export function validateHideReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim().length === 0 || [...reason].length > 500) {
    throw new DomainError(
      ChatErrorCode.CHAT_MESSAGE_INVALID,
      'Give the reason for hiding the message (1–500 characters).',
      { field: 'reason' },
    );
  }
  return reason.trim();
}
