import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HIDDEN_MESSAGE_PLACEHOLDER } from '../../domain/chat/chat-message';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { createTestApp, type TestApp } from '../support/test-app';

interface MessageView {
  id: string;
  seq: number;
  text: string;
  hidden: boolean;
  kind: string;
  event?: string;
  sender: { id: string; role: string };
  moderation?: { hiddenBy: string; reason: string };
}
interface ConversationView {
  id: string;
  status: string;
  sellerId: string;
  consumerId: string;
  productId: string | null;
  orderId: string | null;
  unreadCount: number;
  waitingForReplySince: string | null;
  lastMessage?: MessageView | null;
  participants?: Array<{
    userId: string;
    role: string;
    lastReadSeq: number;
    lastReadMessageId: string | null;
  }>;
}

describe('chat over REST', () => {
  // Sign-ins are throttled per client address (30 a minute): each part gets an app of its own.
  let app: TestApp;
  let admin: TestAccount;
  const withOwnApp = () => {
    before(async () => {
      app = await createTestApp();
      admin = await createAdmin(app);
    });
    after(async () => {
      await app?.close();
    });
  };

  const call = async <T = Record<string, unknown>>(
    account: TestAccount | null,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; contentType: string | null }> => {
    const response = await app.request(`/api/v1${path}`, {
      ...init,
      headers: { ...(account?.auth ?? {}), ...init.headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as T,
      contentType: response.headers.get('content-type'),
    };
  };

  async function openChat(
    consumer: TestAccount,
    seller: TestAccount,
    text?: string,
    extra: Record<string, unknown> = {},
  ): Promise<ConversationView> {
    const opened = await call<ConversationView>(consumer, '/chats', {
      body: { sellerId: seller.id, ...(text ? { text } : {}), ...extra },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    return opened.body;
  }

  const send = (account: TestAccount, chatId: string, text: string) =>
    call<MessageView>(account, `/chats/${chatId}/messages`, { body: { text } });

  describe('conversations, roles and moderation', () => {
    withOwnApp();

    test('a consumer opens a conversation, both sides talk, unread counts and read receipts follow', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller, '안녕하세요, 배송 문의드립니다.');
      assert.equal(chat.status, 'OPEN');
      assert.equal(chat.lastMessage?.text, '안녕하세요, 배송 문의드립니다.');
      assert.ok(chat.waitingForReplySince, 'the consumer now waits for the seller');

      const again = await call<ConversationView>(consumer, '/chats', { body: { sellerId: seller.id } });
      assert.equal(again.status, 200, 'the open conversation is found again, not duplicated');
      assert.equal(again.body.id, chat.id);

      const sellerList = await call<{ items: ConversationView[] }>(seller, '/chats');
      const seen = sellerList.body.items.find((item) => item.id === chat.id);
      assert.equal(seen?.unreadCount, 1);
      assert.equal(seen?.lastMessage?.sender.role, 'CONSUMER');

      assert.equal((await send(seller, chat.id, '내일 출고 예정입니다.')).status, 201);
      assert.equal((await send(seller, chat.id, '감사합니다.')).status, 201);
      const consumerView = await call<ConversationView>(consumer, `/chats/${chat.id}`);
      assert.equal(consumerView.body.unreadCount, 2);
      assert.equal(consumerView.body.waitingForReplySince, null, 'the seller answered');
      const sellerView = await call<ConversationView>(seller, `/chats/${chat.id}`);
      assert.equal(sellerView.body.unreadCount, 0, 'replying marks what came before as read');

      const history = await call<{ items: MessageView[] }>(consumer, `/chats/${chat.id}/messages`);
      assert.deepEqual(
        history.body.items.map((m) => m.seq),
        [3, 2, 1],
        'newest first',
      );
      assert.deepEqual(
        history.body.items.map((m) => m.sender.role),
        ['SELLER', 'SELLER', 'CONSUMER'],
      );

      const read = await call<{ lastReadSeq: number; unreadCount: number }>(
        consumer,
        `/chats/${chat.id}/read`,
        { body: { messageId: history.body.items[1]!.id } },
      );
      assert.deepEqual([read.status, read.body.lastReadSeq, read.body.unreadCount], [200, 2, 1]);
      const back = await call<{ lastReadSeq: number }>(consumer, `/chats/${chat.id}/read`, {
        body: { messageId: history.body.items[2]!.id },
      });
      assert.equal(back.body.lastReadSeq, 2, 'a read marker never moves back');
      const all = await call<{ lastReadSeq: number; unreadCount: number }>(
        consumer,
        `/chats/${chat.id}/read`,
        { body: {} },
      );
      assert.deepEqual([all.body.lastReadSeq, all.body.unreadCount], [3, 0]);

      const receipts = (await call<ConversationView>(seller, `/chats/${chat.id}`)).body.participants!;
      const consumerReceipt = receipts.find((p) => p.userId === consumer.id)!;
      assert.deepEqual(
        [consumerReceipt.role, consumerReceipt.lastReadSeq, consumerReceipt.lastReadMessageId],
        ['CONSUMER', 3, history.body.items[0]!.id],
      );
    });

    test('every role boundary: only participants read and write; managers need CHAT from that seller; admins oversee', async () => {
      const [consumer, otherConsumer, seller, otherSeller] = await Promise.all([
        signUpConsumer(app),
        signUpConsumer(app),
        signUpSeller(app),
        signUpSeller(app),
      ]);
      const [chatManager, ordersManager, strangerManager] = await Promise.all([
        createManager(app, admin),
        createManager(app, admin),
        createManager(app, admin),
      ]);
      await assignManager(app, seller, chatManager, ['CHAT']);
      await assignManager(app, seller, ordersManager, ['ORDERS', 'PRODUCTS']);
      await assignManager(app, otherSeller, strangerManager, ['CHAT']);
      const chat = await openChat(consumer, seller, '문의합니다');

      for (const outsider of [otherConsumer, otherSeller, strangerManager]) {
        assert.equal((await call(outsider, `/chats/${chat.id}`)).status, 404);
        assert.equal((await call(outsider, `/chats/${chat.id}/messages`)).status, 404);
        assert.equal((await send(outsider, chat.id, '끼어들기')).status, 404);
        assert.equal((await call(outsider, `/chats/${chat.id}/read`, { body: {} })).status, 404);
        const list = await call<{ items: ConversationView[] }>(outsider, '/chats');
        assert.ok(!list.body.items.some((item) => item.id === chat.id));
      }
      const noChat = await call<{ code: string; reason: string }>(
        ordersManager,
        `/chats/${chat.id}/messages`,
      );
      assert.deepEqual(
        [noChat.status, noChat.body.code, noChat.body.reason],
        [403, 'FORBIDDEN', 'MISSING_PERMISSION'],
      );
      assert.equal((await send(ordersManager, chat.id, '답변')).status, 403);
      assert.ok(
        !(await call<{ items: ConversationView[] }>(ordersManager, '/chats')).body.items.some(
          (item) => item.id === chat.id,
        ),
      );

      const managerReply = await send(chatManager, chat.id, '매니저가 답변드립니다.');
      assert.equal(managerReply.status, 201);
      assert.equal(managerReply.body.sender.role, 'MANAGER');
      assert.ok(
        (await call<{ items: ConversationView[] }>(chatManager, '/chats')).body.items.some(
          (item) => item.id === chat.id,
        ),
      );
      assert.equal(
        (await call<ConversationView>(consumer, `/chats/${chat.id}`)).body.waitingForReplySince,
        null,
        'a manager answers for the seller',
      );

      // Only consumers open conversations; only admins moderate.
      assert.equal((await call(seller, '/chats', { body: { sellerId: seller.id } })).status, 403);
      assert.equal((await call(chatManager, '/chats', { body: { sellerId: seller.id } })).status, 403);
      for (const account of [consumer, seller, chatManager]) {
        assert.equal((await call(account, `/chats/${chat.id}/join`, { method: 'POST' })).status, 403);
        assert.equal((await call(account, `/chats/${chat.id}/close`, { method: 'POST' })).status, 403);
        assert.equal(
          (
            await call(account, `/chats/${chat.id}/messages/${managerReply.body.id}/hide`, {
              body: { reason: '테스트' },
            })
          ).status,
          403,
        );
      }
      assert.equal((await call(null, '/chats')).status, 401);
      assert.equal((await call(null, `/chats/${chat.id}/messages`)).status, 401);

      // Admins see every conversation and join visibly when they write.
      const adminList = await call<{ items: ConversationView[] }>(admin, `/chats?sellerId=${seller.id}`);
      assert.ok(adminList.body.items.some((item) => item.id === chat.id));
      assert.equal((await call(admin, `/chats/${chat.id}/messages`)).status, 200);
      assert.equal((await send(admin, chat.id, '운영팀입니다. 확인하겠습니다.')).status, 201);
      const history = (await call<{ items: MessageView[] }>(consumer, `/chats/${chat.id}/messages`)).body
        .items;
      assert.deepEqual(
        history.slice(0, 2).map((m) => [m.kind, m.sender.role, m.event ?? m.text]),
        [
          ['TEXT', 'ADMIN', '운영팀입니다. 확인하겠습니다.'],
          ['SYSTEM', 'ADMIN', 'ADMIN_JOINED'],
        ],
      );
      const joinedAgain = await call<ConversationView>(admin, `/chats/${chat.id}/join`, { method: 'POST' });
      assert.equal(joinedAgain.status, 200);
      assert.equal(
        joinedAgain.body.participants!.filter((p) => p.role === 'ADMIN').length,
        1,
        'joining twice is one participant, one notice',
      );
    });

    test('messages are plain text stored as sent (never interpreted), at most 2,000 characters', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller);
      const markup = '  <img src=x onerror="alert(1)"> & <script>document.cookie</script> 😀\n';
      const sent = await send(consumer, chat.id, markup);
      assert.equal(sent.status, 201);
      assert.equal(sent.body.text, markup);
      const read = await call<{ items: MessageView[] }>(seller, `/chats/${chat.id}/messages`);
      assert.equal(read.body.items[0]!.text, markup, 'returned byte for byte');
      assert.match(read.contentType ?? '', /^application\/json/, 'served as JSON data, never as HTML');
      const [row] = (await app.dataSource.query('SELECT text FROM chat_messages WHERE id = ?', [
        sent.body.id,
      ])) as Array<{ text: string }>;
      assert.equal(row!.text, markup);

      assert.equal(
        (await send(consumer, chat.id, '가'.repeat(1999) + '😀')).status,
        201,
        '2,000 characters, an emoji counting as one',
      );
      const tooLong = await call<{ code: string; errors: Array<{ field: string }> }>(
        consumer,
        `/chats/${chat.id}/messages`,
        { body: { text: 'a'.repeat(2001) } },
      );
      assert.deepEqual(
        [tooLong.status, tooLong.body.code, tooLong.body.errors[0]!.field],
        [400, 'VALIDATION_FAILED', 'body.text'],
      );
      assert.equal((await send(consumer, chat.id, '   ')).status, 400);
      assert.equal((await call(consumer, `/chats/${chat.id}/messages`, { body: {} })).status, 400);
    });

    test('an admin hides a message: kept with who and why, participants see a placeholder, admins the text', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller, '연락처 010-0000-0000 으로 직거래해요');
      const [message] = (await call<{ items: MessageView[] }>(consumer, `/chats/${chat.id}/messages`)).body
        .items;
      const hidden = await call<MessageView>(admin, `/chats/${chat.id}/messages/${message!.id}/hide`, {
        body: { reason: '직거래 유도' },
      });
      assert.equal(hidden.status, 200);
      assert.deepEqual(
        hidden.body.moderation && [hidden.body.moderation.hiddenBy, hidden.body.moderation.reason],
        [admin.id, '직거래 유도'],
      );

      for (const participant of [consumer, seller]) {
        const [seen] = (await call<{ items: MessageView[] }>(participant, `/chats/${chat.id}/messages`)).body
          .items;
        assert.deepEqual(
          [seen!.hidden, seen!.text, seen!.moderation],
          [true, HIDDEN_MESSAGE_PLACEHOLDER, undefined],
        );
      }
      const [adminSeen] = (await call<{ items: MessageView[] }>(admin, `/chats/${chat.id}/messages`)).body
        .items;
      assert.deepEqual(
        [adminSeen!.hidden, adminSeen!.text, adminSeen!.moderation?.reason],
        [true, '연락처 010-0000-0000 으로 직거래해요', '직거래 유도'],
      );
      const [row] = (await app.dataSource.query(
        'SELECT text, hidden_by, hidden_reason FROM chat_messages WHERE id = ?',
        [message!.id],
      )) as Array<Record<string, string>>;
      assert.deepEqual(row, {
        text: '연락처 010-0000-0000 으로 직거래해요',
        hidden_by: admin.id,
        hidden_reason: '직거래 유도',
      });

      assert.equal(
        (await call(admin, `/chats/${chat.id}/messages/${message!.id}/hide`, { body: { reason: '' } }))
          .status,
        400,
      );
      assert.equal(
        (
          await call(admin, `/chats/${chat.id}/messages/00000000-0000-7000-8000-000000000000/hide`, {
            body: { reason: 'x' },
          })
        ).status,
        404,
      );
    });

    test('an admin closes a conversation: nobody writes any more; the consumer can open a new one', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller, '환불해 주세요');
      const closed = await call<ConversationView>(admin, `/chats/${chat.id}/close`, { method: 'POST' });
      assert.deepEqual(
        [closed.status, closed.body.status, closed.body.waitingForReplySince],
        [200, 'CLOSED', null],
      );
      for (const account of [consumer, seller, admin]) {
        const refused = await call<{ code: string }>(account, `/chats/${chat.id}/messages`, {
          body: { text: '계속' },
        });
        assert.deepEqual([refused.status, refused.body.code], [409, 'CHAT_CLOSED']);
      }
      const [notice] = (await call<{ items: MessageView[] }>(consumer, `/chats/${chat.id}/messages`)).body
        .items;
      assert.deepEqual([notice!.kind, notice!.event], ['SYSTEM', 'CLOSED']);
      const closedList = await call<{ items: ConversationView[] }>(consumer, '/chats?status=CLOSED');
      assert.deepEqual(
        closedList.body.items.map((item) => item.id),
        [chat.id],
      );
      const fresh = await openChat(consumer, seller, '다시 문의합니다');
      assert.notEqual(fresh.id, chat.id);
    });
  });

  describe('queues, paging, references and limits', () => {
    withOwnApp();

    test('the seller’s queue lists conversations waiting for an answer, longest wait first', async () => {
      const [first, second, seller] = await Promise.all([
        signUpConsumer(app),
        signUpConsumer(app),
        signUpSeller(app),
      ]);
      const manager = await createManager(app, admin);
      await assignManager(app, seller, manager, ['CHAT']);
      const older = await openChat(first, seller, '먼저 문의');
      const newer = await openChat(second, seller, '나중 문의');
      await openChat(first, await signUpSeller(app), '다른 판매자');

      const queue = await call<{ items: ConversationView[] }>(seller, '/seller/chats/waiting');
      assert.deepEqual(
        queue.body.items.map((item) => item.id),
        [older.id, newer.id],
      );
      assert.deepEqual(
        (await call<{ items: ConversationView[] }>(manager, '/seller/chats/waiting')).body.items.map(
          (item) => item.id,
        ),
        [older.id, newer.id],
      );
      assert.equal((await call(admin, '/seller/chats/waiting')).status, 400, 'an admin names the seller');
      assert.equal(
        (await call(admin, '/seller/chats/waiting', { headers: { 'x-seller-id': seller.id } })).status,
        200,
      );
      assert.equal((await call(first, '/seller/chats/waiting')).status, 403);

      const firstPage = await call<{ items: ConversationView[]; nextCursor: string }>(
        seller,
        '/seller/chats/waiting?limit=1',
      );
      const secondPage = await call<{ items: ConversationView[] }>(
        seller,
        `/seller/chats/waiting?limit=1&cursor=${firstPage.body.nextCursor}`,
      );
      assert.deepEqual([firstPage.body.items[0]!.id, secondPage.body.items[0]!.id], [older.id, newer.id]);

      await send(manager, older.id, '답변드립니다');
      assert.deepEqual(
        (await call<{ items: ConversationView[] }>(seller, '/seller/chats/waiting')).body.items.map(
          (item) => item.id,
        ),
        [newer.id],
      );
    });

    test('history pages back newest first without gaps or repeats; conversation lists page too', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller);
      for (let i = 1; i <= 26; i += 1)
        assert.equal((await send(i % 2 ? consumer : seller, chat.id, `메시지 ${i}`)).status, 201);
      const seqs: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: MessageView[]; nextCursor: string | null } } = await call(
          consumer,
          `/chats/${chat.id}/messages?limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seqs.push(...page.body.items.map((m) => m.seq));
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seqs,
        Array.from({ length: 26 }, (_, i) => 26 - i),
      );
      assert.equal((await call(consumer, `/chats/${chat.id}/messages?limit=101`)).status, 400);
      assert.equal((await call(consumer, `/chats/${chat.id}/messages?cursor=abc`)).status, 400);

      const sellers = await Promise.all([signUpSeller(app), signUpSeller(app), signUpSeller(app)]);
      const opened = [];
      for (const other of sellers) opened.push((await openChat(consumer, other, '문의')).id);
      const page1 = await call<{ items: ConversationView[]; nextCursor: string }>(consumer, '/chats?limit=2');
      const page2 = await call<{ items: ConversationView[]; nextCursor: string | null }>(
        consumer,
        `/chats?limit=2&cursor=${page1.body.nextCursor}`,
      );
      assert.deepEqual(
        [...page1.body.items, ...page2.body.items].map((item) => item.id),
        [...opened.reverse(), chat.id],
      );
      assert.equal((await call(consumer, '/chats?cursor=not-a-cursor')).status, 400);
    });

    test('opening checks the seller and the product; an order id is kept as given', async () => {
      const [consumer, seller, otherSeller] = await Promise.all([
        signUpConsumer(app),
        signUpSeller(app),
        signUpSeller(app),
      ]);
      const notSeller = await call<{ code: string }>(consumer, '/chats', { body: { sellerId: consumer.id } });
      assert.deepEqual([notSeller.status, notSeller.body.code], [404, 'SELLER_NOT_FOUND']);
      const unknownProduct = await call<{ code: string }>(consumer, '/chats', {
        body: { sellerId: seller.id, productId: '00000000-0000-7000-8000-000000000000' },
      });
      assert.deepEqual([unknownProduct.status, unknownProduct.body.code], [404, 'PRODUCT_NOT_FOUND']);

      const product = await call<{ id: string }>(seller, '/seller/products', {
        body: { name: '무선 키보드', price: 39000, variants: [{ options: {}, stock: 3 }] },
      });
      assert.equal(product.status, 201, JSON.stringify(product.body));
      const wrongSeller = await call<{ code: string }>(consumer, '/chats', {
        body: { sellerId: otherSeller.id, productId: product.body.id },
      });
      assert.deepEqual([wrongSeller.status, wrongSeller.body.code], [422, 'CHAT_PRODUCT_OF_OTHER_SELLER']);
      const about = await openChat(consumer, seller, '재입고 언제 되나요?', { productId: product.body.id });
      assert.equal(about.productId, product.body.id);
      const general = await openChat(consumer, seller, '일반 문의');
      assert.notEqual(general.id, about.id, 'a conversation about a product is its own thread');
      const order = await openChat(consumer, seller, '주문 문의', { orderId: 'order-123' });
      assert.equal(order.orderId, 'order-123');
    });

    test('sending is rate limited per user (30 a minute)', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller);
      for (let i = 1; i <= 30; i += 1) assert.equal((await send(consumer, chat.id, `${i}`)).status, 201);
      const limited = await call<{ code: string; retryAfterSeconds: number }>(
        consumer,
        `/chats/${chat.id}/messages`,
        { body: { text: 'one more' } },
      );
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'RATE_LIMITED');
      assert.ok(limited.body.retryAfterSeconds >= 1 && limited.body.retryAfterSeconds <= 60);
      assert.equal((await send(seller, chat.id, '판매자는 따로 셉니다')).status, 201);
    });

    test('the live path answers 401 without a token and 426 to a plain HTTP request', async () => {
      const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
      const chat = await openChat(consumer, seller);
      assert.equal((await call(null, `/chats/${chat.id}/live`)).status, 401);
      const plain = await call<{ code: string }>(consumer, `/chats/${chat.id}/live`);
      assert.deepEqual([plain.status, plain.body.code], [426, 'UPGRADE_REQUIRED']);
      assert.equal((await call(await signUpConsumer(app), `/chats/${chat.id}/live`)).status, 404);
    });
  });
});
