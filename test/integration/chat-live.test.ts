import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { composeApp } from '../../api/compose-app';
import type { IdentitySettings } from '../../config/identity-secrets';
import { testIdentitySettings } from '../support/test-identity';
import { RedisKeyValueStore } from '../../platform/cache/redis-key-value-store';
import { listen } from '../../platform/http-server';
import { uuidv7 } from '../../platform/ids';
import type { Infrastructure } from '../../platform/infrastructure';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import { MemoryPubSub } from '../../platform/pubsub/memory-pub-sub';
import type { PubSub } from '../../platform/pubsub/pub-sub';
import { RedisPubSub } from '../../platform/pubsub/redis-pub-sub';
import type { TemporalClientHandle } from '../../platform/temporal/temporal-client';
import { openTestDataSource } from '../support/database';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { TEST_REDIS_URL } from '../support/services';
import { createTestApp, type TestApp } from '../support/test-app';

/** An API process of its own: its own database pool, Redis connections and HTTP server on a random port. */
interface ApiInstance {
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

const noTemporal = {
  get client(): never {
    throw new Error('no Temporal in this suite');
  },
  check: async () => undefined,
  close: async () => undefined,
} as unknown as TemporalClientHandle;

async function startInstance(
  identity: IdentitySettings,
  kvPrefix: string,
  pubSub: PubSub,
): Promise<ApiInstance> {
  const dataSource = await openTestDataSource();
  const kv = RedisKeyValueStore.connect(TEST_REDIS_URL, kvPrefix);
  const infrastructure: Infrastructure = {
    dataSource,
    kv,
    temporal: noTemporal,
    readinessChecks: [],
    close: async () => undefined,
  };
  const app = composeApp({
    infrastructure,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    metrics: createMetrics({ collectProcessMetrics: false }),
    publicBaseUrl: 'http://localhost:3000',
    identity,
    pubSub,
  });
  const server = await listen(app.fetch, 0, '127.0.0.1');
  const dropLive = app.attachLiveSockets(server.server);
  return {
    port: server.port,
    baseUrl: `http://127.0.0.1:${server.port}`,
    async close() {
      dropLive();
      await server.close();
      await pubSub.close();
      await kv.deleteByPrefix();
      await kv.close();
      await dataSource.destroy();
    },
  };
}

type LiveEvent = Record<string, unknown> & { type: string };

/** A WebSocket client that keeps every event and lets a test wait for the one it expects. */
class LiveClient {
  readonly events: LiveEvent[] = [];
  private waiters: Array<{ match: (e: LiveEvent) => boolean; resolve: (e: LiveEvent) => void }> = [];
  readonly closed: Promise<number>;

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data) => {
      const event = JSON.parse(String(data)) as LiveEvent;
      this.events.push(event);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(event)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    });
  }

  static url(instance: ApiInstance, chatId: string, query = '') {
    return `ws://127.0.0.1:${instance.port}/api/v1/chats/${chatId}/live${query}`;
  }

  /** Connects and waits for `ready`; rejects with the HTTP status when the upgrade is refused. */
  static connect(
    instance: ApiInstance,
    chatId: string,
    auth: { header?: string; query?: string },
  ): Promise<LiveClient> {
    const ws = new WebSocket(LiveClient.url(instance, chatId, auth.query ?? ''), {
      headers: auth.header ? { authorization: auth.header } : {},
    });
    const client = new LiveClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_request, response) =>
        reject(new Error(`refused ${response.statusCode}`)),
      );
      ws.once('error', reject);
      ws.once('open', () => client.next((e) => e.type === 'ready').then(() => resolve(client), reject));
    });
  }

  static async refusal(
    instance: ApiInstance,
    chatId: string,
    auth: { header?: string; query?: string },
  ): Promise<number> {
    try {
      const client = await LiveClient.connect(instance, chatId, auth);
      client.close();
      return 101;
    } catch (error) {
      return Number(/refused (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    }
  }

  next(match: (event: LiveEvent) => boolean, timeoutMs = 5000): Promise<LiveEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no matching live event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`),
          ),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (event) => (clearTimeout(timer), resolve(event)) });
    });
  }

  messageWith(text: string) {
    return this.next((e) => e.type === 'message' && (e.message as { text: string }).text === text);
  }

  send(payload: unknown) {
    this.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  close() {
    this.ws.close();
  }
}

const messageOf = (event: LiveEvent) =>
  event.message as {
    id: string;
    seq: number;
    text: string;
    sender: { id: string; role: string };
    hidden: boolean;
  };

describe('live chat over WebSocket, two API processes sharing Redis', () => {
  const identity = testIdentitySettings();
  const prefix = `test:${uuidv7()}:`;
  let accounts: TestApp;
  let a: ApiInstance;
  let b: ApiInstance;
  let admin: TestAccount;
  const clients: LiveClient[] = [];

  before(async () => {
    accounts = await createTestApp({ identity });
    admin = await createAdmin(accounts);
    // Each process has its own Redis connections; the shared prefix is the deployment's.
    a = await startInstance(identity, prefix, RedisPubSub.connect(TEST_REDIS_URL, prefix));
    b = await startInstance(identity, prefix, RedisPubSub.connect(TEST_REDIS_URL, prefix));
  });
  after(async () => {
    for (const client of clients) client.close();
    await a?.close();
    await b?.close();
    await accounts?.close();
  });

  const rest = async <T = Record<string, unknown>>(
    instance: ApiInstance,
    account: TestAccount,
    path: string,
    body?: unknown,
  ) => {
    const response = await fetch(`${instance.baseUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...account.auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  const connect = async (
    instance: ApiInstance,
    chatId: string,
    account: TestAccount,
    via: 'header' | 'query' = 'header',
    extraQuery = '',
  ) => {
    const client = await LiveClient.connect(
      instance,
      chatId,
      via === 'header'
        ? { header: `Bearer ${account.accessToken}`, query: extraQuery ? `?${extraQuery}` : '' }
        : { query: `?access_token=${account.accessToken}${extraQuery ? `&${extraQuery}` : ''}` },
    );
    clients.push(client);
    return client;
  };

  async function openChat(consumer: TestAccount, seller: TestAccount): Promise<string> {
    const opened = await rest<{ id: string }>(a, consumer, '/chats', { sellerId: seller.id });
    assert.equal(opened.status, 201);
    return opened.body.id;
  }

  test('a message sent over REST on one process reaches participants connected to either process; WebSocket sends and read receipts too', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(accounts), signUpSeller(accounts)]);
    const chatId = await openChat(consumer, seller);
    const consumerLive = await connect(b, chatId, consumer, 'header');
    const sellerLive = await connect(a, chatId, seller, 'query'); // the browser way: ?access_token=

    const posted = await rest<{ id: string; seq: number }>(a, consumer, `/chats/${chatId}/messages`, {
      text: '<b>사이즈</b> 문의드려요',
    });
    assert.equal(posted.status, 201);
    const onSeller = messageOf(await sellerLive.messageWith('<b>사이즈</b> 문의드려요'));
    const onConsumer = messageOf(await consumerLive.messageWith('<b>사이즈</b> 문의드려요'));
    assert.deepEqual([onSeller.id, onSeller.seq, onSeller.sender.role], [posted.body.id, 1, 'CONSUMER']);
    assert.equal(
      onConsumer.id,
      posted.body.id,
      'reached the process the consumer is connected to (B), sent through A',
    );

    sellerLive.send({ type: 'message', text: 'M 사이즈 재고 있습니다', clientMessageId: 'c-1' });
    const ack = await sellerLive.next((e) => e.type === 'ack');
    assert.equal(ack.clientMessageId, 'c-1');
    const reply = messageOf(await consumerLive.messageWith('M 사이즈 재고 있습니다'));
    assert.deepEqual([reply.seq, reply.sender.id], [2, seller.id]);
    const history = await rest<{ items: Array<{ text: string }> }>(b, consumer, `/chats/${chatId}/messages`);
    assert.deepEqual(
      history.body.items.map((m) => m.text),
      ['M 사이즈 재고 있습니다', '<b>사이즈</b> 문의드려요'],
      'a WebSocket message is stored like a REST one',
    );

    consumerLive.send({ type: 'read' });
    const receipt = await sellerLive.next((e) => e.type === 'read' && e.userId === consumer.id);
    assert.deepEqual(
      [receipt.role, receipt.lastReadSeq, receipt.lastReadMessageId],
      ['CONSUMER', 2, reply.id],
    );
    assert.equal((await consumerLive.next((e) => e.type === 'read_ack')).unreadCount, 0);

    consumerLive.send({ type: 'message', text: '   ' });
    assert.equal((await consumerLive.next((e) => e.type === 'error')).code, 'CHAT_MESSAGE_INVALID');
    consumerLive.send({ type: 'ping' });
    await consumerLive.next((e) => e.type === 'pong');
  });

  test('messages sent while a participant was away are waiting when it connects', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(accounts), signUpSeller(accounts)]);
    const chatId = await openChat(consumer, seller);
    for (const text of ['첫 번째', '두 번째', '세 번째'])
      assert.equal((await rest(b, consumer, `/chats/${chatId}/messages`, { text })).status, 201);

    const sellerLive = await connect(a, chatId, seller);
    const ready = sellerLive.events.find((e) => e.type === 'ready')!;
    assert.deepEqual([ready.unreadCount, ready.lastSeq, ready.role], [3, 3, 'SELLER']);
    await sellerLive.messageWith('세 번째');
    assert.deepEqual(
      sellerLive.events.filter((e) => e.type === 'message').map((e) => messageOf(e).text),
      ['첫 번째', '두 번째', '세 번째'],
    );

    const resumed = await connect(b, chatId, seller, 'header', 'after=2');
    await resumed.messageWith('세 번째');
    assert.deepEqual(
      resumed.events.filter((e) => e.type === 'message').map((e) => messageOf(e).seq),
      [3],
      'after=<seq> resumes from a point',
    );

    const list = await rest<{ items: Array<{ id: string; unreadCount: number }> }>(a, seller, '/chats');
    assert.equal(
      list.body.items.find((item) => item.id === chatId)?.unreadCount,
      3,
      'connecting is not reading: the count drops on a read receipt',
    );
  });

  test('a live connection needs the same token and the same participation as REST', async () => {
    const [consumer, otherConsumer, seller] = await Promise.all([
      signUpConsumer(accounts),
      signUpConsumer(accounts),
      signUpSeller(accounts),
    ]);
    const ordersManager = await createManager(accounts, admin);
    await assignManager(accounts, seller, ordersManager, ['ORDERS']);
    const chatId = await openChat(consumer, seller);
    assert.equal(await LiveClient.refusal(a, chatId, {}), 401);
    assert.equal(await LiveClient.refusal(a, chatId, { header: 'Bearer not.a.token' }), 401);
    assert.equal(await LiveClient.refusal(a, chatId, { query: '?access_token=not.a.token' }), 401);
    assert.equal(await LiveClient.refusal(a, chatId, { header: `Bearer ${otherConsumer.accessToken}` }), 404);
    assert.equal(
      await LiveClient.refusal(b, chatId, { query: `?access_token=${ordersManager.accessToken}` }),
      403,
    );
    assert.equal(await LiveClient.refusal(b, uuidv7(), { header: `Bearer ${consumer.accessToken}` }), 404);
    assert.equal(await LiveClient.refusal(b, chatId, { header: `Bearer ${consumer.accessToken}` }), 101);

    const live = await connect(a, chatId, consumer);
    live.send('not json');
    assert.equal((await live.next((e) => e.type === 'error')).code, 'MALFORMED_REQUEST');
    live.send('x'.repeat(100 * 1024));
    assert.equal(await live.closed, 1009, 'an oversized frame closes the connection (message too big)');
  });

  test('moderation reaches everyone live: participants learn a message was hidden, only admins why; closing ends the conversation', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(accounts), signUpSeller(accounts)]);
    const chatId = await openChat(consumer, seller);
    const posted = await rest<{ id: string }>(a, consumer, `/chats/${chatId}/messages`, {
      text: '욕설이 담긴 메시지',
    });
    const consumerLive = await connect(b, chatId, consumer);
    const adminLive = await connect(a, chatId, admin);

    assert.equal(
      (await rest(a, admin, `/chats/${chatId}/messages/${posted.body.id}/hide`, { reason: '욕설' })).status,
      200,
    );
    const forConsumer = await consumerLive.next((e) => e.type === 'message_hidden');
    const forAdmin = await adminLive.next((e) => e.type === 'message_hidden');
    assert.deepEqual(
      [forConsumer.messageId, forConsumer.reason, forConsumer.hiddenBy],
      [posted.body.id, undefined, undefined],
    );
    assert.deepEqual(
      [forAdmin.messageId, forAdmin.reason, forAdmin.hiddenBy],
      [posted.body.id, '욕설', admin.id],
    );

    assert.equal((await rest(b, admin, `/chats/${chatId}/close`, {})).status, 200);
    await consumerLive.next((e) => e.type === 'closed');
    const notice = await consumerLive.next(
      (e) =>
        e.type === 'message' &&
        messageOf(e).sender.role === 'ADMIN' &&
        (e.message as { event?: string }).event === 'CLOSED',
    );
    assert.ok(notice);
    consumerLive.send({ type: 'message', text: '닫힌 뒤' });
    assert.equal((await consumerLive.next((e) => e.type === 'error')).code, 'CHAT_CLOSED');
  });
});

