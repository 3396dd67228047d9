import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { ConfigError, parseEnv, type Env } from './env';
import { paymentSection, paymentVendorConfig } from './payment-vendors';

const load = (env: Env) => paymentVendorConfig(parseEnv(z.object(paymentSection), env));
const variablesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.issues.map((issue) => issue.variable).sort();
  }
  assert.fail('expected a ConfigError');
};

const NAVER = {
  NAVERPAY_CLIENT_ID: 'client',
  NAVERPAY_CLIENT_SECRET: 'secret',
  NAVERPAY_CHAIN_ID: 'chain',
  NAVERPAY_PARTNER_ID: 'np_partner',
};

describe('KakaoPay and NaverPay configuration', () => {
  test('no credentials: both are the sandbox PG, sharing PG_SIMULATOR_URL when given', () => {
    const config = load({ PG_SIMULATOR_URL: 'http://pg-simulator:4010' });
    assert.deepEqual(config.kakaopay, {
      kind: 'sandbox',
      simulatorUrl: 'http://pg-simulator:4010',
      timeoutMs: 30_000,
    });
    assert.deepEqual(config.naverpay, {
      kind: 'sandbox',
      simulatorUrl: 'http://pg-simulator:4010',
      timeoutMs: 30_000,
    });
  });

  test('KakaoPay: secret key and CID reach open-api.kakaopay.com; one without the other is refused by name', () => {
    const config = load({
      KAKAOPAY_SECRET_KEY: 'DEVABC123',
      KAKAOPAY_CID: 'TC0ONETIME',
      KAKAOPAY_TIMEOUT_MS: '5000',
    });
    assert.deepEqual(config.kakaopay, {
      kind: 'kakaopay',
      secretKey: 'DEVABC123',
      cid: 'TC0ONETIME',
      apiBaseUrl: 'https://open-api.kakaopay.com',
      timeoutMs: 5_000,
    });
    assert.deepEqual(
      variablesOf(() => load({ KAKAOPAY_SECRET_KEY: 'DEVABC123' })),
      ['KAKAOPAY_CID'],
    );
    assert.deepEqual(
      variablesOf(() => load({ KAKAOPAY_CID: 'TC0ONETIME' })),
      ['KAKAOPAY_SECRET_KEY'],
    );
    assert.deepEqual(
      variablesOf(() => load({ KAKAOPAY_SECRET_KEY: 'DEVABC123', KAKAOPAY_CID: 'TC0' })),
      ['KAKAOPAY_CID'],
    );
  });

  test('NaverPay: all four credentials, dev hosts by default, live hosts in production mode, the API host overridable', () => {
    const dev = load(NAVER).naverpay;
    assert.ok(dev?.kind === 'naverpay');
    assert.equal(dev.apiBaseUrl, 'https://dev-pub.apis.naver.com');
    assert.equal(dev.paymentPageUrl, 'https://test-m.pay.naver.com/payments');
    const live = load({ ...NAVER, NAVERPAY_MODE: 'production' }).naverpay;
    assert.ok(live?.kind === 'naverpay');
    assert.deepEqual(
      [live.apiBaseUrl, live.paymentPageUrl],
      ['https://apis.naver.com', 'https://m.pay.naver.com/payments'],
    );
    const proxied = load({ ...NAVER, NAVERPAY_API_BASE_URL: 'https://np-proxy.internal' }).naverpay;
    assert.ok(proxied?.kind === 'naverpay' && proxied.apiBaseUrl === 'https://np-proxy.internal');
    assert.deepEqual(
      variablesOf(() => load({ ...NAVER, NAVERPAY_MODE: 'live' })),
      ['NAVERPAY_MODE'],
    );
  });

  test('NaverPay: some credentials without the others names each missing one', () => {
    assert.deepEqual(
      variablesOf(() => load({ NAVERPAY_CLIENT_ID: 'client', NAVERPAY_CLIENT_SECRET: 'secret' })),
      ['NAVERPAY_CHAIN_ID', 'NAVERPAY_PARTNER_ID'],
    );
  });
});
