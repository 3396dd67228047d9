import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadApiConfig } from './api.config';
import { SANDBOX_COURIER_WEBHOOK_SECRET } from './courier-vendors';
import { ConfigError, type Env } from './env';
import { SANDBOX_NHN_WEBHOOK_SIGNATURE } from './notification-vendors';
import { vendorsWithoutCredentials } from './sandbox-needed';
import { loadWorkerConfig } from './worker.config';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://jangteo:pw@db:3306/jangteo',
  REDIS_URL: 'redis://redis:6379',
  TEMPORAL_ADDRESS: 'temporal:7233',
};
const EVERY_SANDBOX = 'pg,nhn,email,courier,banking,popbill';
const TOSS_LIVE = { TOSS_SECRET_KEY: 'live_sk_ownKeyOfTheShop0001' };

function issuesOf(load: () => unknown): Record<string, string> {
  try {
    load();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return Object.fromEntries(error.issues.map((issue) => [issue.variable, issue.message]));
  }
  assert.fail('the configuration was accepted');
}

describe('production refuses the sandbox unless opted in (SANDBOX_VENDORS)', () => {
  test('nothing configured: one error naming every vendor and what to set', () => {
    for (const load of [loadApiConfig, loadWorkerConfig]) {
      const issues = issuesOf(() => load(production));
      assert.deepEqual(Object.keys(issues), ['pg', 'nhn', 'email', 'courier', 'banking', 'popbill']);
      assert.match(issues.pg!, /TOSS_SECRET_KEY; or NICEPAY_CLIENT_KEY \+ NICEPAY_SECRET_KEY/);
      assert.match(issues.nhn!, /NHN_ALIMTALK_APPKEY, NHN_SMS_APPKEY/);
      assert.match(issues.email!, /SENDGRID_API_KEY or SMTP_URL/);
      assert.match(issues.banking!, /FIRM_BANKING_CLIENT_ID/);
      assert.match(issues.courier!, /name courier in SANDBOX_VENDORS/);
    }
    const message = issuesOf(() => loadApiConfig({ ...production, SANDBOX_VENDORS: 'nhn,email' }));
    assert.deepEqual(Object.keys(message), ['pg', 'courier', 'banking', 'popbill']);
  });

  test('every vendor opted in (a staging stack): accepted, served by the sandbox, no public secret as fallback', () => {
    const config = loadWorkerConfig({ ...production, SANDBOX_VENDORS: EVERY_SANDBOX });
    assert.equal(vendorsWithoutCredentials(config).length, 10);
    assert.equal(config.couriers.webhookSecret, undefined, 'the sandbox token would authenticate forgeries');
    assert.deepEqual(config.notifications.nhn, { kind: 'sandbox', webhookSignature: undefined });
    const own = loadWorkerConfig({
      ...production,
      SANDBOX_VENDORS: ` PG, nhn ,email,courier,banking,popbill`,
      COURIER_WEBHOOK_SECRET: 'staging-courier-secret-1234',
      NHN_WEBHOOK_SIGNATURE: 'staging-nhn-signature',
    });
    assert.equal(own.couriers.webhookSecret, 'staging-courier-secret-1234');
    assert.equal(own.notifications.nhn.webhookSignature, 'staging-nhn-signature');
    assert.match(
      issuesOf(() => loadWorkerConfig({ ...production, SANDBOX_VENDORS: 'pg,bank' }))['SANDBOX_VENDORS.1']!,
      /bank is not a vendor; name some of pg, nhn, email, courier, banking, popbill/,
    );
  });

  test('a public sandbox secret is refused as a configured value', () => {
    const issues = issuesOf(() =>
      loadApiConfig({
        ...production,
        SANDBOX_VENDORS: EVERY_SANDBOX,
        COURIER_WEBHOOK_SECRET: SANDBOX_COURIER_WEBHOOK_SECRET,
        NHN_WEBHOOK_SIGNATURE: SANDBOX_NHN_WEBHOOK_SIGNATURE,
      }),
    );
    assert.deepEqual(Object.keys(issues), ['COURIER_WEBHOOK_SECRET', 'NHN_WEBHOOK_SIGNATURE']);
    assert.match(issues.COURIER_WEBHOOK_SECRET!, /public sandbox value/);
    const docKey = issuesOf(() =>
      loadApiConfig({
        ...production,
        SANDBOX_VENDORS: 'nhn,email,courier,banking,popbill',
        TOSS_SECRET_KEY: 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R',
      }),
    );
    assert.deepEqual(Object.keys(docKey), ['TOSS_SECRET_KEY']);
  });

  test('PGs without credentials are not offered beside a real one, and the sandbox PG never joins a real one', () => {
    const env: Env = { ...production, ...TOSS_LIVE, SANDBOX_VENDORS: 'nhn,email,courier,banking,popbill' };
    const { payments } = loadApiConfig(env);
    assert.equal(payments.toss.kind, 'toss');
    for (const pg of ['nicepay', 'inicis', 'kakaopay', 'naverpay'] as const)
      assert.deepEqual(payments[pg], { kind: 'disabled' });
    assert.deepEqual(vendorsWithoutCredentials({ payments }), [], 'no sandbox is loaded for them');
    const mixed = issuesOf(() => loadApiConfig({ ...env, SANDBOX_VENDORS: EVERY_SANDBOX }));
    assert.match(mixed.SANDBOX_VENDORS!, /names pg while toss has credentials/);
  });

  test('development and test keep today’s sandbox, public secrets included', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = loadWorkerConfig({ TEMPORAL_ADDRESS: 'temporal:7233', NODE_ENV });
      assert.equal(vendorsWithoutCredentials(config).length, 10);
      assert.equal(config.couriers.webhookSecret, SANDBOX_COURIER_WEBHOOK_SECRET);
      assert.equal(config.notifications.nhn.webhookSignature, SANDBOX_NHN_WEBHOOK_SIGNATURE);
      assert.equal(config.payments.nicepay?.kind, 'sandbox');
    }
  });
});

describe('OPS_PORT: readiness and metrics off the public port in production', () => {
  const staging = { ...production, SANDBOX_VENDORS: EVERY_SANDBOX };

  test('production serves them on 9464 unless told otherwise; elsewhere they stay on PORT', () => {
    assert.equal(loadApiConfig(staging).opsPort, 9464);
    assert.equal(loadApiConfig({ ...staging, OPS_PORT: '9100' }).opsPort, 9100);
    assert.equal(loadApiConfig({ TEMPORAL_ADDRESS: 'temporal:7233' }).opsPort, undefined);
    assert.equal(loadApiConfig({ TEMPORAL_ADDRESS: 'temporal:7233', OPS_PORT: '9100' }).opsPort, 9100);
  });

  test('the ops port cannot be the public one', () => {
    assert.match(
      issuesOf(() => loadApiConfig({ ...staging, PORT: '9464' })).OPS_PORT!,
      /must differ from PORT/,
    );
  });
});
