import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import { chatClosed, chatNotFound } from '../../domain/chat/chat-errors';
import type { ChatMessage, ChatSenderRole } from '../../domain/chat/chat-message';
import {
  applyReplyClock,
  replyClockAfterMessage,
  sideOf,
  type Conversation,
  type ReplyClockChange,
} from '../../domain/chat/conversation';
import type {
  AppendedMessage,
  AppendMessageInput,
  ChatParticipant,
  ChatStore,
  ConversationListFilter,
  ConversationListItem,
} from '../../domain/chat/ports';
import type { IdGenerator } from '../../platform/ids';
import { ChatMessageEntity, ChatParticipantEntity, ConversationEntity } from './chat.entities';
import {
  toChatMessage,
  toChatMessageRow,
  toConversation,
  toConversationRow,
  toParticipant,
} from './chat.mapper';

/** Why a message's text is gone: its author or the consumer of its conversation withdrew (docs/identity.md). */
const ERASED_ON_WITHDRAWAL = 'erased on withdrawal';

/** The chat tables behind the domain's ChatStore port; runs unchanged on MariaDB and SQLite. */
export class TypeOrmChatStore implements ChatStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly newId: IdGenerator,
  ) {}

  async insertConversation(conversation: Conversation, participants: ChatParticipant[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ConversationEntity, toConversationRow(conversation));
      for (const participant of participants)
        await manager.insert(ChatParticipantEntity, { id: this.newId(), ...participant });
    });
  }

  async findConversation(id: string): Promise<Conversation | null> {
    const row = await this.dataSource.getRepository(ConversationEntity).findOneBy({ id });
    return row ? toConversation(row) : null;
  }

  async findOpenConversation(input: {
    consumerId: string;
    sellerId: string;
    productId: string | null;
    orderId: string | null;
  }) {
    const query = this.dataSource
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.consumerId = :consumerId AND c.sellerId = :sellerId AND c.status = :open', {
        ...input,
        open: 'OPEN',
      });
    query.andWhere(input.productId === null ? 'c.productId IS NULL' : 'c.productId = :productId', {
      productId: input.productId,
    });
    query.andWhere(input.orderId === null ? 'c.orderId IS NULL' : 'c.orderId = :orderId', {
      orderId: input.orderId,
    });
    const row = await query.orderBy('c.createdAt', 'DESC').getOne();
    return row ? toConversation(row) : null;
  }

  async appendMessage(input: AppendMessageInput): Promise<AppendedMessage> {
    return this.dataSource.transaction(async (manager) => {
      // Taking the next seq first locks the conversation row (MariaDB) or the database (SQLite),
      // so messages of one conversation are numbered and clocked one at a time.
      const bumped = await manager
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({ lastSeq: () => 'last_seq + 1' })
        .where('id = :id AND status = :open', { id: input.conversationId, open: 'OPEN' })
        .execute();
      if (!bumped.affected) {
        const existing = await manager.findOneBy(ConversationEntity, { id: input.conversationId });
        throw existing ? chatClosed(input.conversationId) : chatNotFound(input.conversationId);
      }
      const before = toConversation(
        await manager.findOneByOrFail(ConversationEntity, { id: input.conversationId }),
      );
      const seq = before.lastSeq;
      let clock: ReplyClockChange = replyClockAfterMessage(before, input.senderRole, input.kind, input.now);
      let after = applyReplyClock(before, clock);
      if (input.closes) {
        clock = before.awaitingReplySince
          ? { kind: 'ANSWERED', round: before.awaitingRound }
          : { kind: 'NONE' };
        after = {
          ...before,
          awaitingReplySince: null,
          status: 'CLOSED',
          closedAt: input.now,
          closedBy: input.senderId,
        };
      }
      after = { ...after, lastMessageAt: input.now, lastActivityAt: input.now };
      await manager.update(
        ConversationEntity,
        { id: input.conversationId },
        {
          lastMessageAt: after.lastMessageAt,
          lastActivityAt: after.lastActivityAt,
          awaitingReplySince: after.awaitingReplySince,
          awaitingRound: after.awaitingRound,
          status: after.status,
          closedAt: after.closedAt,
          closedBy: after.closedBy,
        },
      );
      const message: ChatMessage = {
        id: input.messageId,
        conversationId: input.conversationId,
        seq,
        senderId: input.senderId,
        senderRole: input.senderRole,
        kind: input.kind,
        text: input.text,
        createdAt: input.now,
        hidden: null,
      };
      await manager.insert(ChatMessageEntity, toChatMessageRow(message));
      await this.advanceMarker(manager, {
        conversationId: input.conversationId,
        userId: input.senderId,
        role: input.senderRole,
        upToSeq: seq,
        messageId: message.id,
        at: input.now,
      });
      return { conversation: after, message, clock };
    });
  }

  async listMessages(
    conversationId: string,
    page: { beforeSeq?: number; afterSeq?: number; limit: number },
  ): Promise<ChatMessage[]> {
    const query = this.dataSource
      .getRepository(ChatMessageEntity)
      .createQueryBuilder('m')
      .where('m.conversationId = :conversationId', { conversationId });
    if (page.afterSeq !== undefined) {
      query.andWhere('m.seq > :afterSeq', { afterSeq: page.afterSeq }).orderBy('m.seq', 'ASC');
    } else {
      if (page.beforeSeq !== undefined) query.andWhere('m.seq < :beforeSeq', { beforeSeq: page.beforeSeq });
      query.orderBy('m.seq', 'DESC');
    }
    const rows = await query.take(page.limit).getMany();
    return rows.map(toChatMessage);
  }

  async findMessage(conversationId: string, messageId: string): Promise<ChatMessage | null> {
    const row = await this.dataSource
      .getRepository(ChatMessageEntity)
      .findOneBy({ id: messageId, conversationId });
    return row ? toChatMessage(row) : null;
  }

  async hideMessage(
    conversationId: string,
    messageId: string,
    hidden: { at: Date; by: string; reason: string },
  ): Promise<ChatMessage | null> {
    const messages = this.dataSource.getRepository(ChatMessageEntity);
    const row = await messages.findOneBy({ id: messageId, conversationId });
    if (!row) return null;
    // A second hide keeps the first record of who hid it and why.
    if (!row.hiddenAt) {
      await messages.update(
        { id: messageId, conversationId },
        { hiddenAt: hidden.at, hiddenBy: hidden.by, hiddenReason: hidden.reason },
      );
      return toChatMessage({ ...row, hiddenAt: hidden.at, hiddenBy: hidden.by, hiddenReason: hidden.reason });
    }
    return toChatMessage(row);
  }

  async listConversations(filter: ConversationListFilter): Promise<ConversationListItem[]> {
    if (filter.sellerIds !== null && filter.sellerIds.length === 0) return [];
    const query = this.dataSource.getRepository(ConversationEntity).createQueryBuilder('c').where('1 = 1');
    if (filter.consumerId) query.andWhere('c.consumerId = :consumerId', { consumerId: filter.consumerId });
    if (filter.sellerIds) query.andWhere('c.sellerId IN (:...sellerIds)', { sellerIds: filter.sellerIds });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.awaitingOnly) {
      query.andWhere('c.awaitingReplySince IS NOT NULL AND c.status = :open', { open: 'OPEN' });
      if (filter.cursor) {
        const { at, id } = filter.cursor;
        query.andWhere(
          new Brackets((b) =>
            b
              .where('c.awaitingReplySince > :at', { at })
              .orWhere('c.awaitingReplySince = :at AND c.id > :id', { at, id }),
          ),
        );
      }
      query.orderBy('c.awaitingReplySince', 'ASC').addOrderBy('c.id', 'ASC');
    } else {
      if (filter.cursor) {
        const { at, id } = filter.cursor;
        query.andWhere(
          new Brackets((b) =>
            b
              .where('c.lastActivityAt < :at', { at })
              .orWhere('c.lastActivityAt = :at AND c.id < :id', { at, id }),
          ),
        );
      }
      query.orderBy('c.lastActivityAt', 'DESC').addOrderBy('c.id', 'DESC');
    }
    const conversations = (await query.take(filter.limit).getMany()).map(toConversation);
    if (conversations.length === 0) return [];
    const ids = conversations.map((c) => c.id);
    const [unread, lastMessages] = await Promise.all([
      this.unreadCounts(ids, filter.viewerId),
      this.lastMessagesOf(ids),
    ]);
    return conversations.map((conversation) => ({
      conversation,
      unreadCount: unread.get(conversation.id) ?? 0,
      lastMessage: lastMessages.get(conversation.id) ?? null,
    }));
  }

  async participants(conversationId: string): Promise<ChatParticipant[]> {
    const rows = await this.dataSource
      .getRepository(ChatParticipantEntity)
      .find({ where: { conversationId }, order: { joinedAt: 'ASC' } });
    return rows.map(toParticipant);
  }

  async ensureParticipant(
    participant: Omit<ChatParticipant, 'lastReadSeq' | 'lastReadMessageId' | 'lastReadAt'>,
  ): Promise<boolean> {
    const rows = this.dataSource.getRepository(ChatParticipantEntity);
    if (await rows.existsBy({ conversationId: participant.conversationId, userId: participant.userId }))
      return false;
    await rows
      .createQueryBuilder()
      .insert()
      .values({ id: this.newId(), ...participant, lastReadSeq: 0, lastReadMessageId: null, lastReadAt: null })
      .orIgnore()
      .execute();
    return true;
  }

  async markRead(input: {
    conversationId: string;
    userId: string;
    role: ChatSenderRole;
    upToSeq: number;
    messageId: string;
    at: Date;
  }): Promise<ChatParticipant> {
    return this.dataSource.transaction(async (manager) => {
      await this.advanceMarker(manager, input);
      return toParticipant(
        await manager.findOneByOrFail(ChatParticipantEntity, {
          conversationId: input.conversationId,
          userId: input.userId,
        }),
      );
    });
  }

  async unreadCount(conversationId: string, userId: string): Promise<number> {
    return (await this.unreadCounts([conversationId], userId)).get(conversationId) ?? 0;
  }

  async isAwaitingReply(conversationId: string, round: number): Promise<boolean> {
    const row = await this.dataSource.getRepository(ConversationEntity).findOneBy({ id: conversationId });
    return (
      !!row && row.status === 'OPEN' && row.awaitingReplySince !== null && Number(row.awaitingRound) === round
    );
  }

  /** Creates the account's marker when missing, then moves it forward (never back). */
  private async advanceMarker(
    manager: EntityManager,
    input: {
      conversationId: string;
      userId: string;
      role: ChatSenderRole;
      upToSeq: number;
      messageId: string;
      at: Date;
    },
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ChatParticipantEntity)
      .values({
        id: this.newId(),
        conversationId: input.conversationId,
        userId: input.userId,
        role: input.role,
        side: sideOf(input.role),
        joinedAt: input.at,
        lastReadSeq: 0,
        lastReadMessageId: null,
        lastReadAt: null,
      })
      .orIgnore()
      .execute();
    await manager
      .createQueryBuilder()
      .update(ChatParticipantEntity)
      .set({ lastReadSeq: input.upToSeq, lastReadMessageId: input.messageId, lastReadAt: input.at })
      .where('conversation_id = :conversationId AND user_id = :userId AND last_read_seq < :upToSeq', input)
      .execute();
  }

  private async unreadCounts(conversationIds: string[], viewerId: string): Promise<Map<string, number>> {
    const placeholders = conversationIds.map(() => '?').join(', ');
    const rows = (await this.dataSource.query(
      `SELECT m.conversation_id AS cid, COUNT(*) AS n
         FROM chat_messages m
         LEFT JOIN chat_participants p ON p.conversation_id = m.conversation_id AND p.user_id = ?
        WHERE m.conversation_id IN (${placeholders}) AND m.sender_id <> ? AND m.seq > COALESCE(p.last_read_seq, 0)
        GROUP BY m.conversation_id`,
      [viewerId, ...conversationIds, viewerId],
    )) as Array<{ cid: string; n: number | string }>;
    return new Map(rows.map((row) => [row.cid, Number(row.n)]));
  }

  private async lastMessagesOf(conversationIds: string[]): Promise<Map<string, ChatMessage>> {
    const rows = await this.dataSource
      .getRepository(ChatMessageEntity)
      .createQueryBuilder('m')
      .innerJoin(ConversationEntity.options.name, 'c', 'c.id = m.conversationId AND m.seq = c.lastSeq')
      .where('m.conversationId IN (:...ids)', { ids: conversationIds })
      .getMany();
    return new Map(rows.map((row) => [row.conversationId, toChatMessage(row)]));
  }

  async eraseMessagesOf(userId: string, at: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const messages = manager
        .createQueryBuilder()
        .update(ChatMessageEntity)
        .where(
          new Brackets((where) =>
            where
              .where('sender_id = :userId', { userId })
              .orWhere('conversation_id IN (SELECT id FROM chat_conversations WHERE consumer_id = :userId)', {
                userId,
              }),
          ),
        );
      const erased = await messages.clone().set({ text: '' }).execute();
      await messages
        .clone()
        .set({ hiddenAt: at, hiddenReason: ERASED_ON_WITHDRAWAL })
        .andWhere('hidden_at IS NULL')
        .execute();
      return erased.affected ?? 0;
    });
  }
}
