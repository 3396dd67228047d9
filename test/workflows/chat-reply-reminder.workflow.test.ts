import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NotificationRequest } from '../../domain/notification/notification';
import { createNotificationRecorder } from '../support/notification-recorder';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { installTemporalRuntime } from '../../workers/temporal-runtime';
import { testContexts } from '../support/contexts';
import { createAdmin, signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { eventually } from '../support/eventually';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  CHAT_TASK_QUEUE,
  chatAwaitingReplySignal,
  chatReminderWorkflowId,
  chatWaitEndedSignal,
} from '../../workflows/chat/chat-reminder.messages';
import { chatReplyReminderWorkflow, koreanDuration } from '../../workflows/chat/chat-reply-reminder.workflow';

/**
 * The reply reminder through the real API: a consumer's message starts the timer, the seller's
 * answer stops it, and an hour of waiting passes in milliseconds on the time-skipping server.
 * The notification context's activity is a recording stand-in on the `notification` queue.
 */
describe('chat reply reminder (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let admin: TestAccount;
  let workers: Worker[];
  let running: Promise<unknown>;
  let sent: NotificationRequest[] = [];

  before(async () => {
    installTemporalRuntime(createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    admin = await createAdmin(app);
    const recorder = await createNotificationRecorder(env);
    sent = recorder.sent;
    workers = [
      await Worker.create({
        connection: env.nativeConnection,
        taskQueue: CHAT_TASK_QUEUE,
        workflowsPath: require.resolve('../../workflows/chat/chat-reply-reminder.workflow'),
        activities: testContexts(app).chat.activities(),
      }),
      recorder.worker,
    ];
    running = Promise.all(workers.map((worker) => worker.run()));
  });
  after(async () => {
    for (const worker of workers ?? []) worker.shutdown();
    await running;
    await app?.close();
    await env?.teardown();
  });

  const post = async (account: TestAccount, path: string, body: unknown) => {
    const response = await app.request(`/api/v1${path}`, { headers: account.auth, body });
    const json = (await response.json()) as { id: string };
    assert.ok(response.status < 300, `${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  const remindersFor = (chatId: string) =>
    sent.filter((request) => request.dedupeKey.startsWith(`chat-reminder:${chatId}:`));

  test('a consumer left waiting past the threshold gets the seller one AlimTalk reminder; the answer ends the timer', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
    const chat = await post(consumer, '/chats', { sellerId: seller.id, text: '배송 언제 되나요?' });
    const handle = env.client.workflow.getHandle(chatReminderWorkflowId(chat.id));
    assert.equal(
      (await handle.describe()).status.name,
      'RUNNING',
      'the first consumer message started the timer',
    );

    await env.sleep('30 minutes');
    await post(consumer, `/chats/${chat.id}/messages`, { text: '혹시 확인 가능하실까요?' });
    assert.deepEqual(remindersFor(chat.id), [], 'no reminder before the threshold');

    await env.sleep('31 minutes');
    await eventually(() => remindersFor(chat.id).length === 1, { what: 'the reminder', timeoutMs: 15_000 });
    assert.deepEqual(remindersFor(chat.id)[0], {
      templateCode: 'CHAT_REPLY_REMINDER',
      recipient: { userId: seller.id },
      variables: { 대기시간: '1시간', 문의번호: chat.id.slice(-8).toUpperCase() },
      dedupeKey: `chat-reminder:${chat.id}:1`,
    });

    await env.sleep('3 hours');
    assert.equal(remindersFor(chat.id).length, 1, 'one reminder per waiting period');
    await post(seller, `/chats/${chat.id}/messages`, { text: '오늘 출고됩니다.' });
    assert.deepEqual(await handle.result(), { reminded: [1] });
  });

  test('no reminder when the seller side answers in time; the next wait starts a new timer under the same id', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
    const chat = await post(consumer, '/chats', { sellerId: seller.id, text: '색상 문의' });
    const handle = env.client.workflow.getHandle(chatReminderWorkflowId(chat.id));
    await env.sleep('50 minutes');
    await post(seller, `/chats/${chat.id}/messages`, { text: '빨강, 파랑 있습니다.' });
    assert.deepEqual(await handle.result(), { reminded: [] });
    await env.sleep('2 hours');
    assert.deepEqual(remindersFor(chat.id), []);

    await post(consumer, `/chats/${chat.id}/messages`, { text: '파랑으로 주문할게요. 배송비는요?' });
    await env.sleep('61 minutes');
    await eventually(() => remindersFor(chat.id).length === 1, {
      what: 'the second waiting period’s reminder',
      timeoutMs: 15_000,
    });
    assert.equal(remindersFor(chat.id)[0]!.dedupeKey, `chat-reminder:${chat.id}:2`);
    await post(seller, `/chats/${chat.id}/messages`, { text: '무료입니다.' });
    assert.deepEqual(await env.client.workflow.getHandle(chatReminderWorkflowId(chat.id)).result(), {
      reminded: [2],
    });
  });

  test('closing a waiting conversation stops the timer; a timer whose wait already ended in the database stays silent', async () => {
    const [consumer, seller] = await Promise.all([signUpConsumer(app), signUpSeller(app)]);
    const chat = await post(consumer, '/chats', { sellerId: seller.id, text: '환불 요청' });
    await env.sleep('10 minutes');
    await post(admin, `/chats/${chat.id}/close`, {});
    assert.deepEqual(await env.client.workflow.getHandle(chatReminderWorkflowId(chat.id)).result(), {
      reminded: [],
    });

    // A timer whose "answered" signal was lost: the database says nobody waits, so nothing is sent.
    const ghost = uuidv7();
    const handle = await env.client.workflow.signalWithStart(chatReplyReminderWorkflow, {
      taskQueue: CHAT_TASK_QUEUE,
      workflowId: chatReminderWorkflowId(ghost),
      args: [{ conversationId: ghost, sellerId: seller.id, remindAfterMs: 3_600_000 }],
      signal: chatAwaitingReplySignal,
      signalArgs: [{ round: 1 }],
    });
    await env.sleep('2 hours');
    await handle.signal(chatWaitEndedSignal, { round: 1 });
    assert.deepEqual(await handle.result(), { reminded: [] });
    assert.deepEqual(remindersFor(ghost), []);
    assert.deepEqual(remindersFor(chat.id), []);
  });

  test('the wait reads as Korean', () => {
    assert.equal(koreanDuration(3_600_000), '1시간');
    assert.equal(koreanDuration(30 * 60_000), '30분');
    assert.equal(koreanDuration(90 * 60_000), '1시간 30분');
  });
});
