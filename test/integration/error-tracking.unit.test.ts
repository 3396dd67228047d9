import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Context as ActivityContext } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Hono } from 'hono';
import type { AppEnv } from '../../api/app-env';
import { errorHandler } from '../../api/error-handler';
import { requestContext } from '../../api/middleware/request-context';
import { DomainError } from '../../domain/shared/domain-error';
import { listen, type RunningServer } from '../../platform/http-server';
import { flushErrorTracking, startErrorTracking } from '../../platform/observability/error-tracking';
import { scrubEvent } from '../../platform/observability/personal-data-scrubber';
import { createLogger } from '../../platform/observability/logger';
import { workerObservability } from '../../platform/temporal/worker-observability';
import { startSentryReceiver, type SentryReceiver } from '../support/sentry-receiver';

/** Personal data a failing request or activity may carry; none of it may reach the error tracker. */
const PERSONAL = {
  email: 'kim.minji@example.com',
  phone: '010-9876-5432',
  phoneDigits: '01098765432',
  name: '김민지',
  card: '4111 1111 1111 1111',
  cardDigits: '4111111111111111',
  residentNumber: '900101-2345678',
  street: '서울특별시 강남구 테헤란로 123',
  token: 'eyJhbGciOiJIUzI1NiJ9.secret-access-token',
  cookie: 'session=cookie-secret-value',
  queryToken: 'query-secret-reset-token',
};

function assertNoPersonalData(text: string): void {
  for (const [kind, value] of Object.entries(PERSONAL)) assert.ok(!text.includes(value), `${kind} leaked`);
  assert.ok(!/\d{3}-\d{4}-\d{4}/.test(text), 'a phone number leaked');
}

/**
 * Error tracking (docs/observability.md#error-tracking) against a local endpoint that receives
 * Sentry envelopes: a fault in a route or a terminally failing activity arrives once, with no
 * personal data anywhere in the envelope; problems the client caused (4xx) send nothing.
 */
describe('error tracking to a Sentry endpoint', () => {
  let receiver: SentryReceiver;
  let server: RunningServer;

  before(async () => {
    receiver = await startSentryReceiver();
    assert.equal(
      startErrorTracking({
        dsn: receiver.dsn,
        environment: 'test',
        release: 'jangteo@test',
        serverName: 'test',
      }),
      true,
    );
    const app = new Hono<AppEnv>();
    app.use(
      '*',
      requestContext(createLogger({ level: 'silent' }), () => 'req-1'),
    );
    app.onError(errorHandler);
    app.post('/orders/:id/charge', async (c) => {
      const body = (await c.req.json()) as { buyer: { email: string } };
      console.warn(`charging ${body.buyer.email} at ${PERSONAL.phone}`);
      throw new Error(
        `charge failed for ${PERSONAL.name} <${PERSONAL.email}> ${PERSONAL.phone}, card ${PERSONAL.card}, ` +
          `주민번호 ${PERSONAL.residentNumber}, ${PERSONAL.street}`,
      );
    });
    app.post('/orders/:id/refused', () => {
      throw new DomainError('OUT_OF_STOCK', `no stock for ${PERSONAL.email}`);
    });
    server = await listen(app.fetch, 0, '127.0.0.1');
  });

  after(async () => {
    await server?.close();
    await receiver?.close();
  });

  const post = (path: string) =>
    fetch(`http://127.0.0.1:${server.port}${path}?token=${PERSONAL.queryToken}&email=${PERSONAL.email}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${PERSONAL.token}`,
        cookie: PERSONAL.cookie,
        'x-forwarded-for': '203.0.113.7',
      },
      body: JSON.stringify({
        buyer: { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone },
        card: { number: PERSONAL.cardDigits },
        address: PERSONAL.street,
      }),
    });

  test('a 500 from a route: exactly one event, scrubbed of personal data', async () => {
    const before = receiver.events().length;
    const response = await post('/orders/o-1/charge');
    assert.equal(response.status, 500);
    await flushErrorTracking(5000);
    const events = receiver.events().slice(before);
    assert.equal(events.length, 1, 'one event for one fault');
    const event = events[0]! as { exception?: { values?: { value?: string }[] }; environment?: string };
    assert.equal(event.environment, 'test');
    assert.match(event.exception?.values?.[0]?.value ?? '', /^charge failed for \[redacted\]/);
    assert.ok(receiver.envelopes.at(-1)!.text.includes('"name":"node"'), 'process facts are kept');
    for (const envelope of receiver.envelopes) assertNoPersonalData(envelope.text);
    assert.ok(!receiver.envelopes.some((e) => e.text.includes('203.0.113.7')), 'the client address leaked');
  });

  test('request data, user and extras as Sentry attaches them are scrubbed', () => {
    const scrubbed = JSON.stringify(
      scrubEvent({
        request: {
          url: `https://shop.example/api/v1/me?email=${PERSONAL.email}`,
          method: 'PATCH',
          headers: {
            authorization: `Bearer ${PERSONAL.token}`,
            cookie: PERSONAL.cookie,
            'content-type': 'application/json',
          },
          cookies: { session: PERSONAL.cookie },
          data: JSON.stringify({ phone: PERSONAL.phone }),
          query_string: `token=${PERSONAL.queryToken}`,
          env: { REMOTE_ADDR: '203.0.113.7' },
        },
        user: { id: 'u-1', email: PERSONAL.email, ip_address: '203.0.113.7', username: PERSONAL.name },
        extra: { buyerName: PERSONAL.name, shippingAddress: PERSONAL.street, orderId: 'o-1' },
        breadcrumbs: [
          { category: 'http', data: { url: `https://pg.example/pay?card=${PERSONAL.cardDigits}` } },
        ],
      }),
    );
    assertNoPersonalData(scrubbed);
    assert.ok(!scrubbed.includes('203.0.113.7'));
    assert.match(scrubbed, /"orderId":"o-1"/);
    assert.match(scrubbed, /"user":\{"id":"u-1"\}/);
  });

  test('problems the client caused (4xx) send nothing', async () => {
    const before = receiver.envelopes.length;
    assert.equal((await post('/orders/o-1/refused')).status, 409);
    assert.equal((await post('/nowhere')).status, 404);
    await flushErrorTracking(5000);
    assert.equal(receiver.envelopes.length, before);
  });

  test('an activity that fails terminally is reported once; refusals and retries are not', async () => {
    const reporting = workerObservability().interceptors.activity![1]!;
    const run = async (error: Error, attempt: number) => {
      const ctx = {
        info: {
          activityType: 'confirmPayment',
          workflowType: 'PaymentAttempt',
          taskQueue: 'payment',
          attempt,
          retryPolicy: { maximumAttempts: 3 },
        },
      } as unknown as ActivityContext;
      await assert.rejects(
        reporting(ctx).inbound!.execute!({ args: [], headers: {} }, () => Promise.reject(error)),
        (thrown) => thrown === error,
      );
    };
    const before = receiver.events().length;
    const fault = new Error(`PG answered garbage for ${PERSONAL.email} ${PERSONAL.phone}`);
    await run(fault, 1);
    await run(fault, 2);
    await run(ApplicationFailure.nonRetryable(`points short for ${PERSONAL.email}`, 'POINTS_SHORT'), 1);
    await run(fault, 3);
    await flushErrorTracking(5000);
    const events = receiver.events().slice(before) as { tags?: Record<string, string> }[];
    assert.equal(events.length, 1, 'only the last allowed attempt of an unexpected error');
    assert.equal(events[0]!.tags?.activity, 'confirmPayment');
    for (const envelope of receiver.envelopes) assertNoPersonalData(envelope.text);
  });
});
