import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from './env';
import { loadSettlementVendorConfig, SANDBOX_INVOICER } from './settlement-vendors';

const bank = {
  FIRM_BANKING_CLIENT_ID: 'client',
  FIRM_BANKING_CLIENT_SECRET: 'secret',
  FIRM_BANKING_ORG_CODE: 'M202400123',
  FIRM_BANKING_CONTRACT_ACCOUNT: '1002345678901',
  FIRM_BANKING_PASS_PHRASE: 'phrase',
};
const popbill = { POPBILL_LINK_ID: 'JANGTEO', POPBILL_SECRET_KEY: 'c2VjcmV0LWtleQ==' };
const invoicer = {
  SETTLEMENT_INVOICER_CORP_NUM: '2208162517',
  SETTLEMENT_INVOICER_NAME: '장터 주식회사',
  SETTLEMENT_INVOICER_CEO: '장대표',
  SETTLEMENT_INVOICER_ADDRESS: '서울특별시 강남구 테헤란로 152',
  SETTLEMENT_INVOICER_EMAIL: 'tax@jangteo.kr',
};

const variablesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.issues.map((issue) => issue.variable).sort();
  }
  return [];
};

describe('settlement vendor configuration', () => {
  test('with nothing set both vendors are their simulators and the invoicer is a sandbox company', () => {
    const config = loadSettlementVendorConfig({});
    assert.deepEqual(config.banking, { kind: 'sandbox', simulatorUrl: undefined, timeoutMs: 30_000 });
    assert.deepEqual(config.popbill, { kind: 'sandbox', simulatorUrl: undefined, timeoutMs: 30_000 });
    assert.equal(config.invoicer.corpNum, SANDBOX_INVOICER.corpNum);
    assert.equal(
      loadSettlementVendorConfig({ BANKING_SIMULATOR_URL: 'http://bank:4020' }).banking.kind,
      'sandbox',
    );
  });

  test('real credentials select the real vendors; Popbill test mode picks its test hosts', () => {
    const config = loadSettlementVendorConfig({
      ...bank,
      ...popbill,
      ...invoicer,
      POPBILL_TEST_MODE: 'true',
    });
    assert.equal(config.banking.kind, 'firm-banking');
    assert.equal(config.banking.kind === 'firm-banking' && config.banking.orgCode, 'M202400123');
    assert.deepEqual(
      config.popbill.kind === 'popbill' && [config.popbill.serviceId, config.popbill.apiBaseUrl],
      ['POPBILL_TEST', 'https://popbill-test.linkhub.co.kr'],
    );
    assert.equal(config.invoicer.corpNum, '2208162517');
    const live = loadSettlementVendorConfig({ ...popbill, ...invoicer });
    assert.equal(live.popbill.kind === 'popbill' && live.popbill.apiBaseUrl, 'https://popbill.linkhub.co.kr');
  });

  test('a partial set is refused, naming every missing variable', () => {
    assert.deepEqual(
      variablesOf(() => loadSettlementVendorConfig({ FIRM_BANKING_CLIENT_ID: 'client' })),
      [
        'FIRM_BANKING_CLIENT_SECRET',
        'FIRM_BANKING_CONTRACT_ACCOUNT',
        'FIRM_BANKING_ORG_CODE',
        'FIRM_BANKING_PASS_PHRASE',
      ],
    );
    assert.deepEqual(
      variablesOf(() => loadSettlementVendorConfig({ POPBILL_LINK_ID: 'JANGTEO' })),
      ['POPBILL_SECRET_KEY'],
    );
    assert.equal(
      variablesOf(() => loadSettlementVendorConfig(popbill)).length,
      5,
      'real invoices need the invoicer',
    );
    assert.deepEqual(
      variablesOf(() => loadSettlementVendorConfig({ ...bank, FIRM_BANKING_ORG_CODE: 'short' })),
      ['FIRM_BANKING_ORG_CODE'],
    );
  });
});
