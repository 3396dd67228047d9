import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { shipmentWorkflowId } from '../../domain/ordering/workflow-ids';
import { trackingEventOf } from '../../domain/shipping/tracking-event';
import { uuidv7 } from '../../platform/ids';
import { createAdmin, type TestAccount } from '../support/identity';
import { eventually, openShippingSandbox, type ShippingSandbox } from '../support/shipping-sandbox';
import { createTimeSkippingEnvironment, terminateAtRest } from '../support/temporal';
import {
  invoiceRegisteredSignal,
  SHIPPING_TASK_QUEUE,
  shipmentStateQuery,
  trackingEventsSignal,
  type CourierName,
  type ShipmentInput,
  type ShipmentResult,
} from '../../workflows/shipping/shipment.messages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TRACKER_CODE: Record<CourierName, string> = {
  CJ: '04',
  LOTTE: '08',
  HANJIN: '05',
  EPOST: '01',
  LOGEN: '06',
  KDEXP: '23',
  DAESIN: '22',
};

describe('shipmentWorkflow (time-skipping server, real MariaDB, the courier simulator as SweetTracker)', () => {
  let env: TestWorkflowEnvironment;
  let sandbox: ShippingSandbox;
  let admin: TestAccount;
  const orders: string[] = [];
  let invoiceSeq = 0;

  before(async () => {
    env = await createTimeSkippingEnvironment();
    sandbox = await openShippingSandbox(env);
    admin = await createAdmin(sandbox.app);
  });

  after(async () => {
    const ds = sandbox?.app.dataSource;
    if (ds && orders.length) {
      const marks = orders.map(() => '?').join(', ');
      await ds.query(
        `DELETE FROM shipment_events WHERE shipment_id IN (SELECT id FROM shipments WHERE order_id IN (${marks}))`,
        orders,
      );
      await ds.query(`DELETE FROM shipments WHERE order_id IN (${marks})`, orders);
    }
    await sandbox?.close();
    await env?.teardown();
  });

  beforeEach(async () => {
    await sandbox.simulator.flushCallbacks();
    sandbox.simulator.reset();
  });

  /** A 12-digit CJ invoice with a valid check digit, different every call. */
  const newInvoice = () => {
    const head = `${String(Date.now()).slice(-7)}${String(++invoiceSeq).padStart(4, '0')}`;
    return head + String(Number(BigInt(head) % 7n));
  };

  function input(): ShipmentInput {
    const orderId = uuidv7();
    orders.push(orderId);
    return {
      orderId,
      orderNumber: `JT20261124${orderId.slice(-8)}`,
      sellerId: uuidv7(),
      buyerUserId: uuidv7(),
      itemSummary: '무선 키보드 외 1건',
    };
  }

  async function start(shipment: ShipmentInput): Promise<WorkflowHandle> {
    return env.client.workflow.start('shipmentWorkflow', {
      taskQueue: SHIPPING_TASK_QUEUE,
      workflowId: shipmentWorkflowId(shipment.orderId, shipment.sellerId),
      args: [shipment],
    });
  }

  const shipmentRow = async (orderId: string) =>
    (
      (await sandbox.app.dataSource.query('SELECT * FROM shipments WHERE order_id = ?', [orderId])) as Array<
        Record<string, unknown>
      >
    )[0];

  const storedEvents = async (orderId: string) =>
    (await sandbox.app.dataSource.query(
      'SELECT e.level, e.status, e.source FROM shipment_events e JOIN shipments s ON s.id = e.shipment_id WHERE s.order_id = ? ORDER BY e.occurred_at, e.level',
      [orderId],
    )) as Array<{ level: number; status: string; source: string }>;

  async function ship(handle: WorkflowHandle, shipment: ShipmentInput, courier: CourierName = 'CJ') {
    const invoiceNumber = newInvoice();
    await handle.signal(invoiceRegisteredSignal, {
      courier,
      invoiceNumber,
      registeredBy: shipment.sellerId,
      registeredAt: new Date().toISOString(),
    });
    await eventually(async () => (await shipmentRow(shipment.orderId))?.invoice_number === invoiceNumber);
    await eventually(async () => (await handle.query(shipmentStateQuery)).invoiceNumber === invoiceNumber);
    return { invoiceNumber, code: TRACKER_CODE[courier] };
  }

  const lookUps = (invoice: string) =>
    sandbox.simulator.state.calls.filter((c) => c.operation === 'trackingInfo' && c.invoice === invoice)
      .length;

  test('pushed steps carry the parcel to DELIVERED: the buyer is told on dispatch and on delivery, the parent gets the result', async () => {
    const shipment = input();
    const handle = await start(shipment);
    await eventually(async () => (await shipmentRow(shipment.orderId))?.status === 'AWAITING_INVOICE');
    assert.equal((await handle.query(shipmentStateQuery)).status, 'AWAITING_INVOICE');

    const { invoiceNumber, code } = await ship(handle, shipment, 'HANJIN');
    assert.equal((await shipmentRow(shipment.orderId))!.status, 'READY');
    assert.equal(Boolean((await shipmentRow(shipment.orderId))!.push_registered), true);
    const shipped = await eventually(async () =>
      sandbox.sent.find(
        (n) => n.dedupeKey === `order-shipped:${shipment.orderId}:${shipment.sellerId}:${invoiceNumber}`,
      ),
    );
    assert.deepEqual(shipped.variables, {
      주문번호: shipment.orderNumber,
      상품명: '무선 키보드 외 1건',
      택배사: '한진택배',
      송장번호: invoiceNumber,
    });
    assert.deepEqual(shipped.recipient, { userId: shipment.buyerUserId });

    sandbox.simulator.advance(code, invoiceNumber, 6);
    await sandbox.simulator.flushCallbacks();
    const result = (await handle.result()) as ShipmentResult;
    const deliveredStep = sandbox.simulator.state.parcels.get(`${code}:${invoiceNumber}`)!.details.at(-1)!;
    assert.deepEqual(result, {
      status: 'DELIVERED',
      deliveredAt: new Date(Math.floor(deliveredStep.time / 1000) * 1000).toISOString(),
      courier: 'HANJIN',
      invoiceNumber,
    });
    assert.equal(lookUps(invoiceNumber), 0, 'pushes alone were enough: no look-up was needed');

    const row = await shipmentRow(shipment.orderId);
    assert.equal(row!.status, 'DELIVERED');
    assert.deepEqual(
      (await storedEvents(shipment.orderId)).map((e) => [e.level, e.status, e.source]),
      [
        [1, 'READY', 'WEBHOOK'],
        [2, 'PICKED_UP', 'WEBHOOK'],
        [3, 'IN_TRANSIT', 'WEBHOOK'],
        [4, 'IN_TRANSIT', 'WEBHOOK'],
        [5, 'OUT_FOR_DELIVERY', 'WEBHOOK'],
        [6, 'DELIVERED', 'WEBHOOK'],
      ],
    );
    const delivered = sandbox.sent.find(
      (n) => n.dedupeKey === `order-delivered:${shipment.orderId}:${shipment.sellerId}`,
    );
    assert.equal(delivered?.templateCode, 'ORDER_DELIVERED');
    const confirmBy = new Date(Date.parse(result.deliveredAt) + 7 * DAY + 9 * HOUR)
      .toISOString()
      .slice(0, 10);
    assert.equal(delivered?.variables['구매확정기한'], confirmBy);
  });

  test('without pushes the parcel is looked up at 30 min, then 1 h, 2 h … apart, and sooner again once it moves', async () => {
    sandbox.faults({ dropCallbacks: true });
    const shipment = input();
    const handle = await start(shipment);
    const { invoiceNumber, code } = await ship(handle, shipment);
    const registeredAt = Date.parse((await handle.query(shipmentStateQuery)).nextPollAt!) - 30 * MINUTE;

    const pollsAt = async (count: number) => {
      await eventually(
        async () =>
          lookUps(invoiceNumber) === count && (await handle.query(shipmentStateQuery)).polls === count,
      );
      return Date.parse((await handle.query(shipmentStateQuery)).nextPollAt!) - registeredAt;
    };

    /** Workflow time also runs while a look-up is in flight (real milliseconds): compare to the second. */
    const near = (actual: number, expected: number, message?: string) =>
      assert.ok(Math.abs(actual - expected) < 5_000, `${message ?? ''} ${actual} ≉ ${expected}`);

    await env.sleep(29 * MINUTE);
    assert.equal(lookUps(invoiceNumber), 0);
    await env.sleep(2 * MINUTE);
    near(await pollsAt(1), 30 * MINUTE + 60 * MINUTE, 'not found yet: the next look-up is an hour later');
    await env.sleep(60 * MINUTE);
    near(await pollsAt(2), 90 * MINUTE + 120 * MINUTE);
    await env.sleep(120 * MINUTE);
    near(await pollsAt(3), 210 * MINUTE + 240 * MINUTE);

    // The courier picks the parcel up; the next look-up finds it and the cadence starts over at 30 min.
    sandbox.simulator.advance(code, invoiceNumber, 2);
    await env.sleep(240 * MINUTE);
    near(await pollsAt(4), 450 * MINUTE + 30 * MINUTE);
    assert.equal((await shipmentRow(shipment.orderId))!.status, 'PICKED_UP');
    assert.deepEqual(
      (await storedEvents(shipment.orderId)).map((e) => [e.level, e.source]),
      [
        [1, 'POLL'],
        [2, 'POLL'],
      ],
    );

    // Quiet again: 30 min, 1 h, 2 h, 4 h, then the look-ups settle at one every 6 h.
    const gaps: number[] = [];
    let state = await handle.query(shipmentStateQuery);
    for (let i = 0; i < 6; i++) {
      const due = Date.parse(state.nextPollAt!);
      await env.sleep(due - (await env.currentTimeMs()) + MINUTE);
      const polls = state.polls;
      state = await eventually(async () => {
        const now = await handle.query(shipmentStateQuery);
        return now.polls > polls && now;
      });
      gaps.push(Math.round((Date.parse(state.nextPollAt!) - due) / MINUTE));
    }
    assert.deepEqual(gaps, [60, 120, 240, 360, 360, 360]);
    await terminateAtRest(handle, 'test over');
  });

  test('a parcel that does not move for 14 days is flagged for admins, and unflagged when it moves again', async () => {
    sandbox.faults({ dropCallbacks: true });
    const shipment = input();
    const handle = await start(shipment);
    const { invoiceNumber, code } = await ship(handle, shipment);
    sandbox.simulator.advance(code, invoiceNumber, 2);

    await env.sleep(13 * DAY);
    await eventually(async () => (await handle.query(shipmentStateQuery)).polls > 0);
    assert.equal((await handle.query(shipmentStateQuery)).stalled, false);
    assert.equal((await shipmentRow(shipment.orderId))!.stalled_at, null);

    await env.sleep(2 * DAY);
    await eventually(async () => (await shipmentRow(shipment.orderId))!.stalled_at !== null);
    assert.equal((await handle.query(shipmentStateQuery)).stalled, true);
    const listed = await sandbox.app.request('/api/v1/admin/shipments/stalled?size=100', {
      headers: admin.auth,
    });
    assert.equal(listed.status, 200);
    const page = (await listed.json()) as {
      items: Array<{ orderId: string; status: string; stalledAt: string }>;
    };
    const mine = page.items.find((i) => i.orderId === shipment.orderId);
    assert.equal(mine?.status, 'PICKED_UP');

    sandbox.simulator.advance(code, invoiceNumber, 3);
    await env.sleep(7 * HOUR);
    await eventually(async () => (await shipmentRow(shipment.orderId))!.status === 'IN_TRANSIT');
    assert.equal((await shipmentRow(shipment.orderId))!.stalled_at, null);
    assert.equal((await handle.query(shipmentStateQuery)).stalled, false);
    await terminateAtRest(handle, 'test over');
  });

  test('steps pushed out of order and twice: stored once each, the status only moves forward', async () => {
    const shipment = input();
    const handle = await start(shipment);
    const { invoiceNumber, code } = await ship(handle, shipment, 'LOTTE');

    sandbox.faults({ holdCallbacks: true });
    sandbox.simulator.advance(code, invoiceNumber, 5);
    sandbox.faults({ holdCallbacks: false, duplicateCallbacks: true });
    const flushed = await fetch(`${sandbox.simulatorUrl}/__sim/webhooks/flush`, { method: 'POST' });
    assert.deepEqual(await flushed.json(), { delivered: 5 });
    await sandbox.simulator.flushCallbacks();
    // Newest first: level 5 arrives before 1–4, each step twice.
    const deliveries = sandbox.simulator.state.deliveries.filter((d) => d.body.invoice_no === invoiceNumber);
    assert.deepEqual(
      deliveries.map((d) => d.body.level),
      [5, 4, 3, 2, 1],
    );
    assert.ok(deliveries.every((d) => d.status === 200));

    await eventually(async () => (await storedEvents(shipment.orderId)).length === 5);
    await eventually(async () => (await handle.query(shipmentStateQuery)).status === 'OUT_FOR_DELIVERY');
    await eventually(async () => (await shipmentRow(shipment.orderId))!.status === 'OUT_FOR_DELIVERY');

    // A stale step signalled late (as a slow webhook would) changes nothing.
    const stale = trackingEventOf({ level: 3, time: Date.now() - DAY, where: '옥천HUB', kind: '간선상차' })!;
    await handle.signal(trackingEventsSignal, { invoiceNumber, events: [stale, stale] });
    await eventually(async () => (await storedEvents(shipment.orderId)).length === 6);
    assert.equal((await handle.query(shipmentStateQuery)).status, 'OUT_FOR_DELIVERY');
    assert.equal((await shipmentRow(shipment.orderId))!.status, 'OUT_FOR_DELIVERY');
    assert.equal(
      sandbox.sent.filter((n) => n.dedupeKey.startsWith(`order-shipped:${shipment.orderId}`)).length,
      1,
      'one dispatch notice',
    );

    // The same push delivered again later is answered as a duplicate.
    const replay = await sandbox.app.request(
      `/api/v1/webhooks/couriers/sweettracker?token=jangteo-sandbox-courier-webhook`,
      { body: deliveries[0]!.body },
    );
    assert.deepEqual(await replay.json(), { received: true, applied: false, duplicate: true });
    await terminateAtRest(handle, 'test over');
  });

  test('a corrected invoice replaces the first: tracking starts over for it and the buyer gets the new number', async () => {
    const shipment = input();
    const handle = await start(shipment);
    const first = await ship(handle, shipment);
    sandbox.simulator.advance(first.code, first.invoiceNumber, 2);
    await sandbox.simulator.flushCallbacks();
    await eventually(async () => (await shipmentRow(shipment.orderId))!.status === 'PICKED_UP');

    const second = await ship(handle, shipment, 'CJ');
    assert.equal((await shipmentRow(shipment.orderId))!.status, 'READY');
    await eventually(async () =>
      sandbox.sent.find(
        (n) => n.dedupeKey.endsWith(`:${second.invoiceNumber}`) && n.templateCode === 'ORDER_SHIPPED',
      ),
    );
    // Steps of the first invoice pushed late are taken and ignored.
    sandbox.simulator.advance(first.code, first.invoiceNumber, 6);
    await sandbox.simulator.flushCallbacks();
    assert.equal((await handle.query(shipmentStateQuery)).status, 'READY');
    sandbox.simulator.advance(second.code, second.invoiceNumber, 6);
    await sandbox.simulator.flushCallbacks();
    const result = (await handle.result()) as ShipmentResult;
    assert.equal(result.invoiceNumber, second.invoiceNumber);
  });

  test('cancelled by the parent (part cancelled or returned): the shipment is CANCELLED and later pushes are ignored', async () => {
    const shipment = input();
    const handle = await start(shipment);
    const { invoiceNumber, code } = await ship(handle, shipment);
    await handle.cancel();
    await assert.rejects(handle.result(), (error: unknown) => error instanceof WorkflowFailedError);
    await eventually(async () => (await shipmentRow(shipment.orderId))!.status === 'CANCELLED');
    assert.notEqual((await shipmentRow(shipment.orderId))!.cancelled_at, null);

    sandbox.simulator.advance(code, invoiceNumber, 1);
    await sandbox.simulator.flushCallbacks();
    const delivery = sandbox.simulator.state.deliveries.find((d) => d.body.invoice_no === invoiceNumber);
    assert.equal(delivery?.status, 200);
    assert.equal((await storedEvents(shipment.orderId)).length, 0);
    assert.equal((await shipmentRow(shipment.orderId))!.status, 'CANCELLED');
  });
});
