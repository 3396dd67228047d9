import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ServedSimulator } from '../shared/serve-app';
import { BANKING_SIM_DEFAULTS, createBankingSimulator, type BankingSimulator } from './banking.simulator';

interface BankAnswer {
  rsp_code: string;
  rsp_message: string;
  res_list: Array<Record<string, string>>;
}

describe('firm-banking simulator (KFTC Open Banking 입금이체 shape)', () => {
  let sim: BankingSimulator;
  let running: ServedSimulator;
  let token: string;

  before(async () => {
    sim = createBankingSimulator({ now: () => new Date('2026-11-30T01:00:00Z') });
    running = await sim.start();
  });
  after(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await fetch(`${running.url}/reset`, { method: 'POST' });
    token = await tokenFor(BANKING_SIM_DEFAULTS.clientSecret).then((r) => r.body.access_token as string);
  });

  async function tokenFor(secret: string) {
    const response = await fetch(`${running.url}/oauth/2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: BANKING_SIM_DEFAULTS.clientId,
        client_secret: secret,
        scope: 'oob',
        grant_type: 'client_credentials',
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const transferBody = (bankTranId: string, amount = 47_500) => ({
    cntr_account_type: 'N',
    cntr_account_num: BANKING_SIM_DEFAULTS.contractAccount,
    wd_pass_phrase: BANKING_SIM_DEFAULTS.passPhrase,
    wd_print_content: '장터정산',
    name_check_option: 'on',
    tran_dtime: '20261130100000',
    req_cnt: '1',
    req_list: [
      {
        tran_no: '1',
        bank_tran_id: bankTranId,
        bank_code_std: '004',
        account_num: '12345678901234',
        account_holder_name: '판매상회',
        print_content: '장터정산',
        tran_amt: String(amount),
        req_client_name: '장터정산',
        req_client_num: 'SELLER1',
        transfer_purpose: 'TR',
      },
    ],
  });

  async function post(path: string, body: unknown, bearer = token) {
    const response = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as BankAnswer };
  }
  const id = (suffix: string) => `${BANKING_SIM_DEFAULTS.orgCode}U${suffix}`;

  test('a token needs the client credentials; transfers need the token', async () => {
    const refused = await tokenFor('wrong');
    assert.equal(refused.status, 401);
    assert.equal(refused.body.rsp_code, 'O0001');
    const anonymous = await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('AAAAAAAA1')), 'nope');
    assert.equal(anonymous.status, 401);
    assert.equal(sim.state.transfers.size, 0);
  });

  test('a transfer is paid once; the same bank_tran_id again replays the first answer and moves no money', async () => {
    const first = await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('AAAAAAAA1')));
    assert.equal(first.status, 200);
    assert.equal(first.body.rsp_code, 'A0000');
    assert.equal(first.body.res_list[0].bank_rsp_code, '000');
    assert.equal(first.body.res_list[0].tran_amt, '47500');
    assert.equal(first.body.res_list[0].bank_tran_date, '20261130');
    const again = await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('AAAAAAAA1')));
    assert.deepEqual(again.body, first.body);
    assert.equal(sim.state.transfers.size, 1);
    assert.deepEqual(
      sim.state.calls.filter((c) => c.operation === 'transfer').map((c) => c.delivery),
      ['answered', 'replayed'],
    );
  });

  test('malformed requests are refused without moving money, naming what is wrong', async () => {
    const badId = await post('/v2.0/transfer/deposit/acnt_num', transferBody('M202400001X123'));
    assert.equal(badId.status, 400);
    assert.equal(badId.body.rsp_code, 'A0004');
    assert.match(badId.body.rsp_message, /bank_tran_id/);
    const badAmount = await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('AAAAAAAA2'), 0));
    assert.match(badAmount.body.rsp_message, /tran_amt/);
    const body = { ...transferBody(id('AAAAAAAA3')), wd_pass_phrase: 'guess' };
    assert.match((await post('/v2.0/transfer/deposit/acnt_num', body)).body.rsp_message, /암호문구/);
    assert.equal(sim.state.transfers.size, 0);
  });

  test('the result look-up finds a transfer by id and date, and answers 804 for one that never happened', async () => {
    await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('BBBBBBBB1')));
    const lookup = (bankTranId: string, date = '20261130') =>
      post('/v2.0/transfer/result', {
        check_type: '2',
        tran_dtime: '20261130100500',
        req_cnt: '1',
        req_list: [
          { tran_no: '1', org_bank_tran_id: bankTranId, org_bank_tran_date: date, org_tran_amt: '47500' },
        ],
      });
    const found = await lookup(id('BBBBBBBB1'));
    assert.equal(found.body.rsp_code, 'A0000');
    assert.equal(found.body.res_list[0].bank_rsp_code, '000');
    const absent = await lookup(id('CCCCCCCC1'));
    assert.equal(absent.body.rsp_code, 'A0002');
    assert.equal(absent.body.res_list[0].bank_rsp_code, '804');
    assert.equal((await lookup(id('BBBBBBBB1'), '20261129')).body.res_list[0].bank_rsp_code, '804');
  });

  test('fault knobs: pay but lose the answer, 503 without paying, the receiving bank refusing', async () => {
    await fetch(`${running.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ loseResponse: 1 }) });
    await assert.rejects(post('/v2.0/transfer/deposit/acnt_num', transferBody(id('DDDDDDDD1'))), {
      name: 'TypeError',
      message: 'fetch failed',
    });
    assert.equal(sim.state.transfers.has(id('DDDDDDDD1')), true, 'the money moved although no answer came');

    await fetch(`${running.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ transient: 1 }) });
    const unavailable = await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('DDDDDDDD2')));
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.body.rsp_code, 'A0001');
    assert.equal(sim.state.transfers.has(id('DDDDDDDD2')), false);

    await fetch(`${running.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ refuse: { times: 1, code: '551', message: '수취인 성명 불일치' } }),
    });
    const refused = await post('/v2.0/transfer/deposit/acnt_num', transferBody(id('DDDDDDDD3')));
    assert.equal(refused.body.rsp_code, 'A0002');
    assert.equal(refused.body.res_list[0].bank_rsp_code, '551');
    assert.equal(sim.state.transfers.has(id('DDDDDDDD3')), false);
    const faults = (await (await fetch(`${running.url}/__sim/faults`)).json()) as {
      refuse: { times: number };
    };
    assert.equal(faults.refuse.times, 0, 'counted faults disarm themselves');
  });
});
