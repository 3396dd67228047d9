import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { PayoutRequest } from '../../domain/settlement';
import { uuidv7 } from '../../platform/ids';
import {
  BANKING_SIM_DEFAULTS,
  createBankingSimulator,
  type BankingFaults,
  type BankingSimulator,
} from '../../simulators/banking/banking.simulator';
import type { ServedSimulator } from '../../simulators/shared/serve-app';
import { createFirmBankingGateway, type FirmBankingGateway } from './firm-banking.adapter';

describe('firm-banking payout adapter against the simulator', () => {
  let sim: BankingSimulator;
  let running: ServedSimulator;
  let gateway: FirmBankingGateway;

  before(async () => {
    sim = createBankingSimulator();
    running = await sim.start();
    gateway = createFirmBankingGateway({ ...BANKING_SIM_DEFAULTS, apiBaseUrl: running.url, timeoutMs: 500 });
  });
  after(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await fetch(`${running.url}/reset`, { method: 'POST' });
  });

  const faults = (knobs: Partial<BankingFaults>) =>
    fetch(`${running.url}/__sim/faults`, { method: 'POST', body: JSON.stringify(knobs) });

  function request(overrides: Partial<PayoutRequest> = {}): PayoutRequest {
    return {
      transferId: gateway.transferIdFor(uuidv7()),
      requestedAt: new Date(),
      resumed: false,
      amount: 47_500,
      account: { bankCode: '004', accountNumber: '12345678901234', holder: '판매상회' },
      printContent: '장터정산',
      clientReference: uuidv7(),
      ...overrides,
    };
  }

  test('the transfer id is the 이용기관코드, U and nine characters fixed by the settlement id', () => {
    const settlementId = uuidv7();
    const id = gateway.transferIdFor(settlementId);
    assert.match(id, /^M202400001U[0-9A-Z]{9}$/);
    assert.equal(gateway.transferIdFor(settlementId), id);
    assert.notEqual(gateway.transferIdFor(uuidv7()), id);
  });

  test('a transfer is paid: the seller’s account receives the net once', async () => {
    const payout = request();
    const result = await gateway.transfer(payout);
    assert.equal(result.kind, 'paid');
    assert.equal(result.kind === 'paid' && result.transferId, payout.transferId);
    const transfer = sim.state.transfers.get(payout.transferId);
    assert.equal(transfer?.amount, 47_500);
    assert.equal(transfer?.accountNum, '12345678901234');
    assert.equal(transfer?.bankCode, '004');
    assert.equal(transfer?.printContent, '장터정산');
  });

  test('pay but lose the answer: the look-up finds the transfer, nothing is sent twice', async () => {
    await faults({ loseResponse: 1 });
    const payout = request();
    const result = await gateway.transfer(payout);
    assert.equal(result.kind, 'paid');
    assert.equal(sim.state.transfers.size, 1);
    assert.deepEqual(
      sim.state.calls
        .filter((c) => c.operation !== 'token' && c.status !== 401)
        .map((c) => `${c.operation}:${c.delivery}`),
      ['transfer:dropped', 'result:answered'],
    );
  });

  test('an answer later than the timeout: the look-up finds the transfer that went through', async () => {
    await faults({ hang: { times: 1, ms: 1_500 } });
    const result = await gateway.transfer(request());
    assert.equal(result.kind, 'paid');
    assert.equal(sim.state.transfers.size, 1);
  });

  test('a 503 that moved nothing is unknown; the retry looks up first, then pays once', async () => {
    await faults({ transient: 1 });
    const payout = request();
    const first = await gateway.transfer(payout);
    assert.equal(first.kind, 'unknown');
    assert.equal(sim.state.transfers.size, 0);
    const second = await gateway.transfer({ ...payout, resumed: true });
    assert.equal(second.kind, 'paid');
    assert.equal(sim.state.transfers.size, 1);
  });

  test('a resumed payout that had gone through is answered by the look-up without a second transfer', async () => {
    const payout = request();
    await gateway.transfer(payout);
    const calls = sim.state.calls.length;
    const again = await gateway.transfer({ ...payout, resumed: true });
    assert.equal(again.kind, 'paid');
    assert.deepEqual(
      sim.state.calls.slice(calls).map((c) => c.operation),
      ['result'],
    );
    assert.equal(sim.state.transfers.size, 1);
  });

  test('a duplicate request with the same id is answered by the bank’s replay: still one transfer', async () => {
    const payout = request();
    await gateway.transfer(payout);
    const again = await gateway.transfer(payout);
    assert.equal(again.kind, 'paid');
    assert.equal(sim.state.transfers.size, 1);
  });

  test('a refusal by the receiving bank is final, with the bank’s code', async () => {
    await faults({ refuse: { times: 1, code: '551', message: '수취인 성명 불일치' } });
    const result = await gateway.transfer(request());
    assert.deepEqual(result.kind === 'refused' && { code: result.code, message: result.message }, {
      code: 'BANK_551',
      message: '수취인 성명 불일치',
    });
    assert.equal(sim.state.transfers.size, 0);
  });

  test('an expired or revoked token is renewed once, transparently', async () => {
    await gateway.transfer(request());
    sim.state.tokens.clear();
    const result = await gateway.transfer(request());
    assert.equal(result.kind, 'paid');
    assert.equal(sim.state.calls.filter((c) => c.operation === 'token').length, 2);
  });

  test('wrong credentials or an unreachable bank leave the outcome unknown (retried later), never paid', async () => {
    const wrong = createFirmBankingGateway({
      ...BANKING_SIM_DEFAULTS,
      clientSecret: 'wrong',
      apiBaseUrl: running.url,
      timeoutMs: 500,
    });
    assert.equal((await wrong.transfer(request())).kind, 'unknown');
    const down = createFirmBankingGateway({
      ...BANKING_SIM_DEFAULTS,
      apiBaseUrl: 'http://127.0.0.1:9',
      timeoutMs: 500,
    });
    const result = await down.transfer(request());
    assert.equal(result.kind, 'unknown');
    assert.equal(sim.state.transfers.size, 0);
  });
});
