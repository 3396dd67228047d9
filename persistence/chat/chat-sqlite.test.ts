import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { ChatRateLimiter } from '../../application/chat/chat-rate-limit';
import { createChatUseCases, type ChatUseCases } from '../../application/chat/chat-use-cases';
import { unverifiedOrderReferences } from '../../contexts/chat.context';
import type { ChatLiveEvent, ChatReplyReminders } from '../../domain/chat/ports';
import type { Principal } from '../../domain/identity/principal';
import { MemoryKeyValueStore } from '../../platform/cache/memory-key-value-store';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { MemoryPubSub } from '../../platform/pubsub/memory-pub-sub';
import { PubSubChatBroadcaster } from '../../platform/pubsub/pub-sub-chat-broadcaster';
import { createDataSource } from '../data-source';
import { TypeOrmChatStore } from './typeorm-chat.store';

/** The embedded mode: the chat migration, store and live fan-out on SQLite and in memory. */
describe('chat on SQLite (embedded mode)', () => {
  let dataSource: DataSource;
  let chat: ChatUseCases;
  let store: TypeOrmChatStore;
  const clock: string[] = [];
  const pubSub = new MemoryPubSub();

  const who = (role: Principal['role'], userId = uuidv7()): Principal => ({
    userId,
    role,
    sessionId: 's',
    grants: [],
  });

  before(async () => {
    dataSource = await createDataSource({ kind: 'sqlite', path: ':memory:' }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    store = new TypeOrmChatStore(dataSource, () => uuidv7());
    const reminders: ChatReplyReminders = {
      awaitingReply: async ({ round }) => void clock.push(`waiting:${round}`),
      waitEnded: async ({ round }) => void clock.push(`ended:${round}`),
    };
    chat = createChatUseCases({
      store,
      broadcaster: new PubSubChatBroadcaster(pubSub),
      reminders,
      sellers: { isActiveSeller: async () => true },
      orders: unverifiedOrderReferences,
      rateLimiter: new ChatRateLimiter(new MemoryKeyValueStore(), 30),
      newId: () => uuidv7(),
      now: () => new Date(),
      logger: createLogger({ level: 'silent' }),
    });
  });
  after(async () => {
    await pubSub.close();
    await dataSource.destroy();
  });

  test('conversation, numbered messages, reply clock, unread counts, read markers, hiding, closing, lists', async () => {
    const consumer = who('CONSUMER');
    const seller = who('SELLER');
    const admin = who('ADMIN');
    const opened = await chat.open(consumer, { sellerId: seller.userId, text: '안녕하세요' });
    const events: ChatLiveEvent[] = [];
    const stop = await new PubSubChatBroadcaster(pubSub).subscribe(opened.conversation.id, (event) =>
      events.push(event),
    );

    await chat.post(consumer, opened.conversation.id, '두 번째');
    await chat.post(seller, opened.conversation.id, '답변');
    await chat.post(consumer, opened.conversation.id, '다시 질문');
    assert.deepEqual(clock, ['waiting:1', 'ended:1', 'waiting:2']);

    const page = await store.listMessages(opened.conversation.id, { limit: 10 });
    assert.deepEqual(
      page.map((m) => m.seq),
      [4, 3, 2, 1],
    );
    assert.equal(
      await store.unreadCount(opened.conversation.id, seller.userId),
      1,
      'the seller read up to its own answer',
    );
    assert.equal(await store.unreadCount(opened.conversation.id, consumer.userId), 0);
    assert.equal(await store.isAwaitingReply(opened.conversation.id, 2), true);
    assert.equal(await store.isAwaitingReply(opened.conversation.id, 1), false);

    const read = await chat.markRead(seller, opened.conversation.id);
    assert.deepEqual([read.marker?.lastReadSeq, read.unreadCount], [4, 0]);
    await chat.hide(admin, opened.conversation.id, page[0]!.id, '광고');
    const hidden = await store.findMessage(opened.conversation.id, page[0]!.id);
    assert.equal(hidden?.hidden?.reason, '광고');
    const closed = await chat.close(admin, opened.conversation.id);
    assert.equal(closed.status, 'CLOSED');
    assert.deepEqual(clock.at(-1), 'ended:2');
    await assert.rejects(chat.post(consumer, opened.conversation.id, '닫힌 뒤'), { code: 'CHAT_CLOSED' });

    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      events.map((e) => e.type),
      ['message', 'message', 'message', 'read', 'message_hidden', 'message', 'message', 'closed'],
    );
    await stop();

    const second = await chat.open(consumer, { sellerId: uuidv7(), text: '다른 판매자' });
    const first = await chat.list(consumer, { limit: 1 });
    assert.equal(first[0]!.conversation.id, second.conversation.id);
    const next = await chat.list(consumer, {
      limit: 1,
      cursor: { at: first[0]!.conversation.lastActivityAt, id: first[0]!.conversation.id },
    });
    assert.equal(next[0]!.conversation.id, opened.conversation.id);
    assert.equal(next[0]!.lastMessage?.kind, 'SYSTEM');
    assert.deepEqual(
      (await chat.waitingQueue(seller.userId, seller.userId, { limit: 10 })).map(
        (item) => item.conversation.id,
      ),
      [],
      'a closed conversation waits for nobody',
    );
  });
});
