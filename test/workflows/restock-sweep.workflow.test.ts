import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { TemporalRestockHoldStarter } from '../../workflows/inventory/restock-hold.starter';
import { createInventoryWorker } from '../support/inventory-worker';
import { createNotificationRecorder } from '../support/notification-recorder';
import { createDataSource } from '../../persistence/data-source';
import { createInventory, createWaitlist } from '../../contexts/inventory.context';
import { uuidv7 } from '../../platform/ids';
import { dropDatabase, recreateDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { restockSweepWorkflow } from '../../workflows/inventory/restock-sweep.workflow';
import { INVENTORY_TASK_QUEUE } from '../../workflows/inventory/workflow-ids';

describe('restockSweepWorkflow: a waiting queue never stalls after a crash', () => {
  let env: TestWorkflowEnvironment;
  let url: string;
  let dataSource: DataSource;
  let workers: Worker[];
  let running: Promise<unknown>;

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
    const crashed = createInventory({
      dataSource,
      now: () => new Date(),
      newId: uuidv7,
      onError: () => undefined,
    });
    const waitlist = createWaitlist({
      dataSource,
      inventory: crashed,
      now: () => new Date(),
      newId: uuidv7,
      holdStarter: new TemporalRestockHoldStarter(() => env.client),
    });
    const recorder = await createNotificationRecorder(env);
    const sent = recorder.sent;
    workers = [await createInventoryWorker(env, waitlist), recorder.worker];
    running = Promise.all(workers.map((worker) => worker.run()));

    const variantId = uuidv7();
    await crashed.createStock([{ variantId, productId: uuidv7(), onHand: 0 }]);
    const consumer = uuidv7();
    const { entry } = await waitlist.join(variantId, consumer, 1);
    await crashed.setOnHand(variantId, 1);
    assert.equal(
      (await waitlist.find(entry.id))?.status,
      'WAITING',
      'no hold was started by the crashed process',
    );

    const first = await env.client.workflow.execute(restockSweepWorkflow, {
      taskQueue: INVENTORY_TASK_QUEUE,
      workflowId: `sweep-${uuidv7()}`,
    });
    assert.deepEqual(first, { variants: 1, offered: 1 });
    await eventually(async () => (await waitlist.find(entry.id))?.status === 'OFFERED', {
      what: 'the swept entry offered its hold',
      timeoutMs: 20_000,
    });
    // The offer's notice never holds up the hold, so it may arrive just after the status changes.
    await eventually(
      () =>
        sent.some(
          (n) =>
            'userId' in n.recipient && n.recipient.userId === consumer && n.templateCode === 'RESTOCK_OFFER',
        ),
      { what: 'the RESTOCK_OFFER notice to the consumer', timeoutMs: 20_000 },
    );

    const again = await env.client.workflow.execute(restockSweepWorkflow, {
      taskQueue: INVENTORY_TASK_QUEUE,
      workflowId: `sweep-${uuidv7()}`,
    });
    assert.deepEqual(again, { variants: 0, offered: 0 }, 'a second sweep offers nothing twice');
  });
});
