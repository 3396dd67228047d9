import { createRoute } from '@hono/zod-openapi';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { createRouter } from '../router';
import type { ChatUseCases } from '../../application/chat/chat-use-cases';
import type { ConversationDetail } from '../../application/chat/read-conversations';
import type { ChatSenderRole } from '../../domain/chat/chat-message';
import {
  conversationIdParam,
  conversationPage,
  conversationView as conversationSchema,
  chatMessageView,
  hideBody,
  listChatsQuery,
  listMessagesQuery,
  messageIdParam,
  messagePage,
  openChatBody,
  postMessageBody,
  readBody,
  readResult,
  waitingQueueQuery,
} from './chat.schemas';
import {
  conversationView,
  decodeConversationCursor,
  encodeConversationCursor,
  messageView,
} from './chat-views';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const common = {
  401: problemResponse('UNAUTHENTICATED / TOKEN_EXPIRED / TOKEN_REVOKED'),
  404: problemResponse('CHAT_NOT_FOUND: no such conversation, or you are not one of its participants'),
};

/** Conversations between consumers and sellers: history, read receipts, moderation (docs/chat.md). */
export function createChatRoutes(deps: {
  chat: ChatUseCases;
  authenticate: Authenticate;
  /** Sellers' 상호 (identity's seller profiles), shown with each conversation. */
  sellerNames?: (sellerIds: string[]) => Promise<Map<string, string>>;
}) {
  const router = createRouter();
  const { chat } = deps;
  /** Adds `sellerName` (the seller's company name) to conversation views. */
  const named = async <T extends { sellerId: string }>(views: T[]) => {
    const names = (await deps.sellerNames?.(views.map((view) => view.sellerId))) ?? new Map<string, string>();
    return views.map((view) => ({ ...view, sellerName: names.get(view.sellerId) ?? null }));
  };
  const namedOne = async <T extends { sellerId: string }>(view: T) => (await named([view]))[0]!;
  const detailView = (found: ConversationDetail, as: ChatSenderRole) =>
    namedOne(
      conversationView(found.conversation, as, {
        unreadCount: found.unreadCount,
        participants: found.participants,
      }),
    );
  const tags = ['chat'];
  const member = { tags, security: bearerSecurity, middleware: [deps.authenticate] };

  const list = createRoute({
    method: 'get',
    path: '/chats',
    ...member,
    summary: 'Your conversations, most recent activity first, with unread counts',
    description:
      'A consumer sees its own; a seller its own; a manager those of the sellers that granted it CHAT (filter with `sellerId`); an admin every conversation.',
    request: { query: listChatsQuery },
    responses: {
      200: { description: 'a page', ...json(conversationPage) },
      400: problemResponse('VALIDATION_FAILED'),
      401: common[401],
    },
  });
  router.openapi(list, async (c) => {
    const principal = principalOf(c);
    const query = c.req.valid('query');
    const items = await chat.list(principal, {
      status: query.status,
      sellerId: query.sellerId,
      cursor: decodeConversationCursor(query.cursor),
      limit: query.limit,
    });
    const viewerRole = principal.role;
    const last = items.at(-1);
    return c.json(
      {
        items: await named(
          items.map((item) =>
            conversationView(item.conversation, viewerRole, {
              unreadCount: item.unreadCount,
              lastMessage: item.lastMessage,
            }),
          ),
        ),
        nextCursor:
          items.length === query.limit && last
            ? encodeConversationCursor(last.conversation.lastActivityAt, last.conversation.id)
            : null,
      },
      200,
    );
  });

  const open = createRoute({
    method: 'post',
    path: '/chats',
    tags,
    summary: 'Open a conversation with a seller (consumers)',
    description:
      'Optionally about a product (it must be one of the seller’s) or an order, and with a first message. An open conversation with the same seller about the same subject is returned instead of a second one (200).',
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('CONSUMER')],
    request: { body: { ...json(openChatBody), required: true } },
    responses: {
      201: { description: 'opened', ...json(conversationSchema) },
      200: { description: 'already open', ...json(conversationSchema) },
      400: problemResponse('VALIDATION_FAILED'),
      401: common[401],
      403: problemResponse('FORBIDDEN: consumers only'),
      404: problemResponse('SELLER_NOT_FOUND / PRODUCT_NOT_FOUND'),
      422: problemResponse('CHAT_PRODUCT_OF_OTHER_SELLER / CHAT_ORDER_NOT_RELATED'),
      429: problemResponse('RATE_LIMITED'),
    },
  });
  router.openapi(open, async (c) => {
    const principal = principalOf(c);
    const body = c.req.valid('json');
    const result = await chat.open(principal, body);
    const view = await namedOne(
      conversationView(result.conversation, principal.role, {
        unreadCount: 0,
        lastMessage: result.message,
      }),
    );
    return result.created ? c.json(view, 201) : c.json(view, 200);
  });

  const queue = createRoute({
    method: 'get',
    path: '/seller/chats/waiting',
    tags,
    summary: 'The seller’s queue: conversations waiting for an answer, longest wait first',
    description:
      'For the seller, its managers with CHAT (name the seller with X-Seller-Id when you serve several) and admins (X-Seller-Id required).',
    security: bearerSecurity,
    middleware: [deps.authenticate, requireRole('SELLER', 'MANAGER', 'ADMIN'), requireSellerAccess('CHAT')],
    request: { query: waitingQueueQuery },
    responses: {
      200: { description: 'a page', ...json(conversationPage) },
      400: problemResponse('VALIDATION_FAILED / SELLER_REQUIRED'),
      401: common[401],
      403: problemResponse('FORBIDDEN'),
    },
  });
  router.openapi(queue, async (c) => {
    const principal = principalOf(c);
    const query = c.req.valid('query');
    const items = await chat.waitingQueue(principal.userId, sellerAccessOf(c).sellerId, {
      cursor: decodeConversationCursor(query.cursor),
      limit: query.limit,
    });
    const last = items.at(-1)?.conversation;
    return c.json(
      {
        items: await named(
          items.map((item) =>
            conversationView(item.conversation, principal.role, {
              unreadCount: item.unreadCount,
              lastMessage: item.lastMessage,
            }),
          ),
        ),
        nextCursor:
          items.length === query.limit && last?.awaitingReplySince
            ? encodeConversationCursor(last.awaitingReplySince, last.id)
            : null,
      },
      200,
    );
  });

  const detail = createRoute({
    method: 'get',
    path: '/chats/{id}',
    ...member,
    summary: 'One conversation with your unread count and everyone’s read receipts',
    request: { params: conversationIdParam },
    responses: {
      200: { description: 'the conversation', ...json(conversationSchema) },
      ...common,
      403: problemResponse('FORBIDDEN: a manager without CHAT'),
    },
  });
  router.openapi(detail, async (c) => {
    const principal = principalOf(c);
    const found = await chat.detail(principal, c.req.valid('param').id);
    return c.json(await detailView(found, found.as), 200);
  });

  const messages = createRoute({
    method: 'get',
    path: '/chats/{id}/messages',
    ...member,
    summary: 'Message history, newest first',
    description:
      'Page back with `cursor` (the `nextCursor` of the previous page). Messages an admin hid show a placeholder, except to admins.',
    request: { params: conversationIdParam, query: listMessagesQuery },
    responses: {
      200: { description: 'a page', ...json(messagePage) },
      400: problemResponse('VALIDATION_FAILED'),
      ...common,
      403: problemResponse('FORBIDDEN'),
    },
  });
  router.openapi(messages, async (c) => {
    const principal = principalOf(c);
    const query = c.req.valid('query');
    const page = await chat.messages(principal, c.req.valid('param').id, {
      beforeSeq: query.cursor ? Number(query.cursor) : undefined,
      limit: query.limit,
    });
    const oldest = page.messages.at(-1);
    return c.json(
      {
        items: page.messages.map((message) => messageView(message, page.as)),
        nextCursor:
          page.messages.length === query.limit && oldest && oldest.seq > 1 ? String(oldest.seq) : null,
      },
      200,
    );
  });

  const post = createRoute({
    method: 'post',
    path: '/chats/{id}/messages',
    ...member,
    summary: 'Send a message (participants; an admin who writes joins visibly)',
    description:
      'Delivered live to every connected participant, on whichever API process they are connected.',
    request: { params: conversationIdParam, body: { ...json(postMessageBody), required: true } },
    responses: {
      201: { description: 'sent', ...json(chatMessageView) },
      400: problemResponse('VALIDATION_FAILED'),
      ...common,
      403: problemResponse('FORBIDDEN'),
      409: problemResponse('CHAT_CLOSED'),
      429: problemResponse('RATE_LIMITED'),
    },
  });
  router.openapi(post, async (c) => {
    const principal = principalOf(c);
    const { message, as } = await chat.post(principal, c.req.valid('param').id, c.req.valid('json').text);
    return c.json(messageView(message, as), 201);
  });

  const read = createRoute({
    method: 'post',
    path: '/chats/{id}/read',
    ...member,
    summary: 'Read receipt: you have read up to a message (default: the newest)',
    description: 'The marker only moves forward; the other participants get a live `read` event.',
    request: { params: conversationIdParam, body: { ...json(readBody), required: false } },
    responses: {
      200: { description: 'your marker', ...json(readResult) },
      ...common,
      403: problemResponse('FORBIDDEN'),
    },
  });
  router.openapi(read, async (c) => {
    const principal = principalOf(c);
    const body = (c.req.valid('json') as { messageId?: string } | undefined) ?? {};
    const result = await chat.markRead(principal, c.req.valid('param').id, body.messageId);
    return c.json(
      {
        lastReadSeq: result.marker?.lastReadSeq ?? 0,
        lastReadMessageId: result.marker?.lastReadMessageId ?? null,
        unreadCount: result.unreadCount,
      },
      200,
    );
  });

  const admin = { tags, security: bearerSecurity, middleware: [deps.authenticate, requireRole('ADMIN')] };

  const join = createRoute({
    method: 'post',
    path: '/chats/{id}/join',
    ...admin,
    summary: 'An admin joins the conversation (visible to the participants)',
    request: { params: conversationIdParam },
    responses: {
      200: { description: 'joined', ...json(conversationSchema) },
      ...common,
      403: problemResponse('FORBIDDEN: admins only'),
    },
  });
  router.openapi(join, async (c) => {
    const principal = principalOf(c);
    const id = c.req.valid('param').id;
    const conversation = await chat.join(principal, id);
    return c.json(await detailView(await chat.detail(principal, conversation.id), 'ADMIN'), 200);
  });

  const close = createRoute({
    method: 'post',
    path: '/chats/{id}/close',
    ...admin,
    summary: 'An admin closes the conversation (no more messages; the reply reminder stops)',
    request: { params: conversationIdParam },
    responses: {
      200: { description: 'closed', ...json(conversationSchema) },
      ...common,
      403: problemResponse('FORBIDDEN: admins only'),
    },
  });
  router.openapi(close, async (c) => {
    const principal = principalOf(c);
    const conversation = await chat.close(principal, c.req.valid('param').id);
    return c.json(
      conversationView(conversation, 'ADMIN', {
        unreadCount: await chat.unreadCount(conversation.id, principal.userId),
      }),
      200,
    );
  });

  const hide = createRoute({
    method: 'post',
    path: '/chats/{id}/messages/{messageId}/hide',
    ...admin,
    summary: 'An admin hides a message that breaks the rules (kept, with who and why)',
    request: { params: messageIdParam, body: { ...json(hideBody), required: true } },
    responses: {
      200: { description: 'hidden (the admin view)', ...json(chatMessageView) },
      400: problemResponse('VALIDATION_FAILED'),
      ...common,
      403: problemResponse('FORBIDDEN: admins only'),
    },
  });
  router.openapi(hide, async (c) => {
    const principal = principalOf(c);
    const { id, messageId } = c.req.valid('param');
    const message = await chat.hide(principal, id, messageId, c.req.valid('json').reason);
    return c.json(messageView(message, 'ADMIN'), 200);
  });

  return router;
}
