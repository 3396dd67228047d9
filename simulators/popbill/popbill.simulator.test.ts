import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ServedSimulator } from '../shared/serve-app';
import {
  createPopbillSimulator,
  POPBILL_CODES,
  POPBILL_SIM_DEFAULTS,
  type PopbillSimulator,
} from './popbill.simulator';

const CORP = '1234567890';

interface PopbillAnswer {
  code?: number;
  message: string;
  ntsConfirmNum: string;
  ntsconfirmNum?: string;
  stateCode?: number;
  invoiceeCorpNum?: string;
}

describe('Popbill simulator (LinkHub token, 즉시발행, state by key)', () => {
  let sim: PopbillSimulator;
  let running: ServedSimulator;
  let token: string;
  const now = new Date('2026-11-30T01:00:00Z');

  before(async () => {
    sim = createPopbillSimulator({ now: () => now });
    running = await sim.start();
  });
  after(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await fetch(`${running.url}/reset`, { method: 'POST' });
    token = (await requestToken()).body.session_token as string;
  });

  async function requestToken(options: { secret?: string; date?: string } = {}) {
    const body = JSON.stringify({ access_id: CORP, scope: ['member', '110'] });
    const xDate = options.date ?? now.toISOString();
    const target = `POST\n${createHash('sha256').update(body).digest('base64')}\n${xDate}\n2.0\n/POPBILL_TEST/Token`;
    const signature = createHmac(
      'sha256',
      Buffer.from(options.secret ?? POPBILL_SIM_DEFAULTS.secretKey, 'base64'),
    )
      .update(target)
      .digest('base64');
    const response = await fetch(`${running.url}/POPBILL_TEST/Token`, {
      method: 'POST',
      headers: {
        authorization: `LINKHUB ${POPBILL_SIM_DEFAULTS.linkId} ${signature}`,
        'x-lh-date': xDate,
        'x-lh-version': '2.0',
        'content-type': 'application/json',
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const invoice = (mgtKey: string, overrides: Record<string, unknown> = {}) => ({
    writeDate: '20261130',
    chargeDirection: '정과금',
    issueType: '정발행',
    purposeType: '영수',
    taxType: '과세',
    invoicerCorpNum: CORP,
    invoicerMgtKey: mgtKey,
    invoicerCorpName: '장터 주식회사',
    invoicerCEOName: '장대표',
    invoiceeType: '사업자',
    invoiceeCorpNum: '2208162517',
    invoiceeCorpName: '판매상회',
    invoiceeCEOName: '박판매',
    supplyCostTotal: '2273',
    taxTotal: '227',
    totalAmount: '2500',
    detailList: [{ serialNum: 1, itemName: '판매수수료', supplyCost: '2273', tax: '227' }],
    ...overrides,
  });

  async function issue(body: unknown) {
    const response = await fetch(`${running.url}/Taxinvoice`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'x-http-method-override': 'ISSUE',
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as PopbillAnswer };
  }
  async function info(mgtKey: string) {
    const response = await fetch(`${running.url}/Taxinvoice/SELL/${mgtKey}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as PopbillAnswer };
  }

  test('the LinkHub token needs the HMAC signature over the body hash and a current x-lh-date', async () => {
    const ok = await requestToken();
    assert.equal(ok.status, 200);
    assert.equal(ok.body.usercode, CORP);
    assert.equal((await requestToken({ secret: Buffer.from('wrong').toString('base64') })).status, 401);
    const stale = await requestToken({ date: new Date(now.getTime() - 10 * 60_000).toISOString() });
    assert.equal(stale.status, 401);
    assert.equal(stale.body.code, POPBILL_CODES.UNAUTHORIZED);
  });

  test('issuing answers code 1 with a 24-character NTS number; the key reads back as issued (300)', async () => {
    const issued = await issue(invoice('JT2026W48-ABC'));
    assert.equal(issued.status, 200);
    assert.equal(issued.body.code, 1);
    assert.match(issued.body.ntsConfirmNum, /^\d{8}4100\d{12}$/);
    const read = await info('JT2026W48-ABC');
    assert.equal(read.body.stateCode, 300);
    assert.equal(read.body.ntsconfirmNum, issued.body.ntsConfirmNum);
    assert.equal(read.body.invoiceeCorpNum, '2208162517');
  });

  test('a key already issued is refused (-11000003) and issues nothing; an unknown key is -11000005', async () => {
    await issue(invoice('JT2026W48-DUP'));
    const again = await issue(invoice('JT2026W48-DUP'));
    assert.equal(again.status, 400);
    assert.equal(again.body.code, POPBILL_CODES.KEY_IN_USE);
    assert.equal(sim.state.invoices.size, 1);
    assert.equal((await info('JT2026W48-NONE')).body.code, POPBILL_CODES.NOT_FOUND);
  });

  test('documents breaking the rules are refused: future date, totals that do not add up, long keys', async () => {
    assert.match((await issue(invoice('K1', { writeDate: '20261201' }))).body.message, /미래/);
    assert.match((await issue(invoice('K2', { totalAmount: '2501' }))).body.message, /합계/);
    assert.match((await issue(invoice('K3', { taxTotal: '500', totalAmount: '2773' }))).body.message, /10%/);
    assert.match((await issue(invoice('K'.repeat(25)))).body.message, /24자/);
    assert.match((await issue(invoice('K4', { invoicerCorpNum: '1111111111' }))).body.message, /연동회원/);
    assert.equal(sim.state.invoices.size, 0);
  });

  test('fault knobs: issue but lose the answer; 500 without issuing', async () => {
    await fetch(`${running.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ loseResponse: 1 }) });
    await assert.rejects(issue(invoice('JT-LOST')), { name: 'TypeError', message: 'fetch failed' });
    assert.equal((await info('JT-LOST')).body.stateCode, 300, 'issued although the answer was lost');
    await fetch(`${running.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ transient: 1 }) });
    assert.equal((await issue(invoice('JT-LATER'))).status, 500);
    assert.equal((await info('JT-LATER')).body.code, POPBILL_CODES.NOT_FOUND);
  });
});
