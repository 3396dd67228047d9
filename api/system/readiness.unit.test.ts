import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHealthRoutes } from './health.routes';

const hangs = () => new Promise<void>(() => undefined);
const up = async () => undefined;
const refuses = async () => {
  throw new Error('connect ECONNREFUSED');
};

describe('readiness: what a load balancer needs', () => {
  test('Temporal restarting (its check hangs): answered within 1.5 s, 200 degraded', async () => {
    const app = createHealthRoutes([
      { name: 'database', check: up },
      { name: 'temporal', check: hangs, required: false },
    ]);
    const started = performance.now();
    const response = await app.request('/readyz');
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1_500, `answered in ${Math.round(elapsed)} ms`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; checks: Record<string, { error?: string }> };
    assert.equal(body.status, 'degraded');
    assert.match(body.checks.temporal!.error!, /no answer within 1000 ms/);
  });

  test('the database down (or hanging): 503 not_ready, the others still reported', async () => {
    for (const database of [refuses, hangs]) {
      const app = createHealthRoutes([
        { name: 'database', check: database },
        { name: 'redis', check: up, required: false },
      ]);
      const response = await app.request('/readyz');
      assert.equal(response.status, 503);
      const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
      assert.equal(body.status, 'not_ready');
      assert.equal(body.checks.redis!.status, 'up');
    }
  });

  test('all up: 200 ready', async () => {
    const response = await createHealthRoutes([{ name: 'database', check: up }]).request('/readyz');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { status: string }).status, 'ready');
  });
});
