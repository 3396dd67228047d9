import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createNhnBizmessageSimulator } from '../../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import { createNhnSmsSender } from './nhn-sms.adapter';

describe('NHN SMS adapter against the NHN simulator', () => {
  const simulator = createNhnBizmessageSimulator({ sendNos: ['0215880000'] });
  let running: { url: string; close(): Promise<void> };
  let sms: ReturnType<typeof createNhnSmsSender>;

  before(async () => {
    running = await simulator.start({ port: 0 });
    sms = createNhnSmsSender({
      baseUrl: running.url,
      appKey: simulator.config.smsAppKey,
      secretKey: simulator.config.secretKey,
      sendNo: '0215880000',
    });
  });
  after(() => running.close());
  beforeEach(() => simulator.reset());

  test('sends an SMS and an LMS with a title', async () => {
    const short = await sms.send({
      type: 'SMS',
      body: '[장터] 주문 JT-1 배송이 완료되었습니다.',
      recipients: [{ phone: '010-2222-3333', correlationKey: 'n-1' }],
    });
    assert.equal(short.classification, 'ok');
    assert.deepEqual(
      [short.channel, short.recipients[0]!.maskedRecipient, short.recipients[0]!.correlationKey],
      ['SMS', '010-****-3333', 'n-1'],
    );
    assert.equal(short.recipients[0]!.providerMessageId, `${short.providerMessageId}:1`);

    const long = await sms.send({
      type: 'LMS',
      title: '[장터] 결제 실패',
      body: '가'.repeat(200),
      recipients: [{ phone: '01022223333' }],
    });
    assert.equal(long.classification, 'ok');
    assert.deepEqual(
      simulator.state.messages.map((m) => [m.kind, m.title ?? null, m.recipientNo]),
      [
        ['SMS', null, '01022223333'],
        ['LMS', '[장터] 결제 실패', '01022223333'],
      ],
    );
  });

  test('an invalid recipient is final; other recipients of the request still go', async () => {
    simulator.setFaults({ invalidRecipients: ['01000000000'] });
    const result = await sms.send({
      type: 'SMS',
      body: '[장터] 안내',
      recipients: [{ phone: '01000000000' }, { phone: '01044445555' }],
    });
    assert.equal(result.classification, 'ok');
    assert.deepEqual(
      result.recipients.map((r) => [r.classification, r.reason ?? null, r.providerCode]),
      [
        ['final', 'INVALID_RECIPIENT', '-2019'],
        ['ok', null, '0'],
      ],
    );
    const alone = await sms.send({
      type: 'SMS',
      body: '[장터] 안내',
      recipients: [{ phone: '01000000000' }],
    });
    assert.deepEqual([alone.classification, alone.reason], ['final', 'INVALID_RECIPIENT']);
  });

  test('a transient error then success', async () => {
    simulator.setFaults({ transientFailures: 1 });
    const first = await sms.send({
      type: 'SMS',
      body: '[장터] 안내',
      recipients: [{ phone: '01044445555' }],
    });
    assert.deepEqual(
      [first.classification, first.reason, first.providerCode],
      ['transient', 'PROVIDER_ERROR', '-9999'],
    );
    const second = await sms.send({
      type: 'SMS',
      body: '[장터] 안내',
      recipients: [{ phone: '01044445555' }],
    });
    assert.equal(second.classification, 'ok');
  });

  test('429 is transient with the reset time', async () => {
    simulator.setFaults({ rateLimited: 1, retryAfterSeconds: 3 });
    const result = await sms.send({
      type: 'SMS',
      body: '[장터] 안내',
      recipients: [{ phone: '01044445555' }],
    });
    assert.deepEqual([result.classification, result.reason], ['transient', 'RATE_LIMITED']);
    assert.ok(result.retryAfter!.getTime() > Date.now() + 2000);
  });

  test('too long for SMS, emoji, and an unregistered sender number are final', async () => {
    const tooLong = await sms.send({
      type: 'SMS',
      body: '가'.repeat(46),
      recipients: [{ phone: '01044445555' }],
    });
    assert.deepEqual(
      [tooLong.classification, tooLong.reason, tooLong.providerCode],
      ['final', 'INVALID_REQUEST', '-2015'],
    );
    const emoji = await sms.send({
      type: 'SMS',
      body: '배송 완료 🎉',
      recipients: [{ phone: '01044445555' }],
    });
    assert.equal(emoji.providerCode, '-2023');
    const unregistered = createNhnSmsSender({
      baseUrl: running.url,
      appKey: simulator.config.smsAppKey,
      secretKey: simulator.config.secretKey,
      sendNo: '0299999999',
    });
    const denied = await unregistered.send({
      type: 'SMS',
      body: '[장터] 안내',
      recipients: [{ phone: '01044445555' }],
    });
    assert.deepEqual([denied.classification, denied.reason, denied.alert], ['final', 'CONFIGURATION', true]);
  });
});
