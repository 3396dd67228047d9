import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { renderCsv, renderTemplate } from '../../domain/notification';
import { createSendGridSimulator } from '../../simulators/sendgrid/sendgrid.simulator';
import { createSendGridEmailSender } from './sendgrid-email.adapter';
import {
  parseSendGridEvents,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  verifySendGridWebhook,
} from './sendgrid-webhook';
import { startWebhookReceiver } from './webhook-receiver.test-support';

const API_KEY = 'SG.jangteo-test-key';
const receipt = renderTemplate('PAYMENT_COMPLETED', {
  고객명: '김민지',
  주문번호: 'JT-20241124-0001',
  상품명: '무선 키보드',
  결제금액: '39,000원',
  결제수단: '신용카드',
  결제일시: '2024-11-24 13:30',
}).email!;

describe('SendGrid adapter against the SendGrid simulator', () => {
  const simulator = createSendGridSimulator({ apiKeys: [API_KEY], verifiedSenders: ['no-reply@jangteo.kr'] });
  let running: { url: string; close(): Promise<void> };
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let sender: ReturnType<typeof createSendGridEmailSender>;

  before(async () => {
    receiver = await startWebhookReceiver();
    simulator.config.eventWebhookUrl = receiver.url;
    running = await simulator.start({ port: 0 });
    sender = createSendGridEmailSender({
      apiKey: API_KEY,
      baseUrl: running.url,
      from: { email: 'no-reply@jangteo.kr', name: '장터' },
    });
  });
  after(async () => {
    await simulator.flushWebhooks();
    await running.close();
    await receiver.close();
  });
  beforeEach(async () => {
    await simulator.flushWebhooks();
    simulator.reset();
    receiver.received.length = 0;
  });

  const receiptTo = (email: string) => ({
    to: [{ email, name: '김민지' }],
    subject: receipt.subject,
    html: receipt.html,
    text: receipt.text,
    notificationId: 'notif-42',
    categories: ['receipt'],
  });

  test('202 with X-Message-Id; the mail reached the simulator through @sendgrid/mail', async () => {
    const result = await sender.send(receiptTo('minji@example.com'));
    assert.deepEqual([result.classification, result.providerCode], ['ok', 'HTTP_202']);
    assert.ok(result.providerMessageId);
    assert.equal(result.recipients[0]!.maskedRecipient, 'm***@example.com');
    const [message] = simulator.state.messages;
    assert.equal(message!.messageId, result.providerMessageId);
    assert.equal(message!.subject, '[장터] 결제 영수증 - 주문번호 JT-20241124-0001');
    assert.deepEqual(
      message!.content.map((c) => c.type),
      ['text/plain', 'text/html'],
    );
    assert.deepEqual(message!.customArgs, { jangteo_notification_id: 'notif-42' });
  });

  test('sandbox mode answers 200, sends nothing and posts no events', async () => {
    const sandbox = createSendGridEmailSender({
      apiKey: API_KEY,
      baseUrl: running.url,
      from: { email: 'no-reply@jangteo.kr' },
      sandboxMode: true,
    });
    const result = await sandbox.send(receiptTo('minji@example.com'));
    assert.deepEqual(
      [result.classification, result.providerCode, result.providerMessageId],
      ['ok', 'HTTP_200', undefined],
    );
    assert.equal(simulator.state.messages[0]!.sandbox, true);
    await simulator.flushWebhooks();
    assert.equal(receiver.received.length, 0);
  });

  test('an invalid address is a final INVALID_RECIPIENT', async () => {
    const result = await sender.send(receiptTo('not-an-address'));
    assert.deepEqual(
      [result.classification, result.reason, result.providerCode],
      ['final', 'INVALID_RECIPIENT', 'HTTP_400'],
    );
    assert.match(result.providerMessage!, /personalizations\.0\.to\.0\.email/);
    assert.equal(simulator.state.messages.length, 0);
  });

  test('a 503 is transient and the retry succeeds', async () => {
    simulator.setFaults({ transientFailures: 1 });
    const first = await sender.send(receiptTo('minji@example.com'));
    assert.deepEqual(
      [first.classification, first.reason, first.providerCode],
      ['transient', 'PROVIDER_ERROR', 'HTTP_503'],
    );
    const second = await sender.send(receiptTo('minji@example.com'));
    assert.equal(second.classification, 'ok');
  });

  test('429 is transient and carries X-RateLimit-Reset as retryAfter', async () => {
    simulator.setFaults({ rateLimited: 1, rateLimitResetSeconds: 42 });
    const result = await sender.send(receiptTo('minji@example.com'));
    assert.deepEqual([result.classification, result.reason], ['transient', 'RATE_LIMITED']);
    const expected = Math.floor(Date.now() / 1000) + 42;
    assert.ok(Math.abs(result.retryAfter!.getTime() / 1000 - expected) <= 2);
  });

  test('a bad API key and an unverified sender are final configuration problems', async () => {
    const badKey = createSendGridEmailSender({
      apiKey: 'SG.wrong',
      baseUrl: running.url,
      from: { email: 'no-reply@jangteo.kr' },
    });
    const denied = await badKey.send(receiptTo('minji@example.com'));
    assert.deepEqual(
      [denied.classification, denied.reason, denied.providerCode, denied.alert],
      ['final', 'CONFIGURATION', 'HTTP_401', true],
    );
    const unverified = await sender.send({
      ...receiptTo('minji@example.com'),
      from: { email: 'someone@else.kr' },
    });
    assert.deepEqual(
      [unverified.classification, unverified.reason, unverified.providerCode],
      ['final', 'CONFIGURATION', 'HTTP_403'],
    );
  });

  test('the weekly statement goes with its CSV attachment', async () => {
    const statement = renderTemplate('SETTLEMENT_STATEMENT', {
      판매자명: '행복상회',
      정산주차: '2024-W47',
      정산기간: '2024-11-18 ~ 2024-11-24',
      총판매금액: '100,000원',
      수수료: '5,000원',
      환불금액: '0원',
      정산금액: '95,000원',
      지급예정일: '2024-11-25',
    }).email!;
    const csv = renderCsv([
      ['주문번호', '금액'],
      ['JT-1', 100000],
    ]);
    const result = await sender.send({
      to: [{ email: 'seller@example.com' }],
      subject: statement.subject,
      html: statement.html,
      text: statement.text,
      attachments: [
        {
          filename: statement.attachment!.filename,
          contentType: statement.attachment!.contentType,
          content: csv,
        },
      ],
    });
    assert.equal(result.classification, 'ok');
    const [attachment] = simulator.state.messages[0]!.attachments;
    assert.equal(attachment!.filename, 'jangteo-settlement-2024-W47.csv');
    assert.equal(Buffer.from(attachment!.content, 'base64').toString('utf8'), csv);
  });

  test('event webhook: the real ECDSA signature verifies, forged or modified batches are rejected', async () => {
    simulator.setFaults({ bounceRecipients: ['gone@example.com'] });
    const sent = await sender.send({
      ...receiptTo('minji@example.com'),
      to: [{ email: 'minji@example.com' }, { email: 'gone@example.com' }],
    });
    await simulator.flushWebhooks();
    assert.equal(receiver.received.length, 1);
    const [{ rawBody, headers }] = receiver.received as [
      { rawBody: string; headers: Record<string, string> },
    ];
    const publicKey = simulator.state.publicKey;

    const verified = verifySendGridWebhook({ rawBody, headers, publicKey });
    assert.equal(verified.ok, true);

    const tampered = rawBody.replace('"delivered"', '"bounce"');
    assert.notEqual(tampered, rawBody);
    assert.deepEqual(verifySendGridWebhook({ rawBody: tampered, headers, publicKey }), {
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    const otherTimestamp = {
      ...headers,
      [SENDGRID_TIMESTAMP_HEADER.toLowerCase()]: String(
        Number(headers['x-twilio-email-event-webhook-timestamp']) + 1,
      ),
    };
    assert.deepEqual(verifySendGridWebhook({ rawBody, headers: otherTimestamp, publicKey }), {
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    const forged = {
      ...headers,
      [SENDGRID_SIGNATURE_HEADER.toLowerCase()]: simulator.sign('0', 'something else'),
    };
    assert.deepEqual(verifySendGridWebhook({ rawBody, headers: forged, publicKey }), {
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
    assert.deepEqual(
      verifySendGridWebhook({ rawBody, headers, publicKey, now: new Date(Date.now() + 3_600_000) }),
      { ok: false, reason: 'STALE_TIMESTAMP' },
    );
    assert.deepEqual(verifySendGridWebhook({ rawBody, headers: {}, publicKey }), {
      ok: false,
      reason: 'MISSING_HEADERS',
    });

    const events = parseSendGridEvents(rawBody);
    assert.deepEqual(
      events.map((e) => [e.maskedRecipient, e.status, e.providerMessageId, e.notificationId]),
      [
        ['m***@example.com', 'PROCESSED', sent.providerMessageId, 'notif-42'],
        ['m***@example.com', 'DELIVERED', sent.providerMessageId, 'notif-42'],
        ['g***@example.com', 'PROCESSED', sent.providerMessageId, 'notif-42'],
        ['g***@example.com', 'FAILED', sent.providerMessageId, 'notif-42'],
      ],
    );
    assert.equal(new Set(events.map((e) => e.eventId)).size, 4);
  });

  test('the public key is served as SendGrid does; a key from elsewhere rejects the batch', async () => {
    const response = await fetch(`${running.url}/v3/user/webhooks/event/settings/signed`, {
      headers: { Authorization: `Bearer ${API_KEY}` },
    });
    const { public_key } = (await response.json()) as { public_key: string };
    assert.equal(public_key, simulator.state.publicKey);
    await sender.send(receiptTo('minji@example.com'));
    await simulator.flushWebhooks();
    const other = createSendGridSimulator();
    const [{ rawBody, headers }] = receiver.received as [
      { rawBody: string; headers: Record<string, string> },
    ];
    assert.deepEqual(verifySendGridWebhook({ rawBody, headers, publicKey: other.state.publicKey }), {
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });
});
