import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uuidv7 } from '../../platform/ids';
import { eventually } from '../support/eventually';
import { signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { address, cardPayment, createProduct } from '../support/ordering';
import { startOwnRedis, type OwnRedis } from '../support/own-redis';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Redis stopped under a running API (issue 17): orders are still taken, guarded by the unique
 * (buyer, Idempotency-Key) index alone, and what truly needs Redis answers 503 with Retry-After —
 * never 500.
 */
describe('Redis outage (own redis-server, MariaDB, Temporal)', () => {
  let env: TestWorkflowEnvironment;
  let redis: OwnRedis;
  let app: TestApp;
  let seller: TestAccount;
  let buyer: TestAccount;

  before(async () => {
    env = await createTimeSkippingEnvironment();
    redis = await startOwnRedis();
    app = await createTestApp({ temporal: env, redisUrl: redis.url });
    seller = await signUpSeller(app);
    buyer = await signUpConsumer(app);
  });

  after(async () => {
    await redis?.start().catch(() => undefined);
    await app?.close();
    await redis?.stop();
    await env?.teardown();
  });

  const order = (key: string, variantId: string, quantity = 1) =>
    app.request('/api/v1/orders', {
      headers: { ...buyer.auth, 'idempotency-key': key },
      body: { items: [{ variantId, quantity }], shippingAddress: address(), payment: cardPayment },
    });

  test('orders keep coming, each key places one order; sign-in answers 503 with Retry-After; Redis back, the guard returns', async () => {
    const product = await createProduct(app, seller, { price: 11_000, stocks: [20] });
    const variantId = product.variantIds[0]!;
    assert.equal((await order(uuidv7(), variantId)).status, 201, 'with Redis up');

    await redis.stop();
    await eventually(
      () =>
        app.kv.ping().then(
          () => false,
          () => true,
        ),
      { what: 'Redis seen down' },
    );

    const key = uuidv7();
    const first = await order(key, variantId);
    assert.equal(first.status, 201, await first.clone().text());
    const placed = (await first.json()) as { id: string };
    const again = await order(key, variantId);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await again.json()) as { id: string }).id, placed.id);
    const reused = await order(key, variantId, 2);
    assert.equal(reused.status, 422);
    assert.equal(((await reused.json()) as { code: string }).code, 'IDEMPOTENCY_KEY_REUSED');

    // Concurrent repeats of one key without the in-flight guard: the unique index makes them one order.
    const racedKey = uuidv7();
    const raced = await Promise.all(Array.from({ length: 6 }, () => order(racedKey, variantId)));
    assert.deepEqual(
      raced.map((r) => r.status),
      Array(6).fill(201),
    );
    const racedIds = new Set(
      await Promise.all(raced.map(async (r) => ((await r.json()) as { id: string }).id)),
    );
    assert.equal(racedIds.size, 1, 'one order for the key');
    const [{ n }] = (await app.dataSource.query(
      'SELECT COUNT(*) AS n FROM orders WHERE user_id = ? AND idempotency_key = ?',
      [buyer.id, racedKey],
    )) as Array<{ n: number }>;
    assert.equal(Number(n), 1);

    // Sign-in needs its throttle counters: nothing else is possible, so 503 + Retry-After.
    const signIn = await app.request('/api/v1/auth/login', {
      body: { email: buyer.email, password: buyer.password },
    });
    assert.equal(signIn.status, 503);
    assert.equal(signIn.headers.get('content-type'), 'application/problem+json');
    assert.ok(Number(signIn.headers.get('retry-after')) > 0);
    assert.equal(((await signIn.json()) as { code: string }).code, 'SERVICE_UNAVAILABLE');

    await redis.start();
    await eventually(
      () =>
        app.kv.ping().then(
          () => true,
          () => false,
        ),
      {
        what: 'Redis seen back',
        timeoutMs: 15_000,
      },
    );
    assert.equal((await order(uuidv7(), variantId)).status, 201, 'with Redis back');
  });
});
