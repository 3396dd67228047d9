import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { ChatRateLimiter } from '../../application/chat/chat-rate-limit';
import { createChatUseCases, type ChatUseCases } from '../../application/chat/chat-use-cases';
import { TemporalChatReplyReminders } from '../../workflows/chat/chat-reply-reminder.starter';
import type {
  ChatOrderReferences,
  ChatProductCatalog,
  ChatReplyReminders,
  ChatSellerDirectory,
} from '../../domain/chat/ports';
import { TypeOrmChatStore } from '../../persistence/chat/typeorm-chat.store';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import type { IdGenerator } from '../../platform/ids';
import type { Logger } from '../../platform/observability/logger';
import type { PubSub } from '../../platform/pubsub/pub-sub';
import { PubSubChatBroadcaster } from '../../platform/pubsub/pub-sub-chat-broadcaster';
import type { AppEnv } from '../app-env';
import type { LiveSockets } from '../live-sockets';
import type { Authenticate, PrincipalResolver } from '../middleware/authenticate';
import { createChatLiveRoutes } from './chat-live.routes';
import { createChatRoutes } from './chats.routes';

export interface ChatSettings {
  /** CHAT_REPLY_REMINDER_AFTER: how long a consumer waits before the seller is reminded. */
  replyReminderAfterSeconds: number;
  /** CHAT_MESSAGES_PER_MINUTE: per user. */
  messagesPerMinute: number;
}

export const DEFAULT_CHAT_SETTINGS: ChatSettings = { replyReminderAfterSeconds: 3600, messagesPerMinute: 30 };

/**
 * Orders do not exist yet: an order id on a conversation is kept as given. When the ordering context
 * lands, replace this with its published "is this order between them" function.
 */
export const unverifiedOrderReferences: ChatOrderReferences = { orderRelates: async () => 'UNKNOWN' };

export interface ChatModuleInput {
  dataSource: DataSource;
  kv: KeyValueStore;
  pubSub: PubSub;
  logger: Logger;
  newId: IdGenerator;
  now?: () => Date;
  authenticate: Authenticate;
  principals: PrincipalResolver;
  sellers: ChatSellerDirectory;
  products?: ChatProductCatalog;
  orders?: ChatOrderReferences;
  liveSockets: LiveSockets;
  settings?: ChatSettings;
  /** The Temporal client, asked for only when a reply timer must start or stop. */
  temporalClient: () => Client;
  reminders?: ChatReplyReminders;
}

/** The chat context behind HTTP and WebSocket: store, live fan-out, reminder timer, routes. */
export function createChatModule(input: ChatModuleInput): {
  routes: OpenAPIHono<AppEnv>[];
  chat: ChatUseCases;
} {
  const logger = input.logger.child({ context: 'chat' });
  const settings = input.settings ?? DEFAULT_CHAT_SETTINGS;
  const broadcaster = new PubSubChatBroadcaster(input.pubSub, (error) =>
    logger.warn({ err: error }, 'unreadable live chat event'),
  );
  const chat = createChatUseCases({
    store: new TypeOrmChatStore(input.dataSource, input.newId),
    broadcaster,
    reminders:
      input.reminders ??
      new TemporalChatReplyReminders(input.temporalClient, settings.replyReminderAfterSeconds * 1000),
    sellers: input.sellers,
    products: input.products,
    orders: input.orders ?? unverifiedOrderReferences,
    rateLimiter: new ChatRateLimiter(input.kv, settings.messagesPerMinute),
    newId: input.newId,
    now: input.now ?? (() => new Date()),
    logger,
  });
  return {
    chat,
    routes: [
      createChatRoutes({ chat, authenticate: input.authenticate }),
      createChatLiveRoutes({
        chat,
        broadcaster,
        principals: input.principals,
        upgradeWebSocket: input.liveSockets.upgradeWebSocket,
        logger,
      }),
    ],
  };
}
