import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadWorkerConfig } from './worker.config';
import { vendorsWithoutCredentials } from './sandbox-needed';

const base = { TEMPORAL_ADDRESS: 'temporal:7233' };
const credentials = {
  TOSS_SECRET_KEY: 'test_sk_abc',
  NICEPAY_CLIENT_KEY: 'client',
  NICEPAY_SECRET_KEY: 'secret',
  INICIS_MID: 'INIpayTest',
  INICIS_SIGN_KEY: 'sign',
  INICIS_API_KEY: 'api',
  KAKAOPAY_SECRET_KEY: 'DEV_key',
  KAKAOPAY_CID: 'TC0ONETIME',
  NAVERPAY_CLIENT_ID: 'id',
  NAVERPAY_CLIENT_SECRET: 'secret',
  NAVERPAY_CHAIN_ID: 'chain',
  NAVERPAY_PARTNER_ID: 'partner',
  NHN_ALIMTALK_APPKEY: 'a',
  NHN_SMS_APPKEY: 's',
  NHN_SECRET_KEY: 'k',
  NHN_SENDER_KEY: 'sender',
  SMS_SENDER_NUMBER: '15880000',
  SMTP_URL: 'smtp://mail:587',
  SWEETTRACKER_API_KEY: 'key',
  FIRM_BANKING_CLIENT_ID: 'client',
  FIRM_BANKING_CLIENT_SECRET: 'secret',
  FIRM_BANKING_ORG_CODE: 'M202300001',
  FIRM_BANKING_CONTRACT_ACCOUNT: '1234567890',
  FIRM_BANKING_PASS_PHRASE: 'phrase',
  POPBILL_LINK_ID: 'JANGTEO',
  POPBILL_SECRET_KEY: 'c2VjcmV0',
  SETTLEMENT_INVOICER_CORP_NUM: '1234567890',
  SETTLEMENT_INVOICER_NAME: '장터',
  SETTLEMENT_INVOICER_CEO: '대표',
  SETTLEMENT_INVOICER_ADDRESS: '서울',
  SETTLEMENT_INVOICER_EMAIL: 'tax@jangteo.kr',
};

describe('which vendors the sandbox must serve', () => {
  test('nothing configured: every vendor', () => {
    assert.deepEqual(vendorsWithoutCredentials(loadWorkerConfig(base)), [
      'toss',
      'nicepay',
      'inicis',
      'kakaopay',
      'naverpay',
      'nhn',
      'email',
      'courier',
      'banking',
      'popbill',
    ]);
  });

  test('every credential given: none, so the process never loads the sandbox', () => {
    assert.deepEqual(vendorsWithoutCredentials(loadWorkerConfig({ ...base, ...credentials })), []);
  });

  test('a shared simulator URL still counts as the sandbox; a role names only the vendors it opens', () => {
    const { TOSS_SECRET_KEY: _toss, ...allButToss } = credentials;
    const config = loadWorkerConfig({ ...base, ...allButToss, PG_SIMULATOR_URL: 'http://pg:4010' });
    assert.deepEqual(vendorsWithoutCredentials(config), ['toss']);
    assert.deepEqual(vendorsWithoutCredentials({ couriers: config.couriers }), []);
    // A PG left out of the configuration is served by the sandbox like one without credentials.
    assert.deepEqual(vendorsWithoutCredentials({ payments: { toss: config.payments.toss } }), [
      'toss',
      'nicepay',
      'inicis',
      'kakaopay',
      'naverpay',
    ]);
  });
});
