import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Hono } from 'hono';
import { serveApp, type ServedSimulator } from '../shared/serve-app';
import { createCourierSimulator, SANDBOX_SWEETTRACKER_KEY } from './courier.simulator';

describe('courier simulator — SweetTracker contract', () => {
  const simulator = createCourierSimulator({ callbackRetryDelaysMs: [20, 20] });
  let running: ServedSimulator;
  let shop: ServedSimulator;
  const received: Array<Record<string, unknown>> = [];
  let refuseNext = 0;

  before(async () => {
    running = await simulator.start();
    const app = new Hono();
    app.post('/hook', async (c) => {
      const body = (await c.req.json()) as Record<string, unknown>;
      if (refuseNext > 0) {
        refuseNext -= 1;
        return c.text('busy', 503);
      }
      received.push(body);
      return c.json({ ok: true });
    });
    shop = await serveApp(app);
  });
  after(async () => {
    await running.close();
    await shop.close();
  });
  beforeEach(async () => {
    await simulator.flushCallbacks();
    simulator.reset();
    received.length = 0;
    refuseNext = 0;
  });

  const get = async (path: string, query: Record<string, string>) => {
    const response = await fetch(`${running.url}${path}?${new URLSearchParams(query)}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const register = (num: string, code = '04', fid = `fid-${num}`) =>
    fetch(`${running.url}/add_invoice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        num,
        code,
        fid,
        callback_url: `${shop.url}/hook`,
        callback_type: 'json',
        key: SANDBOX_SWEETTRACKER_KEY,
      }),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const control = (path: string, body: unknown = {}) =>
    fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('errors are HTTP 200 with {status: false, code, msg}: unknown key 101, unknown invoice 104', async () => {
    const badKey = await get('/api/v1/trackingInfo', { t_key: 'x', t_code: '04', t_invoice: '123456789012' });
    assert.equal(badKey.status, 200);
    assert.deepEqual([badKey.body.status, badKey.body.code], [false, '101']);
    const unknown = await get('/api/v1/trackingInfo', {
      t_key: SANDBOX_SWEETTRACKER_KEY,
      t_code: '04',
      t_invoice: '123456789012',
    });
    assert.deepEqual([unknown.status, unknown.body.status, unknown.body.code], [200, false, '104']);
    assert.equal(typeof unknown.body.msg, 'string');
  });

  test('trackingInfo answers the documented fields, details with epoch time, Korean time string and level', async () => {
    await control('/__sim/parcels', { code: '08', invoice: '500000000010', level: 3 });
    const { body } = await get('/api/v1/trackingInfo', {
      t_key: SANDBOX_SWEETTRACKER_KEY,
      t_code: '08',
      t_invoice: '500000000010',
    });
    assert.equal(body.result, 'Y');
    assert.deepEqual([body.level, body.complete, body.completeYN], [3, false, 'N']);
    const details = body.trackingDetails as Array<Record<string, unknown>>;
    assert.deepEqual(
      details.map((d) => d.level),
      [1, 2, 3],
    );
    assert.equal(typeof details[0]!.time, 'number');
    assert.match(String(details[0]!.timeString), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.deepEqual(body.lastDetail, details[2]);
    const companies = (await get('/api/v1/companylist', { t_key: SANDBOX_SWEETTRACKER_KEY })).body;
    assert.ok((companies.Company as Array<{ Code: string }>).some((c) => c.Code === '05'));
  });

  test('push: one JSON callback per step with fid, invoice, code, level and Korean time', async () => {
    assert.deepEqual(await register('630123456789', '05'), { success: true, e_code: null, e_message: null });
    await control('/__sim/parcels/05/630123456789/advance', { level: 2 });
    await simulator.flushCallbacks();
    assert.deepEqual(
      received.map((r) => [r.fid, r.invoice_no, r.code, r.level, r.details]),
      [
        ['fid-630123456789', '630123456789', '05', 1, '상품인수'],
        ['fid-630123456789', '630123456789', '05', 2, '집화처리'],
      ],
    );
    assert.match(String(received[0]!.time_trans), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  test('fault knobs: held pushes flushed newest first, duplicates, and retries of a refused push', async () => {
    await register('123456789013');
    await control('/__sim/faults', { holdCallbacks: true });
    await control('/__sim/parcels/04/123456789013/advance', { level: 3 });
    await simulator.flushCallbacks();
    assert.equal(received.length, 0);
    assert.deepEqual(await (await control('/__sim/webhooks/flush')).json(), { delivered: 3 });
    await simulator.flushCallbacks();
    assert.deepEqual(
      received.map((r) => r.level),
      [3, 2, 1],
    );

    received.length = 0;
    await control('/__sim/faults', { holdCallbacks: false, duplicateCallbacks: true });
    await control('/__sim/parcels/04/123456789013/advance');
    await simulator.flushCallbacks();
    assert.deepEqual(
      received.map((r) => r.level),
      [4, 4],
    );

    received.length = 0;
    await control('/__sim/faults', { duplicateCallbacks: false });
    refuseNext = 1;
    await control('/__sim/parcels/04/123456789013/advance');
    await new Promise((done) => setTimeout(done, 100));
    await simulator.flushCallbacks();
    assert.deepEqual(
      received.map((r) => r.level),
      [5],
    );
    const deliveries = (await (await fetch(`${running.url}/__sim/webhooks`)).json()) as {
      deliveries: Array<{ attempts: number; status: number; body: { level: number } }>;
    };
    const last = deliveries.deliveries.at(-1)!;
    assert.deepEqual([last.body.level, last.attempts, last.status], [5, 2, 200]);
  });

  test('unknown fault knobs are refused; /reset forgets parcels and faults', async () => {
    const refused = await control('/__sim/faults', { explode: true });
    assert.equal(refused.status, 400);
    await control('/__sim/faults', { dropCallbacks: true });
    await control('/__sim/parcels', { code: '04', invoice: '1234567890', level: 1 });
    assert.equal((await control('/reset')).status, 204);
    const parcels = (await (await fetch(`${running.url}/__sim/parcels`)).json()) as { parcels: unknown[] };
    assert.deepEqual(parcels.parcels, []);
    const faults = (await (await fetch(`${running.url}/__sim/faults`)).json()) as { dropCallbacks: boolean };
    assert.equal(faults.dropCallbacks, false);
  });

  test('sandbox auto-progress is configurable at run time (0 stops it)', async () => {
    await register('1234567890');
    assert.deepEqual(await (await control('/__sim/config', { stepIntervalMs: 25 })).json(), {
      stepIntervalMs: 25,
    });
    await new Promise((done) => setTimeout(done, 300));
    await control('/__sim/config', { stepIntervalMs: 0 });
    const { body } = await get('/api/v1/trackingInfo', {
      t_key: SANDBOX_SWEETTRACKER_KEY,
      t_code: '04',
      t_invoice: '1234567890',
    });
    assert.deepEqual([body.level, body.completeYN], [6, 'Y']);
    assert.equal((await control('/__sim/config', { stepIntervalMs: -1 })).status, 400);
  });
});
