import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadApiConfig } from '../../config/api.config';
import { SANDBOX_COURIER_WEBHOOK_SECRET } from '../../config/courier-vendors';
import { SANDBOX_NHN_WEBHOOK_SIGNATURE } from '../../config/notification-vendors';
import { uuidv7 } from '../../platform/ids';
import { openPaymentGateways, type PaymentGateways } from '../../integrations/payment/payment-vendors';
import { sandboxVendors } from '../../sandbox';
import { createTestApp, type TestApp } from '../support/test-app';

/** The API as `api/server.ts` composes it from a production (or development) environment. */
async function appFor(env: Record<string, string>): Promise<{ app: TestApp; payments: PaymentGateways }> {
  const config = loadApiConfig({ TEMPORAL_ADDRESS: 'temporal:7233', ...env });
  // The sandbox is handed over as the root would load it: production still opens no sandbox PG.
  const payments = await openPaymentGateways(config.payments, {
    publicBaseUrl: config.publicBaseUrl,
    sandbox: sandboxVendors.payment,
  });
  const app = await createTestApp({
    notifications: config.notifications,
    couriers: config.couriers,
    payments,
    opsApart: config.opsPort !== undefined,
  });
  return { app, payments };
}

const courierStep = () => ({
  fid: uuidv7(),
  invoice_no: '123456789013',
  code: '04',
  level: 6,
  time_trans: '2026-11-25 18:10:00',
  where: '대전유성',
  details: '배달완료',
});
const nhnReport = { hooksId: uuidv7(), event: 'MESSAGE_RESULT_UPDATE', messages: [] };

describe('production mode: no sandbox, operations endpoints off the public port', () => {
  let production: Awaited<ReturnType<typeof appFor>>;
  let development: Awaited<ReturnType<typeof appFor>>;

  before(async () => {
    production = await appFor({
      NODE_ENV: 'production',
      DATABASE_URL: 'mysql://jangteo:pw@db:3306/jangteo',
      REDIS_URL: 'redis://redis:6379',
      TOSS_SECRET_KEY: 'live_sk_ownKeyOfTheShop0001',
      SANDBOX_VENDORS: 'nhn,email,courier,banking,popbill',
    });
    development = await appFor({});
  });
  after(async () => {
    for (const { app, payments } of [production, development]) {
      await app.close();
      await payments.close();
    }
  });

  test('production mounts no sandbox window and offers only the configured PG', async () => {
    const window = await production.app.request('/sandbox/toss/checkout?orderId=x&amount=1000');
    assert.equal(window.status, 404);
    assert.deepEqual(production.payments.providers, ['TOSS']);
    // Outside production the sandbox PG's window is served on the shop's address, as before.
    assert.notEqual((await development.app.request('/sandbox/toss/checkout')).status, 404);
  });

  test('a forged courier callback carrying the sandbox token is refused in production', async () => {
    const path = `/api/v1/webhooks/couriers/sweettracker?token=${SANDBOX_COURIER_WEBHOOK_SECRET}`;
    const forged = await production.app.request(path, { body: courierStep() });
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { code: string }).code, 'COURIER_WEBHOOK_REJECTED');
    const local = await development.app.request(path, { body: courierStep() });
    assert.equal(local.status, 200, 'development keeps the sandbox token');
  });

  test('an AlimTalk report signed with the sandbox signature is refused in production', async () => {
    const init = {
      body: nhnReport,
      headers: { 'X-Toast-Webhook-Signature': SANDBOX_NHN_WEBHOOK_SIGNATURE },
    };
    const forged = await production.app.request('/api/v1/webhooks/notifications/nhn', init);
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { code: string }).code, 'WEBHOOK_SIGNATURE_INVALID');
    const local = await development.app.request('/api/v1/webhooks/notifications/nhn', init);
    assert.notEqual(local.status, 401, 'development keeps the sandbox signature');
  });

  test('/metrics and /readyz answer only on the ops app in production; /healthz stays public', async () => {
    const { app } = production;
    assert.equal((await app.request('/metrics')).status, 404);
    assert.equal((await app.request('/readyz')).status, 404);
    assert.equal((await app.request('/healthz')).status, 200);
    const metrics = await app.app.ops.request('/metrics');
    assert.equal(metrics.status, 200);
    assert.match(await metrics.text(), /# TYPE/);
    const readiness = (await (await app.app.ops.request('/readyz')).json()) as { checks: object };
    assert.ok('database' in readiness.checks);
    assert.equal((await development.app.request('/metrics')).status, 200, 'unchanged outside production');
  });
});
