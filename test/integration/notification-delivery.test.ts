import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  findTemplate,
  notificationWorkflowId,
  type NotificationRequest,
  type TemplateCode,
} from '../../domain/notification';
import type { NotificationVendors } from '../../integrations/notification/notification-vendors';
import { uuidv7 } from '../../platform/ids';
import { createAdmin, signUpConsumer, type TestAccount } from '../support/identity';
import { openNotificationWorker, type NotificationWorker } from '../support/notification-worker';
import { sendLogOf } from '../support/notification-log';
import type { TestApp } from '../support/test-app';

/** Sample values for every placeholder of a template. */
function variablesOf(code: TemplateCode): Record<string, string> {
  return Object.fromEntries(findTemplate(code)!.variables.map((name) => [name, `${name}-값`]));
}

let phoneCounter = 0;
const uniquePhone = () =>
  `0109${String(Date.now() % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(3, '0')}`.slice(0, 11);

describe('durable notifications: AlimTalk, SMS fallback and e-mail through the sandbox vendors', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let notifications: NotificationWorker;
  let vendors: NotificationVendors;
  let activities: NotificationWorker['activities'];
  let admin: TestAccount;

  before(async () => {
    notifications = await openNotificationWorker();
    ({ env, app, vendors, activities } = notifications);
    admin = await createAdmin(app);
  });

  after(() => notifications?.close());

  async function consumerWithPhone(phone: string) {
    return signUpConsumer(app, { phone });
  }

  async function deliver(request: NotificationRequest) {
    const { notificationId } = await activities.sendNotification(request);
    const result = await env.client.workflow.getHandle(notificationWorkflowId(notificationId)).result();
    return { notificationId, result };
  }

  async function nhnFaults(faults: Record<string, unknown>) {
    await fetch(`${vendors.sandbox.nhn}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
  }

  async function nhnMessages(
    phone: string,
  ): Promise<Array<{ kind: string; content: string; fallbackOf?: unknown }>> {
    const body = (await (
      await fetch(`${vendors.sandbox.nhn}/__sim/messages?recipientNo=${phone}`)
    ).json()) as { messages: Array<{ kind: string; content: string }> };
    return body.messages;
  }

  const sendLog = (orderId: string) => sendLogOf(app, admin, orderId);

  test('a payment receipt reaches the buyer by AlimTalk (and e-mail), rendered in Korean, and the log masks the number', async () => {
    const phone = uniquePhone();
    const buyer = await consumerWithPhone(phone);
    const orderId = uuidv7();
    const { result } = await deliver({
      templateCode: 'PAYMENT_COMPLETED',
      recipient: { userId: buyer.id },
      variables: variablesOf('PAYMENT_COMPLETED'),
      dedupeKey: `payment-completed:${orderId}`,
      orderId,
    });
    assert.deepEqual(result, { deliveredVia: 'ALIMTALK', failed: false });
    const messages = await nhnMessages(phone);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.kind, 'ALIMTALK');
    assert.match(messages[0]!.content, /주문번호-값/);
    const [entry] = await sendLog(orderId);
    assert.equal(entry!.status, 'DELIVERED');
    const alimtalk = entry!.attempts.find((a) => a.channel === 'ALIMTALK')!;
    assert.equal(alimtalk.status, 'DELIVERED');
    assert.doesNotMatch(alimtalk.maskedRecipient, new RegExp(phone.slice(3, 7)));
    // A receipt also goes by e-mail, to the address identity holds for the buyer.
    assert.equal(entry!.attempts.find((a) => a.channel === 'EMAIL')?.status, 'ACCEPTED');
  });

  test('when KakaoTalk cannot deliver, the same message goes out by SMS/LMS, linked to the failed AlimTalk', async () => {
    const phone = uniquePhone();
    const buyer = await consumerWithPhone(phone);
    await nhnFaults({ undeliverable: [phone] });
    const orderId = uuidv7();
    const { result } = await deliver({
      templateCode: 'ORDER_SHIPPED',
      recipient: { userId: buyer.id },
      variables: variablesOf('ORDER_SHIPPED'),
      dedupeKey: `shipped:${orderId}`,
      orderId,
    });
    assert.equal(result.failed, false);
    assert.ok(result.deliveredVia === 'SMS' || result.deliveredVia === 'LMS');
    const kinds = (await nhnMessages(phone)).map((m) => m.kind).sort();
    assert.deepEqual(kinds, ['ALIMTALK', result.deliveredVia].sort());
    const [entry] = await sendLog(orderId);
    const alimtalk = entry!.attempts.find((a) => a.channel === 'ALIMTALK')!;
    const sms = entry!.attempts.find((a) => a.channel === result.deliveredVia)!;
    assert.equal(alimtalk.status, 'FAILED');
    assert.equal(sms.status, 'ACCEPTED');
    assert.equal(sms.fallbackOf, alimtalk.id);
    assert.equal(entry!.deliveredVia, result.deliveredVia);
  });

  test('an invalid number is given up at once: no SMS is tried, the notification is marked failed', async () => {
    const phone = uniquePhone();
    const buyer = await consumerWithPhone(phone);
    await nhnFaults({ invalidRecipients: [phone] });
    const orderId = uuidv7();
    const { result } = await deliver({
      templateCode: 'ORDER_CANCELLED',
      recipient: { userId: buyer.id },
      variables: variablesOf('ORDER_CANCELLED'),
      dedupeKey: `cancelled:${orderId}`,
      orderId,
    });
    assert.deepEqual(result, { failed: true });
    assert.deepEqual(
      (await nhnMessages(phone)).filter((m) => m.kind !== 'ALIMTALK'),
      [],
    );
    const [entry] = await sendLog(orderId);
    assert.equal(entry!.status, 'FAILED');
    assert.equal(entry!.attempts[0]!.failureReason, 'INVALID_RECIPIENT');
  });

  test('transient provider errors are retried, and the message is still sent exactly once', async () => {
    const phone = uniquePhone();
    const buyer = await consumerWithPhone(phone);
    await nhnFaults({ transientFailures: 2 });
    const orderId = uuidv7();
    const { result } = await deliver({
      templateCode: 'ORDER_PLACED',
      recipient: { userId: buyer.id },
      variables: variablesOf('ORDER_PLACED'),
      dedupeKey: `placed:${orderId}`,
      orderId,
    });
    assert.deepEqual(result, { deliveredVia: 'ALIMTALK', failed: false });
    assert.equal((await nhnMessages(phone)).length, 1);
    const [entry] = await sendLog(orderId);
    assert.equal(entry!.attempts[0]!.tries, 3);
  });

  test('the same dedupe key sends once, however often it is asked for', async () => {
    const phone = uniquePhone();
    const buyer = await consumerWithPhone(phone);
    const request: NotificationRequest = {
      templateCode: 'ORDER_DELIVERED',
      recipient: { userId: buyer.id },
      variables: variablesOf('ORDER_DELIVERED'),
      dedupeKey: `delivered:${uuidv7()}`,
    };
    const first = await activities.sendNotification(request);
    const second = await activities.sendNotification(request);
    assert.equal(second.notificationId, first.notificationId);
    assert.equal(second.created, false);
    await env.client.workflow.getHandle(notificationWorkflowId(first.notificationId)).result();
    assert.equal((await nhnMessages(phone)).length, 1);
  });

  test('the weekly statement is e-mailed with its CSV attached', async () => {
    const email = `seller.${uuidv7().slice(-8)}@example.com`;
    const csv = '주문번호,금액\nJT-1,10000\n';
    const { result } = await deliver({
      templateCode: 'SETTLEMENT_STATEMENT',
      recipient: { email },
      variables: variablesOf('SETTLEMENT_STATEMENT'),
      dedupeKey: `statement:${uuidv7()}`,
      attachment: csv,
    });
    assert.deepEqual(result, { deliveredVia: 'EMAIL', failed: false });
    const mail = (await (await fetch(`${vendors.sandbox.mail}/messages?to=${email}`)).json()) as {
      messages: Array<{
        subject: string;
        attachments: Array<{ filename?: string; content?: string; contentType: string }>;
      }>;
    };
    assert.equal(mail.messages.length, 1);
    assert.equal(mail.messages[0]!.attachments.length, 1);
    assert.match(mail.messages[0]!.attachments[0]!.contentType, /csv/);
  });

  test('the recipient’s name fills 고객명 at send time, so callers never carry it through workflow histories', async () => {
    const phone = uniquePhone();
    const buyer = await signUpConsumer(app, { phone, name: '김민지' });
    const { result } = await deliver({
      templateCode: 'RESTOCK_OFFER',
      recipient: { userId: buyer.id },
      variables: { 상품명: '무선 이어폰', 옵션명: '색상: 화이트', 구매기한: '2026-11-24 13:30' },
      dedupeKey: `restock-offer:${uuidv7()}`,
    });
    assert.equal(result.deliveredVia, 'ALIMTALK');
    const [message] = await nhnMessages(phone);
    assert.match(message!.content, /김민지님, 기다리시던 상품이 다시 입고되었습니다/);
  });

  test('the admin send log filters by user, and only admins may read it', async () => {
    const phone = uniquePhone();
    const buyer = await consumerWithPhone(phone);
    await deliver({
      templateCode: 'ORDER_DELIVERED',
      recipient: { userId: buyer.id },
      variables: variablesOf('ORDER_DELIVERED'),
      dedupeKey: `delivered:${uuidv7()}`,
    });
    await deliver({
      templateCode: 'REFUND_COMPLETED',
      recipient: { userId: buyer.id },
      variables: variablesOf('REFUND_COMPLETED'),
      dedupeKey: `refund:${uuidv7()}`,
    });
    const response = await app.request(`/api/v1/admin/notifications?userId=${buyer.id}`, {
      headers: admin.auth,
    });
    const body = (await response.json()) as {
      items: Array<{ templateCode: string; recipientUserId: string }>;
    };
    assert.deepEqual(
      body.items.map((n) => n.templateCode),
      ['REFUND_COMPLETED', 'ORDER_DELIVERED'],
      'newest first',
    );
    assert.ok(body.items.every((n) => n.recipientUserId === buyer.id));
    const refused = await app.request(`/api/v1/admin/notifications?userId=${buyer.id}`, {
      headers: buyer.auth,
    });
    assert.equal(refused.status, 403);
  });

  test('a template variable left out is refused before anything is stored or sent', async () => {
    await assert.rejects(
      activities.sendNotification({
        templateCode: 'ORDER_PLACED',
        recipient: { phone: uniquePhone() },
        variables: {},
        dedupeKey: `bad:${uuidv7()}`,
      }),
      /NOTIFICATION_TEMPLATE_VARIABLE_MISSING|missing/i,
    );
  });
});
