import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createSellerDigestActivities } from '../../activities/notification/seller-digest.activities';
import { SellerDigests } from '../../application/notification/send-seller-digests';
import type { NotificationRequest } from '../../domain/notification/notification';
import { formatSeoulDate } from '../../domain/notification/notification-format';
import { TypeOrmSellerBacklog } from '../../persistence/notification/typeorm-seller-backlog';
import { uuidv7 } from '../../platform/ids';
import { SCHEDULES } from '../../workers/schedules';
import {
  SELLER_DIGEST_SCHEDULE_ID,
  SELLER_DIGEST_TASK_QUEUE,
  type SellerDigestInput,
} from '../../workflows/notification/seller-digest.messages';
import { sellerDigestWorkflow } from '../../workflows/notification/seller-digest.workflow';
import { openTestDataSource } from '../support/database';
import { SellerBacklogRows } from '../support/seller-backlog-rows';
import { createTimeSkippingEnvironment } from '../support/temporal';

/**
 * The digest workflow on the time-skipping server with its real activity over MariaDB; the send is
 * the notification context's contract (one notification per dedupe key), recorded here.
 */
describe('sellerDigestWorkflow: one e-mail per waiting seller and recipient per Seoul day', () => {
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let worker: Worker;
  let running: Promise<void>;
  const sent = new Map<string, NotificationRequest>();
  const withEmail = new Set<string>();
  const grants = new Map<string, string[]>();
  let busy: string;
  let idle: string;
  let withdrawn: string;
  let manager: string;
  let managerWithoutEmail: string;
  let oldest: string[] = [];
  let preparing: string;
  let returned: string;
  let firstDay: string;

  before(async () => {
    env = await createTimeSkippingEnvironment();
    dataSource = await openTestDataSource();
    const rows = new SellerBacklogRows(dataSource);
    [busy, idle, manager, managerWithoutEmail] = [
      await rows.user('SELLER'),
      await rows.user('SELLER'),
      await rows.user('MANAGER'),
      await rows.user('MANAGER'),
    ];
    withdrawn = await rows.user('SELLER', 'WITHDRAWN');
    for (const id of [busy, idle, withdrawn, manager]) withEmail.add(id);
    grants.set(busy, [manager, managerWithoutEmail]);

    oldest = [
      await rows.part(busy, 'PAID', 50),
      await rows.part(busy, 'PAID', 30),
      await rows.part(busy, 'PAID', 20),
    ];
    await rows.part(busy, 'PAID', 2);
    preparing = await rows.part(busy, 'PREPARING', 10);
    await rows.part(busy, 'SHIPPED', 40);
    returned = await rows.returnRequest(busy, 'REQUESTED', 5);
    await rows.returnRequest(busy, 'REJECTED', 6);
    await rows.part(idle, 'SHIPPED', 3);
    await rows.part(idle, 'CANCELLED', 3);
    await rows.returnRequest(idle, 'APPROVED', 3);
    await rows.part(withdrawn, 'PAID', 3);

    const digests = new SellerDigests({
      backlog: new TypeOrmSellerBacklog(dataSource),
      grantsOf: async (sellerId) =>
        (grants.get(sellerId) ?? []).map((managerId) => ({
          managerId,
          permissions: ['ORDERS'],
          revokedAt: null,
        })),
      contactOf: async (userId) => (withEmail.has(userId) ? { email: `${userId}@example.com` } : {}),
      companyNamesOf: async (ids) => new Map(ids.map((id) => [id, id === busy ? '바쁜상회' : '상회'])),
      async send(request) {
        const created = !sent.has(request.dedupeKey);
        if (created) sent.set(request.dedupeKey, request);
        return { notificationId: request.dedupeKey, created };
      },
    });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: SELLER_DIGEST_TASK_QUEUE,
      workflowsPath: require.resolve('../../workflows'),
      activities: createSellerDigestActivities(digests),
    });
    running = worker.run();
  });

  after(async () => {
    worker?.shutdown();
    await running;
    await dataSource?.destroy();
    await env?.teardown();
  });

  const run = (input: SellerDigestInput = {}) =>
    env.client.workflow.execute(sellerDigestWorkflow, {
      taskQueue: SELLER_DIGEST_TASK_QUEUE,
      workflowId: `seller-digest:test:${uuidv7()}`,
      args: [input],
    });
  const sentTo = (sellerId: string) =>
    [...sent.values()].filter((r) => r.dedupeKey.includes(`:${sellerId}:`));

  test('the waiting seller and its ORDERS manager with an e-mail get the counts and the oldest orders; nobody else', async () => {
    const report = await run();
    firstDay = report.day;
    assert.equal(report.day, formatSeoulDate(new Date()), 'the Seoul day of the run');
    const requests = sentTo(busy);
    assert.deepEqual(
      requests.map((r) => ('userId' in r.recipient ? r.recipient.userId : '')).sort(),
      [busy, manager].sort(),
      'the manager without an e-mail is left out',
    );
    assert.deepEqual(requests[0]!.variables, {
      판매자명: '바쁜상회',
      기준일: report.day,
      상품준비: `4건 (오래된 순: ${oldest.join(', ')})`,
      발송대기: `1건 (오래된 순: ${preparing})`,
      반품대기: `1건 (오래된 순: ${returned})`,
    });
    assert.equal(requests[0]!.templateCode, 'SELLER_DAILY_DIGEST');
    assert.deepEqual(sentTo(idle), [], 'nothing waits: no e-mail');
    assert.deepEqual(sentTo(withdrawn), [], 'a withdrawn seller gets none');
    assert.ok(report.emails >= 2);
  });

  test('a second run the same day sends nothing more; the next day is a new digest', async () => {
    const before = sent.size;
    // The time-skipping server's clock may have jumped since: the day is given as the schedule's run had it.
    const again = await run({ day: firstDay });
    assert.equal(again.emails, 0);
    assert.equal(sent.size, before);
    const nextDay = await run({ day: '2099-01-02' });
    assert.ok(nextDay.emails >= 2);
    assert.equal(sentTo(busy).length, 4);
  });

  test('the schedule starts it every day at 09:00 Asia/Seoul on the notification queue', () => {
    const schedule = SCHEDULES.find((s) => s.scheduleId === SELLER_DIGEST_SCHEDULE_ID)!;
    assert.deepEqual(schedule.spec, { calendars: [{ hour: 9, minute: 0 }], timezone: 'Asia/Seoul' });
    assert.equal(
      schedule.action.type === 'startWorkflow' && schedule.action.workflowType,
      'sellerDigestWorkflow',
    );
  });
});
