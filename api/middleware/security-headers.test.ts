import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../app';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import { createMetrics } from '../../platform/observability/metrics';

const appWith = (http: { publicBaseUrl?: string; corsOrigins?: string[] }) =>
  createApp({
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics({ collectProcessMetrics: false }),
    newId: uuidv7,
    readinessChecks: [],
    apiRoutes: [],
    http,
  });

test('HSTS only when the public address is https', async () => {
  const secure = await appWith({ publicBaseUrl: 'https://shop.example' }).request('/healthz');
  assert.match(secure.headers.get('strict-transport-security') ?? '', /^max-age=\d+/);
  const plain = await appWith({ publicBaseUrl: 'http://localhost:3000' }).request('/healthz');
  assert.equal(plain.headers.get('strict-transport-security'), null);
});

test('CORS answers only the configured origins', async () => {
  const app = appWith({ corsOrigins: ['https://shop.example'] });
  const preflight = await app.request('/api/v1/products', {
    method: 'OPTIONS',
    headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
  });
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  const other = await app.request('/healthz', { headers: { origin: 'https://evil.example' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  assert.equal(other.headers.get('x-content-type-options'), 'nosniff');
});
