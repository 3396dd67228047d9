import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { InventoryService } from '../../application/inventory/inventory';
import type { WaitlistService } from '../../application/inventory/waitlist';
import { createInventoryWorker } from '../support/inventory-worker';
import { createNotificationRecorder } from '../support/notification-recorder';
import { TemporalRestockHoldStarter } from '../../workflows/inventory/restock-hold.starter';
import { createInventory, createWaitlist } from '../../contexts/inventory.context';
import { uuidv7 } from '../../platform/ids';
import { openTestDataSource } from '../support/database';
import { until } from '../support/eventually';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { restockHoldWorkflowId } from '../../workflows/inventory/workflow-ids';

describe('restockHoldWorkflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let inventory: InventoryService;
  let waitlist: WaitlistService;
  let workers: Worker[];
  let running: Promise<unknown>;
  let sent: NotificationRequest[] = [];
  const productId = uuidv7();

  before(async () => {
    env = await createTimeSkippingEnvironment();
    dataSource = await openTestDataSource();
    const holdStarter = new TemporalRestockHoldStarter(() => env.client);
    inventory = createInventory({
      dataSource,
      now: () => new Date(),
      newId: uuidv7,
      onError: (error) => console.error(error),
      onStockReturned: async (variantIds) => void (await waitlist.offerHolds(variantIds)),
    });
    waitlist = createWaitlist({
      dataSource,
      inventory,
      now: () => new Date(),
      newId: uuidv7,
      holdStarter,
    });
    const recorder = await createNotificationRecorder(env);
    sent = recorder.sent;
    workers = [await createInventoryWorker(env, waitlist), recorder.worker];
    running = Promise.all(workers.map((worker) => worker.run()));
  });

  after(async () => {
    for (const worker of workers ?? []) worker.shutdown();
    await running;
    await dataSource.query(
      'DELETE FROM waitlist_entries WHERE variant_id IN (SELECT variant_id FROM stock_levels WHERE product_id = ?)',
      [productId],
    );
    await dataSource.query(
      'DELETE FROM stock_reservations WHERE variant_id IN (SELECT variant_id FROM stock_levels WHERE product_id = ?)',
      [productId],
    );
    await dataSource.query('DELETE FROM stock_levels WHERE product_id = ?', [productId]);
    await dataSource.destroy();
    await env?.teardown();
  });

  test('workflow ids come from the variant and the queue entry', () => {
    assert.equal(restockHoldWorkflowId('v1', 'e1'), 'restock-hold:v1:e1');
  });

  test('stock returns: the head gets a 30-minute hold and a notice; when it expires the next in line gets it', async () => {
    const variantId = uuidv7();
    await inventory.createStock([{ variantId, productId, onHand: 0 }]);
    const [alice, bob] = [uuidv7(), uuidv7()];
    const first = (await waitlist.join(variantId, alice, 1)).entry;
    const second = (await waitlist.join(variantId, bob, 1)).entry;

    await inventory.setOnHand(variantId, 1);
    await until(
      () => waitlist.find(first.id),
      (e) => e?.status === 'OFFERED',
      { what: 'the first hold', timeoutMs: 20_000 },
    );
    await until(
      async () => sent.filter((s) => 'userId' in s.recipient && s.recipient.userId === alice),
      (list) => list.length === 1,
      { what: 'the notice to the first', timeoutMs: 20_000 },
    );
    const notice = sent.find((s) => 'userId' in s.recipient && s.recipient.userId === alice)!;
    assert.equal(notice.templateCode, 'RESTOCK_OFFER');
    assert.equal(notice.dedupeKey, `restock-offer:${first.id}`);
    assert.equal(
      (await inventory.sellableOf([variantId])).get(variantId),
      0,
      'the held unit is not for sale to others',
    );
    assert.equal((await waitlist.find(second.id))?.status, 'WAITING');

    await env.sleep('31 minutes');
    await until(
      () => waitlist.find(second.id),
      (e) => e?.status === 'OFFERED',
      { what: 'the hold passing to the second', timeoutMs: 20_000 },
    );
    assert.equal((await waitlist.find(first.id))?.status, 'EXPIRED');
    await until(
      async () => sent.filter((s) => 'userId' in s.recipient && s.recipient.userId === bob),
      (list) => list.length === 1,
      { what: 'the notice to the second', timeoutMs: 20_000 },
    );

    // Bob orders within his 30 minutes: the held unit becomes his order's, though nothing is sellable.
    // (Before awaiting any workflow result: the test server skips time while a result is awaited.)
    assert.equal((await inventory.sellableOf([variantId])).get(variantId), 0);
    const orderId = uuidv7();
    await inventory.reserve(orderId, [{ variantId, quantity: 1 }], { userId: bob });
    assert.equal((await waitlist.find(second.id))?.status, 'CLAIMED');
    const firstRun = await env.client.workflow.getHandle(restockHoldWorkflowId(variantId, first.id)).result();
    assert.equal(firstRun.outcome, 'EXPIRED');
    await env.sleep('31 minutes');
    const secondRun = await env.client.workflow
      .getHandle(restockHoldWorkflowId(variantId, second.id))
      .result();
    assert.equal(secondRun.outcome, 'CLAIMED');
    const level = await inventory.level(variantId);
    assert.deepEqual([level.onHand, level.reserved], [1, 1], 'the order keeps its unit after the hold ends');
  });
});
