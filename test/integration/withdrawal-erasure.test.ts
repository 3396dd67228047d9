import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PiiCipher } from '../../domain/identity/ports';
import { maskEmail, maskPhone } from '../../domain/notification/recipient-masking';
import { TypeOrmNotificationStore } from '../../persistence/notification/typeorm-notification.store';
import { uuidv7 } from '../../platform/ids';
import { testInfra } from '../support/contexts';
import { dumpDatabase } from '../support/database-dump';
import { signUpConsumer, signUpSeller, uniqueEmail, type TestAccount } from '../support/identity';
import { createProduct } from '../support/ordering';
import { createTestApp, type TestApp } from '../support/test-app';

/** Personal data only this test writes: finding any of it after withdrawal can only mean a leak. */
function uniqueBuyer() {
  const tag = uuidv7().slice(-6).replace(/\D/g, '4').padEnd(4, '6').slice(0, 4);
  return {
    email: uniqueEmail('withdraw'),
    name: `성춘향${tag}`,
    phone: `010-${tag}-${tag.split('').reverse().join('')}`,
    phrase: `남원 광한루 뒷골목 ${tag}번지로 보내주세요`,
  };
}

describe('withdrawal erases personal data from notifications, chats and waiting queues', () => {
  let app: TestApp;
  let cipher: PiiCipher;

  before(async () => {
    app = await createTestApp();
    cipher = testInfra(app).cipher;
  });
  after(async () => {
    await app?.close();
  });

  const call = async (account: TestAccount, path: string, body?: unknown, method = body ? 'POST' : 'GET') => {
    const response = await app.request(`/api/v1${path}`, { method, body, headers: account.auth });
    assert.ok(
      response.status < 300,
      `${method} ${path}: ${response.status} ${await response.clone().text()}`,
    );
    return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
  };

  /** What a send of ORDER_PLACED writes: the notification (encrypted variables and contact) and its attempt. */
  async function notificationSentTo(buyer: TestAccount, person: ReturnType<typeof uniqueBuyer>) {
    const store = new TypeOrmNotificationStore(app.dataSource, cipher);
    const at = new Date();
    const id = uuidv7();
    await store.register({
      id,
      dedupeKey: `order-placed:${id}`,
      templateCode: 'ORDER_PLACED',
      recipientUserId: buyer.id,
      contact: { phone: person.phone, email: person.email, name: person.name },
      variables: {
        고객명: person.name,
        주문번호: '20260101-0001',
        상품명: '무선 키보드',
        결제금액: '10,000원',
      },
      orderId: uuidv7(),
      status: 'SENT',
      deliveredVia: 'ALIMTALK',
      createdAt: at,
      updatedAt: at,
    });
    await store.saveAttempt({
      id: uuidv7(),
      notificationId: id,
      channel: 'ALIMTALK',
      provider: 'nhn-alimtalk',
      maskedRecipient: maskPhone(person.phone),
      status: 'DELIVERED',
      tries: 1,
      createdAt: at,
      updatedAt: at,
    });
    return id;
  }

  test('after DELETE /me a dump holds none of the buyer’s e-mail, phone, name or chat phrase, even decrypted', async () => {
    const person = uniqueBuyer();
    const buyer = await signUpConsumer(app, { email: person.email, name: person.name, phone: person.phone });
    const seller = await signUpSeller(app);
    const notificationId = await notificationSentTo(buyer, person);

    const chat = (await call(buyer, '/chats', {
      sellerId: seller.id,
      text: `${person.name}입니다. ${person.phone}로 연락 주세요. ${person.phrase}`,
    }))!;
    await call(seller, `/chats/${chat.id as string}/messages`, {
      text: `${person.name}님, ${person.phone}로 전화드릴게요. ${person.phrase} 확인했습니다.`,
    });
    const soldOut = await createProduct(app, seller, { price: 12_000, stocks: [0] });
    await call(buyer, `/variants/${soldOut.variantIds[0]!}/waitlist`, { quantity: 1 });

    const secrets = [
      person.email,
      person.name,
      person.phone,
      person.phone.replaceAll('-', ''),
      person.phrase,
      maskPhone(person.phone),
      maskEmail(person.email),
    ];
    const before = await dumpDatabase();
    assert.ok(before.includes(person.phrase), 'the chat text is stored (so its absence later means erased)');

    await call(buyer, '/me', undefined, 'DELETE');

    const dump = await dumpDatabase();
    for (const secret of secrets) assert.ok(!dump.includes(secret), `"${secret}" is still in the dump`);

    // Encrypted columns: decrypted with the app's own keys, they hold nothing of the person either.
    const [row] = (await app.dataSource.query(
      'SELECT variables, recipient_contact, attachment FROM notifications WHERE id = ?',
      [notificationId],
    )) as Array<{ variables: string; recipient_contact: string | null; attachment: string | null }>;
    assert.deepEqual(JSON.parse(cipher.decrypt(row!.variables)), {});
    assert.equal(row!.recipient_contact, null);
    const encrypted = (await app.dataSource.query(
      'SELECT variables AS value FROM notifications WHERE recipient_user_id = ? UNION ALL SELECT recipient_contact FROM notifications WHERE recipient_user_id = ? AND recipient_contact IS NOT NULL',
      [buyer.id, buyer.id],
    )) as Array<{ value: string }>;
    for (const { value } of encrypted)
      for (const secret of secrets) assert.ok(!cipher.decrypt(value).includes(secret));

    // What stays: the send log's facts, the conversation (texts emptied), no queue entry.
    const [sent] = (await app.dataSource.query(
      'SELECT template_code, status FROM notifications WHERE id = ?',
      [notificationId],
    )) as Array<{ template_code: string; status: string }>;
    assert.deepEqual({ ...sent }, { template_code: 'ORDER_PLACED', status: 'SENT' });
    const texts = (await app.dataSource.query(
      'SELECT text, hidden_at FROM chat_messages WHERE conversation_id = ?',
      [chat.id],
    )) as Array<{ text: string; hidden_at: Date | null }>;
    assert.ok(texts.length >= 2);
    assert.ok(texts.every((m) => m.text === '' && m.hidden_at !== null));
    const entries = (await app.dataSource.query('SELECT id FROM waitlist_entries WHERE user_id = ?', [
      buyer.id,
    ])) as unknown[];
    assert.equal(entries.length, 0);
    const seen = (await call(seller, `/chats/${chat.id as string}/messages`))!;
    assert.ok(!JSON.stringify(seen).includes(person.phone), 'the seller no longer reads the phone');
  });
});
