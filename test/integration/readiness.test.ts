import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { composeApp } from '../../api/compose-app';
import { openInfrastructure, type Infrastructure } from '../../platform/infrastructure';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';
import { createDevServerEnvironment } from '../support/temporal';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services';

describe('health and readiness against the real dependencies', () => {
  let temporal: TestWorkflowEnvironment;
  const opened: Infrastructure[] = [];

  before(async () => {
    temporal = await createDevServerEnvironment();
  });
  after(async () => {
    for (const infrastructure of opened) await infrastructure.close();
    await temporal?.teardown();
  });

  async function appOver(redisUrl: string) {
    const infrastructure = await openInfrastructure({
      database: { kind: 'mariadb', url: TEST_DATABASE_URL },
      cache: { kind: 'redis', url: redisUrl },
      temporal: { address: temporal.address, namespace: 'default' },
    });
    opened.push(infrastructure);
    return composeApp({
      infrastructure,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      publicBaseUrl: 'http://localhost',
    });
  }

  test('all up: /readyz answers 200 and reports database, Redis and Temporal one by one', async () => {
    const app = await appOver(TEST_REDIS_URL);
    const live = await app.request('/healthz');
    assert.equal(live.status, 200);
    const response = await app.request('/readyz');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
    assert.equal(body.status, 'ready');
    assert.deepEqual(Object.keys(body.checks).sort(), ['database', 'redis', 'temporal']);
    for (const check of Object.values(body.checks)) assert.equal(check.status, 'up');
  });

  test('Redis down: /readyz stays 200 but says degraded, naming Redis; /healthz stays 200', async () => {
    const app = await appOver('redis://127.0.0.1:1');
    const started = performance.now();
    const response = await app.request('/readyz');
    assert.ok(performance.now() - started < 1_500, 'answered within the probe budget');
    assert.equal(response.status, 200, 'requests still succeed without Redis: stay in the load balancer');
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string; required: boolean; error?: string }>;
    };
    assert.equal(body.status, 'degraded');
    assert.equal(body.checks.redis!.status, 'down');
    assert.equal(body.checks.redis!.required, false);
    assert.ok(body.checks.redis!.error);
    assert.equal(body.checks.database!.status, 'up');
    assert.equal(body.checks.database!.required, true);
    assert.equal(body.checks.temporal!.status, 'up');
    assert.equal((await app.request('/healthz')).status, 200);
  });

  test('process metrics are exported for Prometheus', async () => {
    const app = await appOver(TEST_REDIS_URL);
    const text = await (await app.request('/metrics')).text();
    assert.match(text, /process_resident_memory_bytes/);
    assert.match(text, /# TYPE http_request_duration_seconds histogram/);
  });
});
