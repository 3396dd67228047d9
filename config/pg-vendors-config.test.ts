import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { ConfigError, parseEnv, type Env } from './env';
import { paymentSection, paymentVendorConfig } from './payment-vendors';

const load = (env: Env) => paymentVendorConfig(parseEnv(z.object(paymentSection), env));
const variablesOf = (env: Env) => {
  try {
    load(env);
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
const INICIS = {
  INICIS_MID: 'jangteo001',
  INICIS_SIGN_KEY: 'c2lnbktleQ==',
  INICIS_API_KEY: 'ItEQKi3rY7uvDS8l',
};

describe('KakaoPay, NaverPay, NicePay and KG Inicis configuration', () => {
  for (const pg of ['kakaopay', 'naverpay', 'nicepay', 'inicis'] as const)
    test(`${pg}: no credentials is the sandbox PG, sharing PG_SIMULATOR_URL when given`, () => {
      assert.deepEqual(load({ PG_SIMULATOR_URL: 'http://pg-simulator:4010' })[pg], {
        kind: 'sandbox',
        simulatorUrl: 'http://pg-simulator:4010',
        timeoutMs: 30_000,
      });
    });

  const configured: Array<{
    title: string;
    env: Env;
    pg: 'kakaopay' | 'nicepay' | 'inicis';
    expected: unknown;
  }> = [
    {
      title: 'KakaoPay: secret key and CID reach open-api.kakaopay.com',
      env: { KAKAOPAY_SECRET_KEY: 'DEVABC123', KAKAOPAY_CID: 'TC0ONETIME', KAKAOPAY_TIMEOUT_MS: '5000' },
      pg: 'kakaopay',
      expected: {
        kind: 'kakaopay',
        secretKey: 'DEVABC123',
        cid: 'TC0ONETIME',
        apiBaseUrl: 'https://open-api.kakaopay.com',
        timeoutMs: 5_000,
      },
    },
    {
      title: 'NicePay: keys, auth mode and host',
      env: {
        NICEPAY_CLIENT_KEY: 'R2_client',
        NICEPAY_SECRET_KEY: 'secret',
        NICEPAY_AUTH_MODE: 'bearer',
        NICEPAY_API_BASE_URL: 'https://sandbox-api.nicepay.co.kr',
      },
      pg: 'nicepay',
      expected: {
        kind: 'nicepay',
        clientKey: 'R2_client',
        secretKey: 'secret',
        authMode: 'bearer',
        apiBaseUrl: 'https://sandbox-api.nicepay.co.kr',
        timeoutMs: 30_000,
      },
    },
    {
      title: 'KG Inicis: MID, keys, client IP and INIAPI host',
      env: { ...INICIS, INICIS_CLIENT_IP: '203.0.113.7', INICIS_TIMEOUT_MS: '10000' },
      pg: 'inicis',
      expected: {
        kind: 'inicis',
        mid: 'jangteo001',
        signKey: 'c2lnbktleQ==',
        iniapiKey: 'ItEQKi3rY7uvDS8l',
        clientIp: '203.0.113.7',
        iniapiBaseUrl: 'https://iniapi.inicis.com',
        timeoutMs: 10_000,
      },
    },
  ];
  for (const { title, env, pg, expected } of configured)
    test(title, () => assert.deepEqual(load(env)[pg], expected));

  test('NicePay: basic auth by default', () => {
    const nicepay = load({ NICEPAY_CLIENT_KEY: 'a', NICEPAY_SECRET_KEY: 'b' }).nicepay;
    assert.equal((nicepay as { authMode: string }).authMode, 'basic');
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
  });

  const refused: Array<{ title: string; env: Env; variables: string[] }> = [
    {
      title: 'KakaoPay: a secret key without a CID',
      env: { KAKAOPAY_SECRET_KEY: 'DEVABC123' },
      variables: ['KAKAOPAY_CID'],
    },
    {
      title: 'KakaoPay: a CID without a secret key',
      env: { KAKAOPAY_CID: 'TC0ONETIME' },
      variables: ['KAKAOPAY_SECRET_KEY'],
    },
    {
      title: 'KakaoPay: a malformed CID',
      env: { KAKAOPAY_SECRET_KEY: 'DEVABC123', KAKAOPAY_CID: 'TC0' },
      variables: ['KAKAOPAY_CID'],
    },
    {
      title: 'NaverPay: an unknown mode',
      env: { ...NAVER, NAVERPAY_MODE: 'live' },
      variables: ['NAVERPAY_MODE'],
    },
    {
      title: 'NaverPay: some credentials without the others names each missing one',
      env: { NAVERPAY_CLIENT_ID: 'client', NAVERPAY_CLIENT_SECRET: 'secret' },
      variables: ['NAVERPAY_CHAIN_ID', 'NAVERPAY_PARTNER_ID'],
    },
    {
      title: 'NicePay: a secret key without a client key',
      env: { NICEPAY_SECRET_KEY: 'secret' },
      variables: ['NICEPAY_CLIENT_KEY'],
    },
    {
      title: 'NicePay: an unknown auth mode',
      env: { NICEPAY_CLIENT_KEY: 'a', NICEPAY_SECRET_KEY: 'b', NICEPAY_AUTH_MODE: 'token' },
      variables: ['NICEPAY_AUTH_MODE'],
    },
    {
      title: 'KG Inicis: a MID without its keys',
      env: { INICIS_MID: 'jangteo001' },
      variables: ['INICIS_API_KEY', 'INICIS_SIGN_KEY'],
    },
    {
      title: 'KG Inicis: a malformed MID',
      env: { ...INICIS, INICIS_MID: 'short' },
      variables: ['INICIS_MID'],
    },
    {
      title: 'KG Inicis: a client IP that is not an address',
      env: { ...INICIS, INICIS_CLIENT_IP: 'my-server' },
      variables: ['INICIS_CLIENT_IP'],
    },
  ];
  for (const { title, env, variables } of refused)
    test(`refused by name — ${title}`, () => assert.deepEqual(variablesOf(env), variables));
});
