import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uuidv7 } from '../../platform/ids';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { signUpConsumer, signUpSeller } from '../support/identity';
import { address, cardPayment, createProduct } from '../support/ordering';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/services';
import { createDevServerEnvironment } from '../support/temporal';
import type { TestApp } from '../support/test-app';
import { testIdentitySettings } from '../support/test-identity';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const ROOT = resolve(__dirname, '..', '..');

/**
 * One order, one trace (docs/observability.md#tracing): the API and the worker run as production
 * runs them, in processes of their own, both exporting to a local OTLP receiver. The trace of the
 * order's POST holds the API's server span, the Temporal client's StartWorkflow, the worker's
 * workflow and activity spans (the stock released when the buyer cancels), MariaDB queries and Redis
 * commands; the API's log line of the
 * request carries its trace id.
 */
describe('tracing across the API and the worker (OTLP receiver, dev server)', () => {
  let env: TestWorkflowEnvironment;
  let receiver: OtlpReceiver;
  let api: ChildProcess;
  const apiOutput: string[] = [];
  let worker: WorkerProcess;
  let baseUrl: string;

  before(async () => {
    receiver = await startOtlpReceiver();
    env = await createDevServerEnvironment();
    const identity = testIdentitySettings();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        PORT: String(port),
        PUBLIC_BASE_URL: baseUrl,
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: TEST_REDIS_URL,
        TEMPORAL_ADDRESS: env.address,
        PII_ENCRYPTION_KEYS: identity.piiKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(','),
        PII_HASH_KEY: identity.piiHashKey.toString('base64'),
        JWT_SECRET: 'tracing-test-api-signing-key-0123456789abcdef',
        // The test identity's admin password contains its e-mail's local part, which sign-up refuses.
        ADMIN_EMAIL: 'operator@jangteo.test',
        ADMIN_PASSWORD: 'Tracing-Bootstrap-Secret-42',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        SHUTDOWN_GRACE_SECONDS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => apiOutput.push(chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => apiOutput.push(chunk.toString()));
    worker = await startWorkerProcess({
      TEMPORAL_ADDRESS: env.address,
      PUBLIC_BASE_URL: baseUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      SHUTDOWN_GRACE_SECONDS: '2',
    });
    await eventually(
      async () => {
        if (api.exitCode !== null) throw new Error(`the API exited:\n${apiOutput.join('')}`);
        return fetch(`${baseUrl}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
      },
      { what: 'the API process to listen', timeoutMs: 120_000, everyMs: 250 },
    );
    await worker.ready();
  });

  after(async () => {
    await worker?.stop();
    if (api && api.exitCode === null) {
      const gone = new Promise((done) => api.once('exit', done));
      api.kill('SIGTERM');
      await gone;
    }
    await env?.teardown();
    await receiver?.close();
  });

  /** The spawned API, called over HTTP the way test/support's helpers call an app. */
  const remote = {
    request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...init.headers };
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      if (body) headers['content-type'] = 'application/json';
      return fetch(`${baseUrl}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    },
  } as unknown as TestApp;

  test('one order: a trace from the API through Temporal to the worker, MariaDB and Redis', async () => {
    const seller = await signUpSeller(remote);
    const consumer = await signUpConsumer(remote);
    const product = await createProduct(remote, seller, { price: 19_000, stocks: [5] });
    const placed = await remote.request('/api/v1/orders', {
      headers: { ...consumer.auth, 'idempotency-key': uuidv7() },
      body: {
        items: [{ variantId: product.variantIds[0], quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(placed.status, 201, await placed.clone().text());
    const requestId = placed.headers.get('x-request-id');
    const order = (await placed.json()) as { id: string };

    const server = await eventually(
      () =>
        receiver.spans.find(
          (span) => span.service === 'jangteo-api' && span.name === 'POST /api/v1/orders' && span.kind === 2,
        ),
      { what: 'the API’s server span of POST /api/v1/orders', timeoutMs: 20_000 },
    );
    const inTrace = () => receiver.spans.filter((span) => span.traceId === server.traceId);
    const has = (what: string, match: (span: ReceivedSpan) => boolean) =>
      eventually(() => inTrace().find(match), { what, timeoutMs: 30_000 }).catch((error: Error) => {
        const seen = inTrace().map(
          (span) => `${span.service} ${span.name} ${String(span.attributes.workflowId)}`,
        );
        throw new Error(`${error.message}; trace ${server.traceId} holds:\n${seen.join('\n')}`);
      });

    await has(
      'StartWorkflow by the API',
      (s) => s.service === 'jangteo-api' && s.name.startsWith('StartWorkflow:'),
    );
    // The order waits for payment with nothing to do (generation 5 sends no notice at once): the
    // buyer's cancel makes it release the stock, steps of the workflow's own run and so of this trace.
    const cancelled = await remote.request(`/api/v1/orders/${order.id}/cancel`, {
      headers: { ...consumer.auth, 'idempotency-key': uuidv7() },
      body: { reason: '단순 변심' },
    });
    assert.equal(cancelled.status, 200, await cancelled.clone().text());
    // Workflow spans leave the sandbox when they end: the workflow's scheduling of an activity shows
    // it continued the trace.
    await has(
      'the order workflow scheduling an activity',
      (s) =>
        s.service === 'jangteo-worker' &&
        s.name.startsWith('StartActivity:') &&
        s.attributes.workflowId === `order:${order.id}`,
    );
    await has(
      'RunActivity in the worker',
      (s) => s.service === 'jangteo-worker' && s.name.startsWith('RunActivity:'),
    );
    await has(
      'a MariaDB query by the API',
      (s) => s.service === 'jangteo-api' && s.attributes['db.system'] === 'mysql',
    );
    await has(
      'a MariaDB query by an activity',
      (s) => s.service === 'jangteo-worker' && s.attributes['db.system'] === 'mysql',
    );
    await has('a Redis command', (s) => s.attributes['db.system'] === 'redis');

    // The request's own log line names the trace.
    const line = apiOutput
      .join('')
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.msg === 'request' && entry.requestId === requestId);
    assert.ok(line, `no request log line for ${requestId}`);
    assert.equal(line.trace_id, server.traceId);
  });
});
