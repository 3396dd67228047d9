import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../domain/shared/domain-error';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import { createApp } from './app';
import { createRouter } from './router';

const echo = createRoute({
  method: 'post',
  path: '/echo',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ name: z.string().min(1).max(5), quantity: z.number().int().positive() }),
        },
      },
    },
  },
  responses: {
    200: { description: 'ok', content: { 'application/json': { schema: z.object({ name: z.string() }) } } },
  },
});

function appWith(lines: string[] = []) {
  const routes = createRouter();
  routes.openapi(echo, (c) => c.json({ name: c.req.valid('json').name }, 200));
  routes.get('/boom', () => {
    throw new Error('database password is hunter2');
  });
  routes.get('/sold-out', () => {
    throw new DomainError('OUT_OF_STOCK_TEST', 'Only 2 left', { available: 2 });
  });
  const destination = { write: (line: string) => void lines.push(line) };
  return createApp({
    logger: createLogger({ level: 'info', destination }),
    metrics: createMetrics({ collectProcessMetrics: false }),
    newId: () => 'req-1',
    readinessChecks: [],
    apiRoutes: [routes],
  });
}

async function problemOf(response: Response) {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

describe('error shape (RFC 9457 problem details)', () => {
  test('an unknown route answers 404 problem+json with a stable code', async () => {
    const response = await appWith().request('/api/v1/nothing-here');
    assert.equal(response.status, 404);
    const body = await problemOf(response);
    assert.equal(body.code, 'ROUTE_NOT_FOUND');
    assert.equal(body.status, 404);
    assert.equal(body.instance, '/api/v1/nothing-here');
    assert.equal(body.requestId, 'req-1');
  });

  test('invalid input answers 400 naming every offending field', async () => {
    const response = await appWith().request('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'too long name', quantity: -1 }),
    });
    assert.equal(response.status, 400);
    const body = await problemOf(response);
    assert.equal(body.code, 'VALIDATION_FAILED');
    const fields = (body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    assert.deepEqual(fields, ['body.name', 'body.quantity']);
  });

  test('malformed JSON is the client’s fault: 400, not 500', async () => {
    const response = await appWith().request('/api/v1/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    assert.equal(response.status, 400);
    assert.equal((await problemOf(response)).code, 'MALFORMED_REQUEST');
  });

  test('a domain rule carries its code and details to the client', async () => {
    const response = await appWith().request('/api/v1/sold-out');
    assert.equal(response.status, 422);
    const body = await problemOf(response);
    assert.equal(body.code, 'OUT_OF_STOCK_TEST');
    assert.equal(body.available, 2);
  });

  test('an internal failure answers 500 without leaking its message, and is logged', async () => {
    const lines: string[] = [];
    const response = await appWith(lines).request('/api/v1/boom');
    assert.equal(response.status, 500);
    const body = await problemOf(response);
    assert.equal(body.code, 'INTERNAL_ERROR');
    assert.doesNotMatch(JSON.stringify(body), /hunter2/);
    assert.ok(lines.some((line) => line.includes('"level":"error"') && line.includes('hunter2')));
  });

  test('a sane caller request id is echoed, a hostile one replaced', async () => {
    const app = appWith();
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(kept.headers.get('x-request-id'), 'abc-123');
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'x'.repeat(300) } });
    assert.equal(replaced.headers.get('x-request-id'), 'req-1');
  });

  test('the OpenAPI document is generated from the route definitions', async () => {
    const response = await appWith().request('/api/v1/openapi.json');
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(document.openapi, '3.1.0');
    assert.ok(document.paths['/api/v1/echo']);
    assert.ok(document.paths['/readyz']);
  });

  test('metrics expose request durations by route template and status', async () => {
    const app = appWith();
    await app.request('/api/v1/sold-out');
    const text = await (await app.request('/metrics')).text();
    assert.match(
      text,
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/sold-out",status="422"\} 1/,
    );
  });
});
