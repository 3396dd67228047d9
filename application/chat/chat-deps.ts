import type { ChatSenderRole } from '../../domain/chat/chat-message';
import type { Conversation } from '../../domain/chat/conversation';
import type {
  ChatBroadcaster,
  ChatMessageRateLimit,
  ChatOrderReferences,
  ChatProductCatalog,
  ChatReplyReminders,
  ChatSellerDirectory,
  ChatStore,
} from '../../domain/chat/ports';
import type { Log } from '../../domain/shared/log';

export interface ChatDeps {
  store: ChatStore;
  broadcaster: ChatBroadcaster;
  reminders: ChatReplyReminders;
  sellers: ChatSellerDirectory;
  /** Absent when the catalog is not wired: product ids are then kept as given. */
  products?: ChatProductCatalog;
  orders: ChatOrderReferences;
  rateLimiter: ChatMessageRateLimit;
  newId: () => string;
  now: () => Date;
  logger: Log;
}

export interface ConversationAccess {
  conversation: Conversation;
  as: ChatSenderRole;
}
