import { z } from '@hono/zod-openapi';
import { MAX_CHAT_MESSAGE_LENGTH } from '../../domain/chat/chat-message';

const id = (name: string) =>
  z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name, in: 'path' } });

/** Counted in characters (code points), as a person counts them: an emoji is one. */
const messageText = z
  .string()
  .refine((text) => text.trim().length > 0, 'must not be empty')
  .refine(
    (text) => [...text].length <= MAX_CHAT_MESSAGE_LENGTH,
    `must be at most ${MAX_CHAT_MESSAGE_LENGTH} characters`,
  )
  .openapi({
    description: `Plain text, at most ${MAX_CHAT_MESSAGE_LENGTH} characters, stored exactly as sent. Never HTML: render it as text.`,
    example: '이 상품 사이즈 교환 가능한가요?',
  });

export const conversationIdParam = z.object({ id: id('id') });
export const messageIdParam = z.object({ id: id('id'), messageId: id('messageId') });

export const openChatBody = z
  .object({
    sellerId: z.string().min(1).max(36),
    productId: z.string().min(1).max(36).nullable().optional(),
    orderId: z.string().min(1).max(36).nullable().optional(),
    text: messageText.optional().openapi({ description: 'The first message (optional)' }),
  })
  .openapi('OpenChatRequest');

export const postMessageBody = z.object({ text: messageText }).openapi('ChatMessageRequest');
export const readBody = z
  .object({ messageId: z.string().min(1).max(36).optional() })
  .openapi('ChatReadRequest');
export const hideBody = z.object({ reason: z.string().trim().min(1).max(500) }).openapi('ChatHideRequest');

const limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const listChatsQuery = z.object({
  status: z.enum(['OPEN', 'CLOSED']).optional(),
  sellerId: z.string().min(1).max(36).optional(),
  cursor: z.string().max(200).optional(),
  limit: limit(20, 50),
});

export const waitingQueueQuery = z.object({ cursor: z.string().max(200).optional(), limit: limit(20, 50) });

export const listMessagesQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a cursor this API gave out')
    .optional(),
  limit: limit(30, 100),
});

export const chatMessageView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    seq: z.number().int().openapi({ description: '1, 2, 3 … in the conversation' }),
    sender: z.object({ id: z.string(), role: z.enum(['CONSUMER', 'SELLER', 'MANAGER', 'ADMIN']) }),
    kind: z.enum(['TEXT', 'SYSTEM']),
    event: z.enum(['ADMIN_JOINED', 'CLOSED']).optional(),
    text: z.string().openapi({
      description: 'As sent (render as text); the placeholder when hidden and you are not an admin',
    }),
    hidden: z.boolean(),
    moderation: z
      .object({ hiddenAt: z.string(), hiddenBy: z.string(), reason: z.string() })
      .optional()
      .openapi({ description: 'Admins only' }),
    createdAt: z.string(),
  })
  .openapi('ChatMessage');

export const participantView = z
  .object({
    userId: z.string(),
    role: z.enum(['CONSUMER', 'SELLER', 'MANAGER', 'ADMIN']),
    joinedAt: z.string(),
    lastReadSeq: z.number().int(),
    lastReadMessageId: z.string().nullable(),
    lastReadAt: z.string().nullable(),
  })
  .openapi('ChatParticipant');

export const conversationView = z
  .object({
    id: z.string(),
    consumerId: z.string(),
    sellerId: z.string(),
    sellerName: z
      .string()
      .nullable()
      .optional()
      .openapi({ example: '판매상회', description: 'The seller’s company name (상호)' }),
    productId: z.string().nullable(),
    orderId: z.string().nullable(),
    status: z.enum(['OPEN', 'CLOSED']),
    createdAt: z.string(),
    lastMessageAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    waitingForReplySince: z
      .string()
      .nullable()
      .openapi({ description: 'Since when the consumer waits for the seller side' }),
    unreadCount: z.number().int(),
    lastMessage: chatMessageView.nullable().optional(),
    participants: z
      .array(participantView)
      .optional()
      .openapi({ description: 'Read receipts: how far each participant has read' }),
  })
  .openapi('Conversation');

export const conversationPage = z
  .object({ items: z.array(conversationView), nextCursor: z.string().nullable() })
  .openapi('ConversationPage');
export const messagePage = z
  .object({ items: z.array(chatMessageView), nextCursor: z.string().nullable() })
  .openapi('ChatMessagePage');
export const readResult = z
  .object({
    lastReadSeq: z.number().int(),
    lastReadMessageId: z.string().nullable(),
    unreadCount: z.number().int(),
  })
  .openapi('ChatReadResult');
