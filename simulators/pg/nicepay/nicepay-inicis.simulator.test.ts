import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPgSimulator, type RunningPgSimulator } from '../pg.simulator';
import { NICEPAY_DOC_CLIENT } from './nicepay.simulator';

/** The simulator's own controls for NicePay and Inicis, over HTTP as tests and developers use them. */
describe('PG simulator — NicePay and Inicis controls', () => {
  const simulator = createPgSimulator();
  let running: RunningPgSimulator;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const basic = `Basic ${Buffer.from(`${NICEPAY_DOC_CLIENT.clientKey}:${NICEPAY_DOC_CLIENT.secretKey}`).toString('base64')}`;

  before(async () => {
    running = await simulator.start({ port: 0 });
  });
  after(() => running.close());

  test('fault knobs are armed per PG and refused when unknown or malformed', async () => {
    assert.equal(
      (await post('/__sim/faults', { pg: 'nicepay', transient: { times: 2, code: '2159' } })).status,
      200,
    );
    assert.equal(
      (await post('/__sim/faults', { pg: 'inicis', transient: { operation: 'refund' } })).status,
      200,
    );
    const knobs = (await (await fetch(`${running.url}/__sim/faults`)).json()) as Record<
      string,
      Record<string, unknown>
    >;
    assert.deepEqual(knobs.nicepay, { transient: { times: 2, code: '2159' } });
    assert.deepEqual(knobs.inicis, { transient: { operation: 'refund' } });
    assert.equal((await post('/__sim/faults', { pg: 'nicepay', explode: true })).status, 400);
    assert.equal(
      (await post('/__sim/faults', { pg: 'inicis', timeout: { operation: 'lookup' } })).status,
      400,
    );
    assert.equal((await post('/__sim/faults', { pg: 'nicepay', decline: { times: 0 } })).status, 400);
  });

  test('NicePay auth: wrong keys and missing headers are 401; a token needs Basic and is reused until it expires', async () => {
    const wrong = await fetch(`${running.url}/nicepay/v1/payments/nicsim-x`, {
      headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
    });
    assert.equal(wrong.status, 401);
    assert.equal((await fetch(`${running.url}/nicepay/v1/payments/nicsim-x`)).status, 401);
    assert.equal((await post('/nicepay/v1/access-token', {}, { authorization: 'Bearer x' })).status, 401);
    const first = (await (await post('/nicepay/v1/access-token', {}, { authorization: basic })).json()) as {
      resultCode: string;
      accessToken: string;
      tokenType: string;
    };
    assert.equal(first.resultCode, '0000');
    assert.equal(first.tokenType, 'Bearer');
    const again = (await (await post('/nicepay/v1/access-token', {}, { authorization: basic })).json()) as {
      accessToken: string;
    };
    assert.equal(again.accessToken, first.accessToken);
    const unknown = await fetch(`${running.url}/nicepay/v1/payments/nicsim-x`, {
      headers: { authorization: `Bearer ${first.accessToken}` },
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { resultCode: string }).resultCode, 'A118');
  });

  test('/reset forgets transactions, tokens and faults and restores the start options', async () => {
    await post('/__sim/faults', { pg: 'nicepay', decline: {} });
    await post('/__sim/config', { pg: 'nicepay', webhookUrl: 'http://127.0.0.1:9/hook' });
    assert.equal(simulator.state.nicepay.webhookUrl, 'http://127.0.0.1:9/hook');
    assert.equal((await post('/reset', {})).status, 200);
    const knobs = (await (await fetch(`${running.url}/__sim/faults`)).json()) as Record<string, unknown>;
    assert.deepEqual(knobs.nicepay, {});
    assert.deepEqual(knobs.inicis, {});
    assert.equal(simulator.state.nicepay.tokens.size, 0);
    assert.equal(simulator.state.nicepay.webhookUrl, undefined);
    const listed = (await (await fetch(`${running.url}/__sim/payments?pg=inicis`)).json()) as {
      inicis: unknown[];
    };
    assert.deepEqual(listed.inicis, []);
  });

  test('the windows refuse what the PG would: an unknown clientId, a non-URL returnUrl, an unsigned Inicis form', async () => {
    const nicepay = new URL(`${running.url}/sandbox/nicepay/checkout`);
    for (const [key, value] of Object.entries({
      clientId: 'R2_unknown',
      method: 'card',
      orderId: 'o-1',
      amount: '1000',
      goodsName: '상품',
      returnUrl: 'https://shop.example/r',
    }))
      nicepay.searchParams.set(key, value);
    assert.equal((await fetch(nicepay)).status, 400);
    nicepay.searchParams.set('clientId', NICEPAY_DOC_CLIENT.clientKey);
    nicepay.searchParams.set('returnUrl', 'javascript:alert(1)');
    assert.equal((await fetch(nicepay)).status, 400);
    nicepay.searchParams.set('returnUrl', 'https://shop.example/r');
    const page = await fetch(nicepay);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /결제하기[\s\S]*결제 실패[\s\S]*취소/);
    const inicis = await fetch(
      `${running.url}/sandbox/inicis/checkout?version=1.0&mid=INIpayTest&oid=o-1&price=1000&goodname=x&currency=WON&timestamp=1&signature=00&mKey=00&returnUrl=https://shop.example/r`,
    );
    assert.equal(inicis.status, 400);
    assert.match(await inicis.text(), /signature 검증 실패/);
  });
});
