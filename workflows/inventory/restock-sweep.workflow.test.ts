import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createInventoryActivities } from '../../activities/inventory/inventory.activities';
import { TemporalRestockHoldStarter } from '../../activities/inventory/temporal-restock-hold-starter';
import { validateNotificationRequest, type NotificationRequest } from '../../domain/notification/notification';
import { createDataSource } from '../../persistence/data-source';
import { InventoryService } from '../../persistence/inventory/inventory.service';
import { WaitlistService } from '../../persistence/inventory/waitlist.service';
import { uuidv7 } from '../../platform/ids';
import { dropDatabase, recreateDatabase } from '../../test/support/database';
import { createTimeSkippingEnvironment } from '../../test/support/temporal';
import { restockSweepWorkflow } from './restock-sweep.workflow';
import { INVENTORY_TASK_QUEUE, NOTIFICATION_TASK_QUEUE } from './workflow-ids';

describe('restockSweepWorkflow: a waiting queue never stalls after a crash', () => {
  let env: TestWorkflowEnvironment;
  let url: string;
  let dataSource: DataSource;
  let workers: Worker[];
  let running: Promise<unknown>;
  const sent: NotificationRequest[] = [];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    // The sweep looks at every queue, so it gets a database of its own.
    url = await recreateDatabase(`jangteo_sweep_${process.pid}`);
    dataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 5 }).initialize();
    await dataSource.runMigrations();
  });

  after(async () => {
    for (const worker of workers ?? []) worker.shutdown();
    await running;
    await dataSource?.destroy();
    if (url) await dropDatabase(url);
    await env?.teardown();
  });

  test('stock came back but the process died before the hold started: the sweep offers it, once', async () => {
    // An inventory that does not react to returned stock stands for a process killed right after the commit.
    const crashed = new InventoryService({ dataSource, now: () => new Date(), newId: uuidv7, onError: () => undefined });
    const waitlist = new WaitlistService({ dataSource, inventory: crashed, now: () => new Date(), newId: uuidv7, holdStarter: new TemporalRestockHoldStarter(() => env.client) });
    workers = await Promise.all([
      Worker.create({
        connection: env.nativeConnection,
        taskQueue: INVENTORY_TASK_QUEUE,
        workflowsPath: require.resolve('../index'),
        activities: createInventoryActivities({ waitlist, describeVariant: async () => ({ productName: '텀블러', optionLabel: '색상: 블랙' }) }),
      }),
      Worker.create({
        connection: env.nativeConnection,
        taskQueue: NOTIFICATION_TASK_QUEUE,
        activities: {
          sendNotification: async (input: NotificationRequest) => {
            validateNotificationRequest(input);
            sent.push(input);
          },
        },
      }),
    ]);
    running = Promise.all(workers.map((worker) => worker.run()));

    const variantId = uuidv7();
    await crashed.createStock([{ variantId, productId: uuidv7(), onHand: 0 }]);
    const consumer = uuidv7();
    const { entry } = await waitlist.join(variantId, consumer, 1);
    await crashed.setOnHand(variantId, 1);
    assert.equal((await waitlist.find(entry.id))?.status, 'WAITING', 'no hold was started by the crashed process');

    const first = await env.client.workflow.execute(restockSweepWorkflow, { taskQueue: INVENTORY_TASK_QUEUE, workflowId: `sweep-${uuidv7()}` });
    assert.deepEqual(first, { variants: 1, offered: 1 });
    const deadline = Date.now() + 20_000;
    while ((await waitlist.find(entry.id))?.status !== 'OFFERED') {
      assert.ok(Date.now() < deadline, 'the swept entry was offered its hold');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(sent.some((n) => 'userId' in n.recipient && n.recipient.userId === consumer && n.templateCode === 'RESTOCK_OFFER'));

    const again = await env.client.workflow.execute(restockSweepWorkflow, { taskQueue: INVENTORY_TASK_QUEUE, workflowId: `sweep-${uuidv7()}` });
    assert.deepEqual(again, { variants: 0, offered: 0 }, 'a second sweep offers nothing twice');
  });
});
