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

const INICIS = {
  INICIS_MID: 'jangteo001',
  INICIS_SIGN_KEY: 'c2lnbktleQ==',
  INICIS_API_KEY: 'ItEQKi3rY7uvDS8l',
};

describe('NicePay and KG Inicis configuration', () => {
  test('no credentials: both are the sandbox PG, sharing PG_SIMULATOR_URL when given', () => {
    const config = load({ PG_SIMULATOR_URL: 'http://pg-simulator:4010' });
    assert.deepEqual(config.nicepay, {
      kind: 'sandbox',
      simulatorUrl: 'http://pg-simulator:4010',
      timeoutMs: 30_000,
    });
    assert.deepEqual(config.inicis, {
      kind: 'sandbox',
      simulatorUrl: 'http://pg-simulator:4010',
      timeoutMs: 30_000,
    });
  });

  test('NicePay: keys, auth mode and host; one key without the other is refused by name', () => {
    const config = load({
      NICEPAY_CLIENT_KEY: 'R2_client',
      NICEPAY_SECRET_KEY: 'secret',
      NICEPAY_AUTH_MODE: 'bearer',
      NICEPAY_API_BASE_URL: 'https://sandbox-api.nicepay.co.kr',
    });
    assert.deepEqual(config.nicepay, {
      kind: 'nicepay',
      clientKey: 'R2_client',
      secretKey: 'secret',
      authMode: 'bearer',
      apiBaseUrl: 'https://sandbox-api.nicepay.co.kr',
      timeoutMs: 30_000,
    });
    assert.equal(
      (load({ NICEPAY_CLIENT_KEY: 'a', NICEPAY_SECRET_KEY: 'b' }).nicepay as { authMode: string }).authMode,
      'basic',
    );
    assert.deepEqual(
      variablesOf(() => load({ NICEPAY_SECRET_KEY: 'secret' })),
      ['NICEPAY_CLIENT_KEY'],
    );
    assert.deepEqual(
      variablesOf(() =>
        load({ NICEPAY_CLIENT_KEY: 'a', NICEPAY_SECRET_KEY: 'b', NICEPAY_AUTH_MODE: 'token' }),
      ),
      ['NICEPAY_AUTH_MODE'],
    );
  });

  test('KG Inicis: MID, keys, client IP and INIAPI host; a partial set or a malformed MID is refused by name', () => {
    const config = load({ ...INICIS, INICIS_CLIENT_IP: '203.0.113.7', INICIS_TIMEOUT_MS: '10000' });
    assert.deepEqual(config.inicis, {
      kind: 'inicis',
      mid: 'jangteo001',
      signKey: 'c2lnbktleQ==',
      iniapiKey: 'ItEQKi3rY7uvDS8l',
      clientIp: '203.0.113.7',
      iniapiBaseUrl: 'https://iniapi.inicis.com',
      timeoutMs: 10_000,
    });
    assert.deepEqual(
      variablesOf(() => load({ INICIS_MID: 'jangteo001' })),
      ['INICIS_API_KEY', 'INICIS_SIGN_KEY'],
    );
    assert.deepEqual(
      variablesOf(() => load({ ...INICIS, INICIS_MID: 'short' })),
      ['INICIS_MID'],
    );
    assert.deepEqual(
      variablesOf(() => load({ ...INICIS, INICIS_CLIENT_IP: 'my-server' })),
      ['INICIS_CLIENT_IP'],
    );
  });
});
