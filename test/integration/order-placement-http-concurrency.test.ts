import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import { uuidv7 } from '../../platform/ids';
import { signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { address, cardPayment, createProduct } from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

describe('POST /orders under contention (HTTP, MariaDB, Redis, Temporal)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let seller: TestAccount;
  let buyers: TestAccount[];

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    seller = await signUpSeller(app);
    buyers = await Promise.all(Array.from({ length: 10 }, () => signUpConsumer(app)));
  });

  after(async () => {
    await app?.close();
    await env?.teardown();
  });

  test('200 concurrent orders for a variant with 50 in stock: exactly 50 placed, each with its workflow; 150 OUT_OF_STOCK', async () => {
    const product = await createProduct(app, seller, { price: 9_900, stocks: [50] });
    const variantId = product.variantIds[0]!;
    let lowest = Number.POSITIVE_INFINITY;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const [row] = (await app.dataSource.query(
          'SELECT on_hand - reserved AS sellable FROM stock_levels WHERE variant_id = ?',
          [variantId],
        )) as Array<{ sellable: number }>;
        lowest = Math.min(lowest, Number(row!.sellable));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        app.request('/api/v1/orders', {
          headers: { ...buyers[i % buyers.length]!.auth, 'idempotency-key': uuidv7() },
          body: { items: [{ variantId, quantity: 1 }], shippingAddress: address(), payment: cardPayment },
        }),
      ),
    );
    sampling = false;
    await sampler;
    const bodies = await Promise.all(
      responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })),
    );
    const placed = bodies.filter((b) => b.status === 201);
    const refused = bodies.filter((b) => b.status === 409);
    assert.equal(placed.length, 50);
    assert.equal(refused.length, 150);
    assert.ok(refused.every((b) => b.body.code === 'OUT_OF_STOCK'));
    assert.ok(lowest >= 0, `sellable never below 0 (lowest seen ${lowest})`);
    const [level] = (await app.dataSource.query(
      'SELECT on_hand, reserved FROM stock_levels WHERE variant_id = ?',
      [variantId],
    )) as Array<{ on_hand: number; reserved: number }>;
    assert.deepEqual([Number(level!.on_hand), Number(level!.reserved)], [50, 50]);
    const [{ n }] = (await app.dataSource.query(
      'SELECT COUNT(*) AS n FROM order_lines WHERE variant_id = ?',
      [variantId],
    )) as Array<{ n: number }>;
    assert.equal(Number(n), 50, 'no order stored for a refused request');
    const described = await Promise.all(
      placed.map((p) => env.client.workflow.getHandle(orderWorkflowId(p.body.id as string)).describe()),
    );
    assert.ok(
      described.every((d) => d.status.name === 'RUNNING'),
      'every placed order has its OrderLifecycle',
    );
  });
});
