import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { listen, type RunningServer } from '../../platform/http-server';
import {
  createCourierSimulator,
  SANDBOX_SWEETTRACKER_KEY,
  type CourierFaults,
} from '../../simulators/courier/courier.simulator';
import type { ServedSimulator } from '../../simulators/shared/serve-app';
import { COURIERS } from '../../domain/shipping/courier';
import { parseSweetTrackerCallback } from './sweettracker-callback';
import { SweetTrackerTracker } from './sweettracker.tracker';

describe('SweetTracker adapter against the courier simulator', () => {
  const simulator = createCourierSimulator({ callbackRetryDelaysMs: [] });
  let running: ServedSimulator;
  let receiver: RunningServer;
  const received: unknown[] = [];
  let tracker: SweetTrackerTracker;
  let callbackUrl: string;
  let seq = 0;
  const invoice = () => `6${String(process.pid).padStart(6, '0').slice(-6)}${String(++seq).padStart(5, '0')}`;

  before(async () => {
    running = await simulator.start();
    receiver = await listen(
      async (request) => {
        received.push(await request.json());
        return Response.json({ received: true });
      },
      0,
      '127.0.0.1',
    );
    callbackUrl = `http://127.0.0.1:${receiver.port}/callback?token=t`;
    tracker = new SweetTrackerTracker({
      apiBaseUrl: running.url,
      apiKey: SANDBOX_SWEETTRACKER_KEY,
      push: { baseUrl: running.url },
      timeoutMs: 500,
    });
  });
  after(async () => {
    await running.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await simulator.flushCallbacks();
    simulator.reset();
    received.length = 0;
  });

  const faults = (knobs: Partial<CourierFaults>) => simulator.setFaults(knobs);

  test("the courier list has every courier we ship with under SweetTracker's codes", async () => {
    const couriers = await tracker.couriers();
    const byCode = new Map(couriers.map((c) => [c.code, c.name]));
    for (const courier of Object.values(COURIERS))
      assert.equal(byCode.get(courier.trackerCode), courier.label);
  });

  test('우체국, 로젠, 경동 and 대신 parcels are looked up under codes 01, 06, 23 and 22', async () => {
    const numbers = {
      EPOST: '6012345678901',
      LOGEN: '12345678901',
      KDEXP: '3012345678',
      DAESIN: '5012345678901',
    };
    for (const [courier, number] of Object.entries(numbers) as [keyof typeof numbers, string][]) {
      await tracker.register({ courier, invoiceNumber: number, reference: `ship-${courier}`, callbackUrl });
      const code = COURIERS[courier].trackerCode;
      assert.ok(simulator.state.parcels.has(`${code}:${number}`), `${courier} registered under ${code}`);
      simulator.advance(code, number, 2);
      const found = await tracker.lookUp(courier, number);
      assert.equal(found.kind === 'found' && found.events.at(-1)?.status, 'PICKED_UP', courier);
    }
  });

  test('an invoice the courier has not scanned yet is not found (104), not an outage', async () => {
    const result = await tracker.lookUp('CJ', invoice());
    assert.equal(result.kind, 'not_found');
    assert.equal(result.kind === 'not_found' && result.code, '104');
  });

  test('a registered parcel is looked up by courier code and invoice, levels mapped to our statuses', async () => {
    const number = invoice();
    assert.deepEqual(
      await tracker.register({ courier: 'HANJIN', invoiceNumber: number, reference: 'ship-1', callbackUrl }),
      { kind: 'registered' },
    );
    const parcel = simulator.state.parcels.get(`05:${number}`);
    assert.deepEqual(
      parcel?.registrations.map((r) => [r.fid, r.callbackUrl, r.callbackType]),
      [['ship-1', callbackUrl, 'json']],
    );

    simulator.advance('05', number, 4);
    const midway = await tracker.lookUp('HANJIN', number);
    assert.equal(midway.kind, 'found');
    if (midway.kind !== 'found') return;
    assert.equal(midway.complete, false);
    assert.deepEqual(
      midway.events.map((e) => [e.level, e.status, e.description, e.where]),
      [
        [1, 'READY', '상품인수', '서울강남'],
        [2, 'PICKED_UP', '집화처리', '서울강남'],
        [3, 'IN_TRANSIT', '간선상차', '옥천HUB'],
        [4, 'IN_TRANSIT', '간선하차', '대전유성'],
      ],
    );
    // The answer carries the receiver's (masked) name and address and the driver's phone: none of it is kept.
    assert.doesNotMatch(JSON.stringify(midway), /김\*비|유성구|010-1234-5678|김기사/);

    simulator.advance('05', number, 6);
    const done = await tracker.lookUp('HANJIN', number);
    assert.equal(done.kind === 'found' && done.complete, true);
    assert.equal(done.kind === 'found' && done.events.at(-1)?.status, 'DELIVERED');
  });

  test('each step is pushed to the callback URL in a shape the callback parser reads', async () => {
    const number = invoice();
    await tracker.register({ courier: 'LOTTE', invoiceNumber: number, reference: 'ship-2', callbackUrl });
    simulator.advance('08', number, 2);
    await simulator.flushCallbacks();
    assert.equal(received.length, 2);
    const parsed = received.map(parseSweetTrackerCallback);
    assert.deepEqual(
      parsed.map((p) =>
        p.kind === 'callback'
          ? [p.callback.reference, p.callback.courier, p.callback.invoiceNumber, p.callback.events[0]!.status]
          : p.reason,
      ),
      [
        ['ship-2', 'LOTTE', number, 'READY'],
        ['ship-2', 'LOTTE', number, 'PICKED_UP'],
      ],
    );
    // The pushed step and the looked-up step are the same event (same key): no double counting.
    const lookup = await tracker.lookUp('LOTTE', number);
    assert.equal(lookup.kind, 'found');
    if (lookup.kind === 'found' && parsed[1]!.kind === 'callback')
      assert.equal(lookup.events[1]!.key, parsed[1]!.callback.events[0]!.key);
  });

  test('errors answered as HTTP 200 {status: false}: bad key, quota, and the outage kinds', async () => {
    const wrongKey = new SweetTrackerTracker({ apiBaseUrl: running.url, apiKey: 'nope', timeoutMs: 500 });
    const refused = await wrongKey.lookUp('CJ', invoice());
    assert.deepEqual([refused.kind, refused.kind === 'unavailable' && refused.code], ['unavailable', '101']);

    faults({ lookupErrorCode: '103', lookupErrorCount: 1 });
    const quota = await tracker.lookUp('CJ', invoice());
    assert.deepEqual([quota.kind, quota.kind === 'unavailable' && quota.code], ['unavailable', '103']);

    faults({ serverErrors: 1 });
    const down = await tracker.lookUp('CJ', invoice());
    assert.deepEqual([down.kind, down.kind === 'unavailable' && down.code], ['unavailable', 'HTTP_500']);

    faults({ latencyMs: 800 });
    const slow = await tracker.lookUp('CJ', invoice());
    assert.deepEqual([slow.kind, slow.kind === 'unavailable' && slow.code], ['unavailable', 'TIMEOUT']);
  });

  test('registration: refused by the tracker, or not offered without a push contract', async () => {
    faults({ registerErrorCode: '103' });
    const refused = await tracker.register({
      courier: 'CJ',
      invoiceNumber: invoice(),
      reference: 'x',
      callbackUrl,
    });
    assert.deepEqual([refused.kind, refused.kind === 'failed' && refused.code], ['failed', '103']);
    const lookUpsOnly = new SweetTrackerTracker({
      apiBaseUrl: running.url,
      apiKey: SANDBOX_SWEETTRACKER_KEY,
    });
    assert.deepEqual(
      await lookUpsOnly.register({ courier: 'CJ', invoiceNumber: invoice(), reference: 'x', callbackUrl }),
      { kind: 'unsupported' },
    );
  });

  test('sandbox mode: a registered parcel reaches DELIVERED by itself, one step per interval', async () => {
    const sandbox = createCourierSimulator({ stepIntervalMs: 40 });
    const served = await sandbox.start();
    try {
      const local = new SweetTrackerTracker({
        apiBaseUrl: served.url,
        apiKey: SANDBOX_SWEETTRACKER_KEY,
        push: { baseUrl: served.url },
      });
      const number = invoice();
      await local.register({ courier: 'CJ', invoiceNumber: number, reference: 'auto', callbackUrl });
      const deadline = Date.now() + 5_000;
      let last = await local.lookUp('CJ', number);
      while (!(last.kind === 'found' && last.complete) && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 40));
        last = await local.lookUp('CJ', number);
      }
      assert.equal(last.kind === 'found' && last.complete, true);
      assert.deepEqual(last.kind === 'found' && last.events.map((e) => e.level), [1, 2, 3, 4, 5, 6]);
      await sandbox.flushCallbacks();
      assert.ok(received.filter((r) => (r as { fid?: string }).fid === 'auto').length >= 6);
    } finally {
      await served.close();
    }
  });
});
