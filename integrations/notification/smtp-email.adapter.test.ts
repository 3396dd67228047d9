import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { renderCsv, renderTemplate } from '../../domain/notification';
import { createSmtpSimulator } from '../../simulators/smtp/smtp.simulator';
import { createSmtpEmailSender, type SmtpEmailSender } from './smtp-email.adapter';

const refund = renderTemplate('REFUND_COMPLETED', {
  고객명: '<b>김민지</b>',
  주문번호: 'JT-20241124-0001',
  환불금액: '39,000원',
  환불수단: '신용카드',
  환불일시: '2024-11-25 10:00',
}).email!;

describe('SMTP adapter against the SMTP simulator', () => {
  const simulator = createSmtpSimulator({ auth: { user: 'jangteo', pass: 'secret' } });
  let running: Awaited<ReturnType<typeof simulator.start>>;
  let sender: SmtpEmailSender;

  before(async () => {
    running = await simulator.start({ port: 0, httpPort: 0 });
    sender = createSmtpEmailSender({
      host: running.host,
      port: running.smtpPort,
      auth: { user: 'jangteo', pass: 'secret' },
      from: { email: 'no-reply@jangteo.kr', name: '장터' },
      messageIdDomain: 'mail.jangteo.kr',
      timeoutMs: 5000,
    });
  });
  after(async () => {
    sender.close();
    await running.close();
  });
  beforeEach(() => simulator.reset());

  test('delivers a Korean mail with HTML, text and a CSV attachment; the sink captures it', async () => {
    const csv = renderCsv([
      ['주문번호', '환불금액'],
      ['JT-20241124-0001', 39000],
    ]);
    const result = await sender.send({
      to: [{ email: 'minji@example.com', name: '김민지' }],
      subject: refund.subject,
      html: refund.html,
      text: refund.text,
      attachments: [{ filename: '환불내역.csv', contentType: 'text/csv; charset=utf-8', content: csv }],
      notificationId: 'notif-7',
    });
    assert.equal(result.classification, 'ok');
    assert.equal(result.providerMessageId, '<notif-7@mail.jangteo.kr>');
    assert.equal(result.recipients[0]!.maskedRecipient, 'm***@example.com');

    const mail = await simulator.waitForMessage((m) => m.to.includes('minji@example.com'));
    assert.equal(mail.subject, '[장터] 환불 완료 - 주문번호 JT-20241124-0001');
    assert.equal(mail.messageId, '<notif-7@mail.jangteo.kr>');
    assert.equal(mail.headers['x-jangteo-notification-id'], 'notif-7');
    assert.ok(mail.html!.includes('&lt;b&gt;김민지&lt;/b&gt;님'));
    assert.ok(mail.text!.includes('환불금액: 39,000원'));
    assert.equal(mail.attachments[0]!.filename, '환불내역.csv');
    assert.equal(Buffer.from(mail.attachments[0]!.content, 'base64').toString('utf8'), csv);

    const readout = (await (await fetch(`${running.url}/messages?to=minji@example.com`)).json()) as {
      messages: Array<{ subject: string }>;
    };
    assert.deepEqual(
      readout.messages.map((m) => m.subject),
      [mail.subject],
    );
  });

  test('each recipient gets their own message', async () => {
    const result = await sender.send({
      to: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 'h',
    });
    assert.equal(result.recipients.length, 2);
    assert.deepEqual(
      simulator.state.messages.map((m) => m.envelope.to),
      [['a@example.com'], ['b@example.com']],
    );
  });

  test('a rejected recipient (550) is final INVALID_RECIPIENT', async () => {
    simulator.setFaults({ rejectRecipients: ['nobody@example.com'] });
    const result = await sender.send({
      to: [{ email: 'nobody@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 'h',
    });
    assert.deepEqual(
      [result.classification, result.reason, result.providerCode],
      ['final', 'INVALID_RECIPIENT', '550'],
    );
    assert.equal(simulator.state.messages.length, 0);
  });

  test('a temporary failure (451) is transient, and the retry is delivered', async () => {
    simulator.setFaults({ temporaryFailures: 1 });
    const first = await sender.send({
      to: [{ email: 'minji@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 'h',
    });
    assert.deepEqual(
      [first.classification, first.reason, first.providerCode],
      ['transient', 'PROVIDER_ERROR', '451'],
    );
    const second = await sender.send({
      to: [{ email: 'minji@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 'h',
    });
    assert.equal(second.classification, 'ok');
    assert.equal(simulator.state.messages.length, 1);
  });

  test('wrong credentials are a final configuration problem; no server is a transient network error', async () => {
    const wrong = createSmtpEmailSender({
      host: running.host,
      port: running.smtpPort,
      auth: { user: 'jangteo', pass: 'nope' },
      from: { email: 'no-reply@jangteo.kr' },
    });
    const denied = await wrong.send({
      to: [{ email: 'minji@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 'h',
    });
    wrong.close();
    assert.deepEqual([denied.classification, denied.reason, denied.alert], ['final', 'CONFIGURATION', true]);

    const offline = createSmtpEmailSender({
      host: '127.0.0.1',
      port: 1,
      from: { email: 'no-reply@jangteo.kr' },
      timeoutMs: 2000,
    });
    const unreachable = await offline.send({
      to: [{ email: 'minji@example.com' }],
      subject: 's',
      html: '<p>h</p>',
      text: 'h',
    });
    offline.close();
    assert.deepEqual([unreachable.classification, unreachable.reason], ['transient', 'NETWORK_ERROR']);
  });
});
