import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  findTemplate,
  notificationWorkflowId,
  renderTemplate,
  type NotificationRequest,
  type TemplateCode,
} from '../../domain/notification';
import type { NotificationVendors } from '../../integrations/notification/notification-vendors';
import { uuidv7 } from '../../platform/ids';
import { NOTIFICATION_TASK_QUEUE } from '../../workflows/shared/task-queues';
import { eventually } from '../support/eventually';
import { createAdmin, signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { openNotificationWorker, type NotificationWorker } from '../support/notification-worker';
import { SellerBacklogRows } from '../support/seller-backlog-rows';
import { sendLogOf } from '../support/notification-log';
import type { TestApp } from '../support/test-app';

const variablesOf = (code: TemplateCode): Record<string, string> =>
  Object.fromEntries(findTemplate(code)!.variables.map((name) => [name, `${name}-값`]));

let phoneCounter = 0;
const uniquePhone = () =>
  `0107${String(Date.now() % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(3, '0')}`.slice(0, 11);

interface SimMessage {
  kind: string;
  templateCode?: string;
  content: string;
  isResend: boolean;
  resendParameter?: { isResend?: boolean; resendType?: string; resendContent?: string };
  fallbackOf?: unknown;
}

/**
 * A notice outside any sequence (issue #21) is delivered inside the `sendNotification` activity:
 * AlimTalk with NHN's own SMS fallback (대체발송), our SMS when NHN refuses it, the e-mail alongside,
 * retried by Temporal like any activity, with no notification workflow. Sequenced notices keep theirs.
 */
describe('notices delivered in one step inside the sendNotification activity (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let notifications: NotificationWorker;
  let vendors: NotificationVendors;
  let admin: TestAccount;

  before(async () => {
    notifications = await openNotificationWorker();
    ({ env, app, vendors } = notifications);
    admin = await createAdmin(app);
  });

  after(() => notifications?.close());

  afterEach(async () => {
    await post(`${vendors.sandbox.nhn}/__sim/faults`, {
      transientFailures: 0,
      blockedTemplates: [],
      undeliverable: [],
      resendFailures: [],
    });
    await post(`${vendors.sandbox.mail}/__sim/faults`, { temporaryFailures: 0 });
  });

  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function nhnMessages(phone: string): Promise<SimMessage[]> {
    const response = await fetch(`${vendors.sandbox.nhn}/__sim/messages?recipientNo=${phone}`);
    return ((await response.json()) as { messages: SimMessage[] }).messages;
  }

  async function mailsTo(email: string): Promise<Array<{ subject: string }>> {
    const response = await fetch(`${vendors.sandbox.mail}/messages?to=${email}`);
    return ((await response.json()) as { messages: Array<{ subject: string }> }).messages;
  }

  const sendLog = (orderId: string) => sendLogOf(app, admin, orderId);

  async function hasWorkflow(notificationId: string): Promise<boolean> {
    try {
      await env.client.workflow.getHandle(notificationWorkflowId(notificationId)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  async function notice(code: TemplateCode, overrides: Partial<NotificationRequest> = {}) {
    const phone = uniquePhone();
    const buyer = await signUpConsumer(app, { phone, name: '김민지' });
    const orderId = uuidv7();
    const request: NotificationRequest = {
      templateCode: code,
      recipient: { userId: buyer.id },
      variables: variablesOf(code),
      dedupeKey: `${code.toLowerCase()}:${orderId}`,
      orderId,
      ...overrides,
    };
    return { phone, buyer, orderId, request };
  }

  test('an order-placed notice goes to NHN with its SMS as NHN’s own fallback, and no workflow is started', async () => {
    const { phone, orderId, request } = await notice('ORDER_PLACED');
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false, 'no notificationWorkflow');
    const [alimtalk, ...others] = await nhnMessages(phone);
    assert.deepEqual(others, []);
    assert.equal(alimtalk!.kind, 'ALIMTALK');
    assert.equal(alimtalk!.isResend, true);
    const sms = renderTemplate('ORDER_PLACED', { ...request.variables, 고객명: '김민지' }).sms!;
    assert.equal(alimtalk!.resendParameter?.resendType, sms.type);
    assert.equal(alimtalk!.resendParameter?.resendContent, sms.body);

    const [entry] = await sendLog(orderId);
    assert.equal(entry!.deliveredVia, 'ALIMTALK');
    // SENT when the send's answer came first, DELIVERED when Kakao's report beat it.
    assert.match(entry!.status, /^(SENT|DELIVERED)$/);
    assert.deepEqual(
      entry!.attempts.map((a) => a.channel),
      ['ALIMTALK'],
    );
    // Kakao's report comes by webhook and lands on the attempt row; no workflow is there to signal.
    await eventually(async () => (await sendLog(orderId))[0]!.attempts[0]!.status === 'DELIVERED', {
      what: 'the delivery report on the attempt row',
    });
  });

  test('NHN refusing the AlimTalk for good (template not approved): our own SMS goes at once, once', async () => {
    const { phone, orderId, request } = await notice('ORDER_PLACED');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, {
      blockedTemplates: [findTemplate('ORDER_PLACED')!.alimtalk!.templateCode],
      // Our SMS is not accepted at first either: the retried activity sends it, and only it.
      transientFailures: 1,
    });
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false);
    const sent = await nhnMessages(phone);
    assert.equal(sent.length, 1, JSON.stringify(sent.map((m) => m.kind)));
    assert.match(sent[0]!.kind, /^[SL]MS$/);
    assert.equal(sent[0]!.fallbackOf, undefined, 'our SMS, not NHN’s fallback');
    const [entry] = await sendLog(orderId);
    const alimtalk = entry!.attempts.find((a) => a.channel === 'ALIMTALK')!;
    const own = entry!.attempts.find((a) => a.channel === sent[0]!.kind)!;
    assert.equal(alimtalk.status, 'FAILED');
    assert.equal(alimtalk.tries, 1, 'the refused AlimTalk is not asked again');
    assert.equal(own.fallbackOf, alimtalk.id);
    assert.equal(own.tries, 2);
    assert.deepEqual([entry!.status, entry!.deliveredVia], ['SENT', sent[0]!.kind]);
  });

  test('NHN answering 5xx twice: the retried activity sends one AlimTalk, no duplicate', async () => {
    const { phone, orderId, request } = await notice('SELLER_NEW_ORDER');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { transientFailures: 2 });
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false);
    assert.deepEqual(
      (await nhnMessages(phone)).map((m) => m.kind),
      ['ALIMTALK'],
    );
    const [entry] = await sendLog(orderId);
    assert.equal(entry!.attempts.length, 1);
    assert.equal(entry!.attempts[0]!.tries, 3);
    assert.equal(entry!.deliveredVia, 'ALIMTALK');
    // A caller retried after it all went through (a lost answer) registers and sends nothing more.
    const again = await notifications.sendAsActivity(request);
    assert.deepEqual(again, { notificationId, created: false });
    assert.equal((await nhnMessages(phone)).length, 1);
  });

  test('an order’s receipt and its seller’s alert in one activity: NHN failing twice, each goes once; a refused message holds back no other', async () => {
    const { phone, orderId, request } = await notice('PAYMENT_COMPLETED');
    const sellerPhone = uniquePhone();
    const seller = await signUpSeller(app, { phone: sellerPhone });
    const alert = {
      sellerId: seller.id,
      templateCode: 'SELLER_NEW_ORDER' as const,
      variables: variablesOf('SELLER_NEW_ORDER'),
      dedupeKey: `seller-new-order:${orderId}:${seller.id}`,
      orderId,
    };
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { transientFailures: 2 });
    assert.deepEqual(await notifications.sendTogether({ notices: [request], sellerAlerts: [alert] }), {
      sent: 2,
    });
    assert.deepEqual(
      (await nhnMessages(phone)).map((m) => m.kind),
      ['ALIMTALK'],
      'the receipt, once',
    );
    assert.deepEqual(
      (await nhnMessages(sellerPhone)).map((m) => m.kind),
      ['ALIMTALK'],
      'the seller’s alert, once',
    );

    // A message the context refuses (no such template) fails the call, after the others went.
    const refusedOrder = uuidv7();
    const broken = {
      ...request,
      templateCode: 'NO_SUCH_TEMPLATE' as TemplateCode,
      dedupeKey: `x:${refusedOrder}`,
    };
    const next = {
      ...alert,
      dedupeKey: `seller-new-order:${refusedOrder}:${seller.id}`,
      orderId: refusedOrder,
    };
    await assert.rejects(
      notifications.sendTogether({ notices: [broken], sellerAlerts: [next] }),
      (error: Error) =>
        /unknown notification template NO_SUCH_TEMPLATE/.test(
          String((error.cause as Error | undefined)?.cause),
        ),
    );
    assert.equal((await nhnMessages(sellerPhone)).length, 2, 'the alert went despite the refused receipt');
  });

  test('NHN failing on every AlimTalk try: the fifth try of the activity sends our own SMS instead', async () => {
    const { phone, orderId, request } = await notice('ORDER_PLACED');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { transientFailures: 5 });
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false);
    const sent = await nhnMessages(phone);
    assert.deepEqual(sent.length, 1);
    assert.match(sent[0]!.kind, /^[SL]MS$/);
    const [entry] = await sendLog(orderId);
    const alimtalk = entry!.attempts.find((a) => a.channel === 'ALIMTALK')!;
    assert.equal(alimtalk.tries, 5);
    assert.equal(entry!.deliveredVia, sent[0]!.kind);
  });

  test('NHN down for the caller’s whole retry budget: its last try hands the notice to its workflow, nothing lost', async () => {
    const { phone, orderId, request } = await notice('ORDER_PLACED');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { transientFailures: 1000 });
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), true, 'handed over on the tenth try');
    assert.equal((await nhnMessages(phone)).length, 0);
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { transientFailures: 0 });
    const result = await env.client.workflow.getHandle(notificationWorkflowId(notificationId)).result();
    assert.equal(result.failed, false);
    const sent = await nhnMessages(phone);
    assert.equal(sent.length, 1, sent.map((m) => m.kind).join(', '));
    const [entry] = await sendLog(orderId);
    assert.equal(entry!.deliveredVia, result.deliveredVia);
  });

  test('KakaoTalk cannot deliver: NHN’s own fallback SMS reaches the phone, and we send none', async () => {
    const { phone, orderId, request } = await notice('ORDER_SHIPPED');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { undeliverable: [phone] });
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false);
    const [alimtalk, fallback, ...more] = await nhnMessages(phone);
    assert.deepEqual(more, []);
    assert.equal(alimtalk!.kind, 'ALIMTALK');
    assert.match(fallback!.kind, /^[SL]MS$/);
    assert.ok(fallback!.fallbackOf, 'sent by NHN as the AlimTalk’s 대체발송');
    assert.match(fallback!.content, /송장번호-값/);
    const [entry] = await sendLog(orderId);
    assert.deepEqual(
      entry!.attempts.map((a) => a.channel),
      ['ALIMTALK'],
      'no SMS of ours',
    );
    assert.equal(entry!.deliveredVia, 'ALIMTALK');
    // Kakao's failure is on the attempt row (webhook); the SMS that replaced it is NHN's.
    await eventually(async () => (await sendLog(orderId))[0]!.attempts[0]!.status === 'FAILED', {
      what: 'the failed delivery on the attempt row',
    });
  });

  test('NHN’s own fallback failing too: recorded on the attempt row and shown in the send log, nothing resent', async () => {
    const { phone, orderId, request } = await notice('ORDER_DELIVERED');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { undeliverable: [phone], resendFailures: [phone] });
    await notifications.sendAsActivity(request);

    const entry = await eventually(
      async () => {
        const [logged] = await sendLog(orderId);
        return logged?.attempts[0]?.status === 'FAILED' && logged;
      },
      { what: 'the failed delivery on the attempt row' },
    );
    assert.equal(entry.attempts.length, 1);
    assert.equal(entry.attempts[0]!.failureReason, 'CHANNEL_UNAVAILABLE');
    assert.equal(entry.status, 'SENT', 'the notice itself stays as NHN accepted it');
    assert.equal((await nhnMessages(phone)).filter((m) => m.kind !== 'ALIMTALK' && !m.fallbackOf).length, 0);
  });

  test('a receipt with an e-mail: AlimTalk and the mail in the same activity, the mail retried once alone', async () => {
    const { phone, orderId, request } = await notice('PAYMENT_COMPLETED');
    await post(`${vendors.sandbox.mail}/__sim/faults`, { temporaryFailures: 1 });
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false);
    assert.equal((await nhnMessages(phone)).length, 1, 'the AlimTalk is not sent again by the retry');
    const [entry] = await sendLog(orderId);
    const email = entry!.attempts.find((a) => a.channel === 'EMAIL')!;
    assert.ok(['ACCEPTED', 'DELIVERED'].includes(email.status));
    assert.equal(email.tries, 2);
    assert.equal(entry!.deliveredVia, 'ALIMTALK');
  });

  test('a statement by e-mail only is mailed with its CSV, delivered via EMAIL', async () => {
    const email = `seller.${uuidv7().slice(-8)}@example.com`;
    const request: NotificationRequest = {
      templateCode: 'SETTLEMENT_STATEMENT',
      recipient: { email },
      variables: variablesOf('SETTLEMENT_STATEMENT'),
      dedupeKey: `statement:${uuidv7()}`,
      attachment: '주문번호,금액\nJT-1,10000\n',
    };
    const { notificationId } = await notifications.sendAsActivity(request);

    assert.equal(await hasWorkflow(notificationId), false);
    assert.equal((await mailsTo(email)).length, 1);
    const row = await app.dataSource.query<Array<{ status: string; delivered_via: string }>>(
      'SELECT status, delivered_via FROM notifications WHERE id = ?',
      [notificationId],
    );
    assert.deepEqual([row[0]!.status, row[0]!.delivered_via], ['SENT', 'EMAIL']);
  });

  test('the sellers’ digest run by its workflow: each e-mail is mailed inside the page activity, no workflow per e-mail', async () => {
    const seller = await signUpSeller(app, { companyName: '인라인상회' });
    await new SellerBacklogRows(app.dataSource).part(seller.id, 'PAID', 2);
    const day = '2026-01-15';
    await env.client.workflow.execute('sellerDigestWorkflow', {
      taskQueue: NOTIFICATION_TASK_QUEUE,
      workflowId: `seller-digest:test:${uuidv7()}`,
      args: [{ day }],
    });

    assert.equal((await mailsTo(seller.email)).length, 1, 'mailed before the page activity completed');
    const [row] = await app.dataSource.query<Array<{ id: string; status: string; delivered_via: string }>>(
      "SELECT id, status, delivered_via FROM notifications WHERE template_code = 'SELLER_DAILY_DIGEST' AND recipient_user_id = ?",
      [seller.id],
    );
    assert.deepEqual([row!.status, row!.delivered_via], ['SENT', 'EMAIL']);
    assert.equal(await hasWorkflow(row!.id), false);
  });

  test('a sequenced notice keeps its workflow: the cancellation, and the refund that follows it', async () => {
    const { phone, buyer, orderId, request } = await notice('ORDER_CANCELLED');
    await post(`${vendors.sandbox.nhn}/__sim/faults`, { undeliverable: [phone] });
    const cancel = await notifications.sendAsActivity(request);
    const refund = await notifications.sendAsActivity({
      templateCode: 'REFUND_COMPLETED',
      recipient: { userId: buyer.id },
      variables: variablesOf('REFUND_COMPLETED'),
      dedupeKey: `refund-completed:${orderId}`,
      orderId,
      after: request.dedupeKey,
    });

    const result = (id: string) => env.client.workflow.getHandle(notificationWorkflowId(id)).result();
    assert.match(String((await result(cancel.notificationId)).deliveredVia), /^[SL]MS$/);
    await result(refund.notificationId);
    const sent = (await nhnMessages(phone)).map((m) => m.templateCode ?? m.kind);
    assert.equal(sent[0], 'JT_ORDER_CANCELLED');
    assert.match(sent[1]!, /^[SL]MS$/, 'the cancel notice’s own SMS, sent by the workflow');
    assert.equal(sent[2], 'JT_REFUND_DONE', sent.join(' → '));
  });
});
