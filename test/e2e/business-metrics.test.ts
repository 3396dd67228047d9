import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { openJourney, type Journey } from '../support/journey';

/**
 * The business metrics the alert rules and the dashboard read (docs/deployment.md#alerts-and-dashboard),
 * as Prometheus scrapes them: the API's /metrics counts placements, the worker's counts what its
 * activities did. Read as text after each action, compared with the value before it.
 */
describe('business metrics on /metrics (dev server, worker process, simulators)', () => {
  let shop: Journey;
  let temporalMetricsUrl: string;

  before(async () => {
    const port = await freePort();
    temporalMetricsUrl = `http://127.0.0.1:${port}/metrics`;
    shop = await openJourney({ workerEnv: { TEMPORAL_METRICS_BIND_ADDRESS: `127.0.0.1:${port}` } });
  });

  after(async () => {
    await shop?.close();
  });

  /** The sum of a counter's samples whose labels include `labels`, as the exposition text says. */
  function value(text: string, name: string, labels: Record<string, string> = {}): number {
    let sum = 0;
    for (const line of text.split('\n')) {
      const match = /^([a-z_:]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line);
      if (match?.[1] !== name) continue;
      const found = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1]!, pair[2]!]),
      );
      if (Object.entries(labels).every(([key, wanted]) => found[key] === wanted)) sum += Number(match[3]);
    }
    return sum;
  }

  const workerMetrics = async () => (await fetch(shop.worker.metricsUrl)).text();
  const apiMetrics = async () => (await shop.app.app.ops.request('/metrics')).text();

  test('placed, declined, approved, paid, cancelled and refunded: each counted once, where it happened', async () => {
    const api0 = await apiMetrics();
    const worker0 = await workerMetrics();
    const grew = async (name: string, labels: Record<string, string>, by: number) => {
      const delta = async () => value(await workerMetrics(), name, labels) - value(worker0, name, labels);
      await eventually(async () => (await delta()) >= by, {
        what: `${name}${JSON.stringify(labels)} +${by}`,
        timeoutMs: 30_000,
      });
      assert.equal(await delta(), by, `${name}${JSON.stringify(labels)}`);
    };

    const product = await shop.product([3], 21_000);
    const order = await shop.placeOrder(product.variantIds[0]!);
    const placed = (text: string) => value(text, 'orders_total', { event: 'placed' });
    assert.equal(placed(await apiMetrics()) - placed(api0), 1, 'the API counts the placement');

    // The PG refuses the card: a declined attempt, the order still unpaid.
    await shop.pgFaults({ decline: { code: 'REJECT_CARD_PAYMENT', times: 1 } });
    const declined = await shop.payInWindow(order);
    assert.equal(declined.landedOn.searchParams.get('status'), 'FAILED');
    await grew('payment_attempts_total', { pg: 'TOSS', outcome: 'declined' }, 1);

    const fresh = await shop.call(`/orders/${order.id}/payments/checkout`, shop.consumer, { method: 'POST' });
    assert.equal(fresh.status, 200);
    await shop.payInWindow({ ...order, payment: fresh.body });
    await shop.until(order.id, 'PAID');
    await grew('payment_attempts_total', { pg: 'TOSS', outcome: 'approved' }, 1);
    await grew('orders_total', { event: 'paid' }, 1);
    // The receipt goes out by AlimTalk through the notification simulator.
    await eventually(
      async () =>
        value(await workerMetrics(), 'notifications_total', { channel: 'ALIMTALK', outcome: 'sent' }) >
        value(worker0, 'notifications_total', { channel: 'ALIMTALK', outcome: 'sent' }),
      { what: 'a notification counted as sent', timeoutMs: 30_000 },
    );

    const cancelled = await shop.call(`/orders/${order.id}/cancel`, shop.consumer, {
      body: { reason: '단순 변심' },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    await grew('orders_total', { event: 'cancelled' }, 1);
    await grew('refunds_total', { outcome: 'done' }, 1);

    // A refused repeat changes nothing and counts nothing.
    const again = await shop.call(`/orders/${order.id}/cancel`, shop.consumer, { body: { reason: '다시' } });
    assert.notEqual(again.status, 500);
    const last = await workerMetrics();
    for (const [name, labels] of [
      ['orders_total', { event: 'paid' }],
      ['orders_total', { event: 'cancelled' }],
      ['payment_attempts_total', { outcome: 'approved' }],
      ['refunds_total', {}],
    ] as const)
      assert.equal(
        value(last, name, labels) - value(worker0, name, labels),
        1,
        `${name} ${JSON.stringify(labels)}`,
      );
    assert.equal(value(last, 'orders_total', { event: 'placed' }), 0, 'placements are the API’s');
  });

  test('TEMPORAL_METRICS_BIND_ADDRESS: the worker serves the Temporal SDK’s own metrics there', async () => {
    const text = await eventually(
      async () => {
        const body = await fetch(temporalMetricsUrl).then(
          (r) => r.text(),
          () => '',
        );
        return /^temporal_worker_task_slots_available\{/m.test(body) && body;
      },
      { what: 'temporal_worker_task_slots_available on the SDK’s /metrics', timeoutMs: 20_000 },
    );
    assert.match(text, /task_queue="ordering"/);
  });
});
