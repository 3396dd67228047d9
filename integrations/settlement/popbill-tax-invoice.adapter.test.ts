import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TaxInvoiceRequest } from '../../domain/settlement';
import {
  createPopbillSimulator,
  POPBILL_SIM_DEFAULTS,
  type PopbillFaults,
  type PopbillSimulator,
} from '../../simulators/popbill/popbill.simulator';
import type { ServedSimulator } from '../../simulators/shared/serve-app';
import { createPopbillTaxInvoiceIssuer } from './popbill-tax-invoice.adapter';

describe('Popbill tax-invoice adapter against the simulator', () => {
  let sim: PopbillSimulator;
  let running: ServedSimulator;
  let config: Parameters<typeof createPopbillTaxInvoiceIssuer>[0];
  let serial = 0;

  before(async () => {
    sim = createPopbillSimulator();
    running = await sim.start();
    config = {
      ...POPBILL_SIM_DEFAULTS,
      authBaseUrl: running.url,
      apiBaseUrl: running.url,
      corpNum: '1234567890',
      timeoutMs: 1_000,
    };
  });
  after(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await fetch(`${running.url}/reset`, { method: 'POST' });
  });

  const faults = (knobs: Partial<PopbillFaults>) =>
    fetch(`${running.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(knobs) });

  const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  const request = (): TaxInvoiceRequest => ({
    mgtKey: `JT2026W48-TEST${(serial += 1)}`,
    writeDate: today(),
    invoicer: {
      corpNum: '1234567890',
      corpName: '장터 주식회사',
      ceoName: '장대표',
      address: '서울특별시 강남구 테헤란로 152',
      bizType: '서비스',
      bizClass: '전자상거래 중개',
      email: 'tax@jangteo.local',
    },
    invoicee: { corpNum: '2208162517', corpName: '판매상회', ceoName: '박판매', email: 'seller@example.com' },
    supplyCost: 2_273,
    tax: 227,
    total: 2_500,
    itemName: '판매수수료 (2026-W48)',
    remark: '장터 2026-W48 정산 판매수수료',
  });

  test('issues the fee invoice (정발행, 과세, 영수) and returns the NTS number', async () => {
    const issuer = createPopbillTaxInvoiceIssuer(config);
    const invoice = request();
    const result = await issuer.issue(invoice);
    assert.equal(result.kind, 'issued');
    const stored = sim.state.invoices.get(`1234567890/${invoice.mgtKey}`);
    assert.equal(result.kind === 'issued' && result.ntsConfirmNum, stored?.ntsConfirmNum);
    assert.deepEqual(
      {
        issueType: stored?.document.issueType,
        taxType: stored?.document.taxType,
        purposeType: stored?.document.purposeType,
        supplyCostTotal: stored?.document.supplyCostTotal,
        taxTotal: stored?.document.taxTotal,
        totalAmount: stored?.document.totalAmount,
        invoiceeCorpNum: stored?.document.invoiceeCorpNum,
        invoiceeEmail1: stored?.document.invoiceeEmail1,
      },
      {
        issueType: '정발행',
        taxType: '과세',
        purposeType: '영수',
        supplyCostTotal: '2273',
        taxTotal: '227',
        totalAmount: '2500',
        invoiceeCorpNum: '2208162517',
        invoiceeEmail1: 'seller@example.com',
      },
    );
  });

  test('issue but lose the answer: the document is read back by its key; one invoice', async () => {
    await faults({ loseResponse: 1 });
    const result = await createPopbillTaxInvoiceIssuer(config).issue(request());
    assert.equal(result.kind, 'issued');
    assert.equal(sim.state.invoices.size, 1);
  });

  test('issuing a key again answers the document already issued (same NTS number)', async () => {
    const issuer = createPopbillTaxInvoiceIssuer(config);
    const invoice = request();
    const first = await issuer.issue(invoice);
    const again = await issuer.issue(invoice);
    assert.equal(again.kind, 'issued');
    assert.equal(
      again.kind === 'issued' && again.ntsConfirmNum,
      first.kind === 'issued' && first.ntsConfirmNum,
    );
    assert.equal(sim.state.invoices.size, 1);
  });

  test('a 500 that issued nothing is unknown; the retry issues', async () => {
    await faults({ transient: 1 });
    const issuer = createPopbillTaxInvoiceIssuer(config);
    const invoice = request();
    assert.equal((await issuer.issue(invoice)).kind, 'unknown');
    assert.equal((await issuer.issue(invoice)).kind, 'issued');
    assert.equal(sim.state.invoices.size, 1);
  });

  test('a document Popbill refuses is rejected with Popbill’s code', async () => {
    await faults({ reject: { times: 1, code: -11000013, message: '세금계산서 정보가 올바르지 않습니다' } });
    const result = await createPopbillTaxInvoiceIssuer(config).issue(request());
    assert.equal(result.kind, 'rejected');
    assert.equal(result.kind === 'rejected' && result.code, 'POPBILL_-11000013');
    assert.equal(sim.state.invoices.size, 0);
  });

  test('a wrong SecretKey gets no session: unknown, nothing issued', async () => {
    const issuer = createPopbillTaxInvoiceIssuer({
      ...config,
      secretKey: Buffer.from('nope').toString('base64'),
    });
    const result = await issuer.issue(request());
    assert.equal(result.kind, 'unknown');
    assert.equal(sim.state.invoices.size, 0);
  });
});
