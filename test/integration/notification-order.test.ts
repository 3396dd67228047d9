import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemplate, notificationWorkflowId, type TemplateCode } from '../../domain/notification';
import type { NotificationVendors } from '../../integrations/notification/notification-vendors';
import { uuidv7 } from '../../platform/ids';
import { signUpConsumer } from '../support/identity';
import { openNotificationWorker, type NotificationWorker } from '../support/notification-worker';
import type { TestApp } from '../support/test-app';

const variablesOf = (code: TemplateCode) =>
  Object.fromEntries(findTemplate(code)!.variables.map((name) => [name, `${name}-값`]));

let phoneCounter = 0;
const uniquePhone = () =>
  `0108${String(Date.now() % 10000).padStart(4, '0')}${String(++phoneCounter).padStart(3, '0')}`.slice(0, 11);

/**
 * The buyer's phone never shows "환불 완료" before "주문 취소" (issue #19): a notice that names the
 * one it follows (`after`) is handed to NHN only once that one's delivery has ended, however long
 * its AlimTalk retries take; a predecessor that never ends holds it back 15 minutes at most.
 */
describe('ordered notices: the refund notice is delivered after the cancel notice (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let notifications: NotificationWorker;
  let vendors: NotificationVendors;
  let activities: NotificationWorker['activities'];

  before(async () => {
    notifications = await openNotificationWorker();
    ({ env, app, vendors, activities } = notifications);
  });

  after(() => notifications?.close());

  const resultOf = (notificationId: string) =>
    env.client.workflow.getHandle(notificationWorkflowId(notificationId)).result();

  async function nhnMessages(phone: string): Promise<Array<{ kind: string; templateCode?: string }>> {
    const response = await fetch(`${vendors.sandbox.nhn}/__sim/messages?recipientNo=${phone}`);
    return ((await response.json()) as { messages: Array<{ kind: string; templateCode?: string }> }).messages;
  }

  async function nhnFaults(faults: Record<string, unknown>) {
    await fetch(`${vendors.sandbox.nhn}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
  }

  const cancelNotice = (userId: string, orderId: string) => ({
    templateCode: 'ORDER_CANCELLED' as const,
    recipient: { userId },
    variables: variablesOf('ORDER_CANCELLED'),
    dedupeKey: `order-cancelled:${orderId}:all`,
    orderId,
  });
  const refundNotice = (userId: string, orderId: string, after: string) => ({
    templateCode: 'REFUND_COMPLETED' as const,
    recipient: { userId },
    variables: variablesOf('REFUND_COMPLETED'),
    dedupeKey: `refund-completed:${orderId}:all`,
    orderId,
    after,
  });

  test('the cancel notice’s AlimTalk is retried: the refund notice still reaches NHN after it', async () => {
    const phone = uniquePhone();
    const buyer = await signUpConsumer(app, { phone });
    const orderId = uuidv7();
    await nhnFaults({ transientFailures: 3 });
    const cancel = cancelNotice(buyer.id, orderId);
    const first = await activities.sendNotification(cancel);
    const second = await activities.sendNotification(refundNotice(buyer.id, orderId, cancel.dedupeKey));

    assert.equal((await resultOf(first.notificationId)).deliveredVia, 'ALIMTALK');
    assert.equal((await resultOf(second.notificationId)).deliveredVia, 'ALIMTALK');
    assert.deepEqual(
      (await nhnMessages(phone)).map((m) => `${m.kind}:${m.templateCode}`),
      ['ALIMTALK:JT_ORDER_CANCELLED', 'ALIMTALK:JT_REFUND_DONE'],
    );
  });

  test('the cancel notice falls back to SMS: the refund notice comes after that SMS', async () => {
    const phone = uniquePhone();
    const buyer = await signUpConsumer(app, { phone });
    await nhnFaults({ undeliverable: [phone] });
    const orderId = uuidv7();
    const cancel = cancelNotice(buyer.id, orderId);
    const first = await activities.sendNotification(cancel);
    const second = await activities.sendNotification(refundNotice(buyer.id, orderId, cancel.dedupeKey));

    assert.match(String((await resultOf(first.notificationId)).deliveredVia), /^[SL]MS$/);
    await resultOf(second.notificationId);
    const sent = (await nhnMessages(phone)).map((m) => m.templateCode ?? m.kind);
    assert.equal(sent[0], 'JT_ORDER_CANCELLED');
    assert.match(sent[1]!, /^[SL]MS$/, 'the cancel notice’s fallback');
    assert.equal(sent[2], 'JT_REFUND_DONE', sent.join(' → '));
  });

  test('a predecessor that never ends holds the notice back 15 minutes, then it is sent anyway', async () => {
    const phone = uniquePhone();
    const buyer = await signUpConsumer(app, { phone });
    const orderId = uuidv7();
    const lost = `order-cancelled:${orderId}:never-sent`;
    const { notificationId } = await activities.sendNotification(refundNotice(buyer.id, orderId, lost));

    assert.equal((await resultOf(notificationId)).deliveredVia, 'ALIMTALK');
    assert.deepEqual(
      (await nhnMessages(phone)).map((m) => m.templateCode),
      ['JT_REFUND_DONE'],
    );
    // How long after its workflow started the AlimTalk was handed over (server time, time-skipped).
    const { events } = await env.client.workflow
      .getHandle(notificationWorkflowId(notificationId))
      .fetchHistory();
    const millisOf = (event: NonNullable<typeof events>[number] | undefined) =>
      Number(event?.eventTime?.seconds ?? 0) * 1000 + Math.floor((event?.eventTime?.nanos ?? 0) / 1e6);
    const alimtalkAt = events!.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'deliverAlimTalk',
    );
    const waited = millisOf(alimtalkAt) - millisOf(events![0]);
    // Temporal ends the wait when its next look would fall past the 15 minutes, so a little before.
    assert.ok(waited >= 10 * 60_000 && waited <= 15 * 60_000, `sent after ${Math.round(waited / 1000)} s`);
  });
});