describe('live chat in the embedded mode (in-memory fan-out, one process)', () => {
  const identity = testIdentitySettings();
  let accounts: TestApp;
  let instance: ApiInstance;

  before(async () => {
    accounts = await createTestApp({ identity });
    instance = await startInstance(identity, `test:${uuidv7()}:`, new MemoryPubSub());
  });
  after(async () => {
    await instance?.close();
    await accounts?.close();
  });

  test('a message sent over REST reaches the participant connected to the same process', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(accounts), signUpSeller(accounts)]);
    const opened = await fetch(`${instance.baseUrl}/api/v1/chats`, {
      method: 'POST',
      headers: { ...consumer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ sellerId: seller.id }),
    });
    const chatId = ((await opened.json()) as { id: string }).id;
    const sellerLive = await LiveClient.connect(instance, chatId, {
      query: `?access_token=${seller.accessToken}`,
    });
    try {
      const sent = await fetch(`${instance.baseUrl}/api/v1/chats/${chatId}/messages`, {
        method: 'POST',
        headers: { ...consumer.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ text: '임베디드 모드 메시지' }),
      });
      assert.equal(sent.status, 201);
      assert.equal(messageOf(await sellerLive.messageWith('임베디드 모드 메시지')).sender.id, consumer.id);
    } finally {
      sellerLive.close();
    }
  });
});
