import { createChatActivities } from '../activities/chat/chat.activities';
import { createChatLiveRoutes } from '../api/chat/chat-live.routes';
import { createChatRoutes } from '../api/chat/chats.routes';
import type { PrincipalResolver } from '../api/middleware/authenticate';
import { ChatRateLimiter } from '../application/chat/chat-rate-limit';
import { createChatUseCases } from '../application/chat/chat-use-cases';
import type {
  ChatOrderReferences,
  ChatProductCatalog,
  ChatReplyReminders,
  ChatSellerDirectory,
} from '../domain/chat/ports';
import { ChatPersonalDataEraser } from '../application/chat/erase-chat-personal-data';
import { TypeOrmChatStore } from '../persistence/chat/typeorm-chat.store';
import { TypeOrmSellerNames } from '../persistence/identity/typeorm-seller-names';
import { MemoryPubSub } from '../platform/pubsub/memory-pub-sub';
import { PubSubChatBroadcaster } from '../platform/pubsub/pub-sub-chat-broadcaster';
import { TemporalChatReplyReminders } from '../workflows/chat/chat-reply-reminder.starter';
import type { ChatSettings, ContextInfra, HttpWiring, Routes } from './context-infra';

export const DEFAULT_CHAT_SETTINGS: ChatSettings = { replyReminderAfterSeconds: 3600, messagesPerMinute: 30 };

/**
 * Orders do not exist yet: an order id on a conversation is kept as given. When the ordering context
 * lands, replace this with its published "is this order between them" function.
 */
export const unverifiedOrderReferences: ChatOrderReferences = { orderRelates: async () => 'UNKNOWN' };

export interface ChatContextDeps {
  /** Identity's token check and current principal, for the WebSocket handshake. */
  principals: PrincipalResolver;
  sellers: ChatSellerDirectory;
  products?: ChatProductCatalog;
  orders?: ChatOrderReferences;
  reminders?: ChatReplyReminders;
}

export interface ChatContext {
  /** Withdrawal: the texts of the user's messages and conversations. */
  eraser: ChatPersonalDataEraser;
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createChatActivities>;
}

/** Buyer–seller conversations: store, live fan-out, the reply-reminder timer, HTTP and WebSocket routes. */
export function createChatContext(infra: ContextInfra, deps: ChatContextDeps): ChatContext {
  const store = new TypeOrmChatStore(infra.dataSource, infra.newId);
  return {
    eraser: new ChatPersonalDataEraser(store),
    routes: ({ authenticate, liveSockets }) => {
      const logger = infra.logger.child({ context: 'chat' });
      const settings = infra.api?.chat ?? DEFAULT_CHAT_SETTINGS;
      const broadcaster = new PubSubChatBroadcaster(infra.api?.pubSub ?? new MemoryPubSub(), (error) =>
        logger.warn({ err: error }, 'unreadable live chat event'),
      );
      const chat = createChatUseCases({
        store,
        broadcaster,
        reminders:
          deps.reminders ??
          new TemporalChatReplyReminders(infra.temporal, settings.replyReminderAfterSeconds * 1000),
        sellers: deps.sellers,
        products: deps.products,
        orders: deps.orders ?? unverifiedOrderReferences,
        rateLimiter: new ChatRateLimiter(infra.kv, settings.messagesPerMinute),
        newId: infra.newId,
        now: infra.now,
        logger,
      });
      return [
        createChatRoutes({
          chat,
          authenticate,
          sellerNames: (ids) => new TypeOrmSellerNames(infra.dataSource).companyNamesOf(ids),
        }),
        createChatLiveRoutes({
          chat,
          broadcaster,
          principals: deps.principals,
          upgradeWebSocket: liveSockets.upgradeWebSocket,
          logger,
        }),
      ];
    },
    activities: () => createChatActivities({ store }),
  };
}
