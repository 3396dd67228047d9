import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createNhnSmsSender } from '../../integrations/notification/nhn-sms.adapter';
import { createSmtpEmailSender } from '../../integrations/notification/smtp-email.adapter';
import { createSandboxVendors, type SandboxOptions } from '../../sandbox';
import { SANDBOX_SWEETTRACKER_KEY } from '../../simulators/courier/courier.simulator';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A socket kept alive to the stopped server may answer the first call after a restart with a reset: asked again. */
async function getJson(url: string): Promise<Json> {
  return eventually(async () => (await fetch(url).catch(() => null))?.json() as Promise<Json>, {
    what: `an answer from ${url}`,
  });
}

describe('the local sandbox remembers across a restart (issue #19, point 10)', () => {
  let stateDir: string;
  let options: SandboxOptions;
  /** The shop's courier webhook stand-in: the levels it was told about. */
  let receiver: Server;
  const pushedLevels: number[] = [];

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'jangteo-sandbox-'));
    options = {
      stateDir,
      ports: {
        courier: await freePort(),
        nhn: await freePort(),
        smtp: await freePort(),
        mail: await freePort(),
      },
    };
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        pushedLevels.push((JSON.parse(body) as { level: number }).level);
        response.end('ok');
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  });

  after(async () => {
    await new Promise((done) => receiver?.close(done));
    rmSync(stateDir, { recursive: true, force: true });
  });

  test('a parcel in transit is still known after a restart on the same port, and still arrives', async () => {
    const first = await createSandboxVendors(options).courier.start(0);
    assert.equal(first.url, `http://127.0.0.1:${options.ports!.courier}`, 'the configured port');
    const callback = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/push`;
    const response = await fetch(`${first.url}/add_invoice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        num: '612345678901',
        code: '04',
        fid: 'order-1',
        callback_url: callback,
        callback_type: 'json',
        key: SANDBOX_SWEETTRACKER_KEY,
      }),
    });
    assert.equal(((await response.json()) as Json).success, true);
    await fetch(`${first.url}/__sim/parcels/04/612345678901/advance`, {
      method: 'POST',
      body: '{"level":2}',
    });
    await first.close();

    // The next run moves parcels on by itself every 20 ms.
    const second = await createSandboxVendors(options).courier.start(20);
    try {
      assert.equal(second.url, first.url);
      const parcel = await eventually(
        async () =>
          ((await getJson(`${second.url}/__sim/parcels`)).parcels as Json[]).find(
            (p) => p.invoice === '612345678901' && p.level === 6,
          ),
        { what: 'the remembered parcel to be delivered' },
      );
      assert.deepEqual(
        parcel.details.map((d: Json) => d.level),
        [1, 2, 3, 4, 5, 6],
      );
      await eventually(() => pushedLevels.includes(6), { what: 'the delivery pushed to the shop' });
    } finally {
      await second.close();
    }
  });

  test('the AlimTalk/SMS and e-mail lists survive a restart', async () => {
    const sandbox = createSandboxVendors(options).notification;
    let nhn = await sandbox.startNhn('http://127.0.0.1:9/unused', 'signature');
    const sms = createNhnSmsSender({
      baseUrl: nhn.url,
      appKey: nhn.credentials.smsAppKey,
      secretKey: nhn.credentials.secretKey,
      sendNo: nhn.credentials.sendNo,
    });
    const sent = await sms.send({
      type: 'SMS',
      body: '[장터] 재시작 확인',
      recipients: [{ phone: '01012345678' }],
    });
    assert.equal(sent.classification, 'ok', JSON.stringify(sent));
    let mail = await sandbox.startSmtp();
    assert.equal(mail.url, `http://127.0.0.1:${options.ports!.mail}`);
    const email = createSmtpEmailSender({
      host: '127.0.0.1',
      port: mail.smtpPort,
      from: { email: 'shop@jangteo.local' },
    });
    await email.send({
      to: [{ email: 'buyer@example.com' }],
      subject: '재시작 확인',
      html: '<p>안녕하세요</p>',
      text: '안녕하세요',
    });
    await email.close();
    await nhn.close();
    await mail.close();

    nhn = await sandbox.startNhn('http://127.0.0.1:9/unused', 'signature');
    mail = await sandbox.startSmtp();
    try {
      const messages = (await getJson(`${nhn.url}/__sim/messages`)).messages as Json[];
      assert.ok(
        messages.some((m) => m.recipientNo === '01012345678' && String(m.content).includes('재시작 확인')),
        JSON.stringify(messages),
      );
      const mails = (await getJson(`${mail.url}/messages`)).messages as Json[];
      assert.deepEqual(
        mails.map((m) => m.subject),
        ['재시작 확인'],
      );
    } finally {
      await nhn.close();
      await mail.close();
    }
  });
});
