import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createNhnBizmessageSimulator } from './nhn-bizmessage.simulator';

const sim = () =>
  createNhnBizmessageSimulator({
    templates: { T1: { content: '#{name}님 안녕하세요' }, T2: { content: '검수 중', status: 'TSC02' } },
    now: () => new Date('2024-11-24T04:00:00Z'),
  });
const post = (s: ReturnType<typeof sim>, path: string, body: unknown, headers: Record<string, string> = {}) =>
  s.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Secret-Key': s.config.secretKey, ...headers },
    body: JSON.stringify(body),
  });
const alimtalk = (s: ReturnType<typeof sim>) => `/alimtalk/v2.3/appkeys/${s.config.alimtalkAppKey}/messages`;
const send = (s: ReturnType<typeof sim>, extra: Record<string, unknown> = {}) => ({
  senderKey: s.config.senderKey,
  templateCode: 'T1',
  recipientList: [{ recipientNo: '01012345678', templateParameter: { name: '민지' } }],
  ...extra,
});

describe('NHN Bizmessage simulator contract', () => {
  test('auth: secret key header and app key path are checked', async () => {
    const s = sim();
    const noSecret = await s.app.request(alimtalk(s), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(noSecret.status, 401);
    assert.deepEqual(await noSecret.json(), {
      header: { isSuccessful: false, resultCode: -1001, resultMessage: 'Invalid secretKey.' },
    });
    const badApp = await post(s, '/alimtalk/v2.3/appkeys/other/messages', send(s));
    assert.equal(((await badApp.json()) as { header: { resultCode: number } }).header.resultCode, -1000);
  });

  test('success envelope with per-recipient results; template substitution; unapproved template is -3005', async () => {
    const s = sim();
    const ok = (await (await post(s, alimtalk(s), send(s, { senderGroupingKey: 'g1' }))).json()) as {
      header: { isSuccessful: boolean; resultCode: number };
      message: {
        requestId: string;
        senderGroupingKey: string;
        sendResults: Array<{ recipientSeq: number; resultCode: number }>;
      };
    };
    assert.deepEqual(ok.header, { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' });
    assert.equal(ok.message.senderGroupingKey, 'g1');
    assert.deepEqual(
      ok.message.sendResults.map((r) => [r.recipientSeq, r.resultCode]),
      [[1, 0]],
    );
    assert.equal(s.state.messages[0]!.content, '민지님 안녕하세요');
    assert.match(ok.message.requestId, /^20241124130000/); // KST
    const pending = (await (await post(s, alimtalk(s), send(s, { templateCode: 'T2' }))).json()) as {
      header: { resultCode: number };
    };
    assert.equal(pending.header.resultCode, -3005);
  });

  test('idempotency key: the same key within 10 minutes fails with -1005', async () => {
    const s = sim();
    const headers = { 'X-NC-API-IDEMPOTENCY-KEY': 'k1' };
    assert.equal(
      ((await (await post(s, alimtalk(s), send(s), headers)).json()) as { header: { resultCode: number } })
        .header.resultCode,
      0,
    );
    assert.equal(
      ((await (await post(s, alimtalk(s), send(s), headers)).json()) as { header: { resultCode: number } })
        .header.resultCode,
      -1005,
    );
    assert.equal(s.state.messages.length, 1);
  });

  test('a scheduled message stays READY and can be cancelled', async () => {
    const s = sim();
    const sent = (await (
      await post(s, alimtalk(s), send(s, { requestDate: '2024-11-25 09:00' }))
    ).json()) as { message: { requestId: string } };
    assert.equal(s.state.messages[0]!.messageStatus, 'READY');
    const cancel = await s.app.request(`${alimtalk(s)}/${sent.message.requestId}`, {
      method: 'DELETE',
      headers: { 'X-Secret-Key': s.config.secretKey },
    });
    assert.equal(cancel.status, 200);
    assert.equal(s.state.messages[0]!.messageStatus, 'CANCEL');
  });

  test('SMS: registered sender number, 90-byte SMS limit, v3.0 response shape', async () => {
    const s = sim();
    const path = `/sms/v3.0/appKeys/${s.config.smsAppKey}/sender/sms`;
    const base = {
      body: '안녕하세요',
      sendNo: s.config.sendNos[0],
      recipientList: [{ recipientNo: '01012345678' }],
    };
    const ok = (await (await post(s, path, base)).json()) as {
      body: { data: { requestId: string; statusCode: string; sendResultList: unknown[] } };
    };
    assert.equal(ok.body.data.sendResultList.length, 1);
    assert.equal(
      (
        (await (await post(s, path, { ...base, sendNo: '0100000000' })).json()) as {
          header: { resultCode: number };
        }
      ).header.resultCode,
      -2312,
    );
    assert.equal(
      (
        (await (await post(s, path, { ...base, body: '가'.repeat(46) })).json()) as {
          header: { resultCode: number };
        }
      ).header.resultCode,
      -2015,
    );
  });

  test('invalid JSON and wrong content type are rejected with envelopes', async () => {
    const s = sim();
    const bad = await s.app.request(alimtalk(s), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Secret-Key': s.config.secretKey },
      body: '{',
    });
    assert.equal(((await bad.json()) as { header: { resultCode: number } }).header.resultCode, -9997);
    const text = await s.app.request(alimtalk(s), {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'X-Secret-Key': s.config.secretKey },
      body: 'x',
    });
    assert.equal(((await text.json()) as { header: { resultCode: number } }).header.resultCode, -9996);
  });
});
