import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  NOTIFICATION_TEMPLATES,
  decideAfterAlimTalkReport,
  decideAfterAlimTalkSend,
  attemptForRecipient,
  isLookupFailure,
  renderTemplate,
  type AlimTalkDeliveryReport,
  type AlimTalkSendRequest,
} from '../../domain/notification';
import { createNhnBizmessageSimulator } from '../../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import { createNhnAlimTalkSender } from './nhn-alimtalk.adapter';
import { createNhnSmsSender } from './nhn-sms.adapter';
import { parseNhnWebhook, verifyNhnWebhookSignature } from './nhn-webhook';
import { startWebhookReceiver } from './webhook-receiver.test-support';

// The simulator knows the same templates as the catalogue, as they would be registered in the NHN console.
const templates = Object.fromEntries(
  [...NOTIFICATION_TEMPLATES.values()]
    .filter((t) => t.alimtalk)
    .map((t) => [t.alimtalk!.templateCode, { content: t.alimtalk!.text }]),
);
const WEBHOOK_SIGNATURE = 'jangteo-nhn-webhook-secret';

const shippedVariables = {
  고객명: '김민지',
  주문번호: 'JT-20241124-0001',
  상품명: '무선 키보드',
  택배사: 'CJ대한통운',
  송장번호: '123456789012',
};
const rendered = renderTemplate('ORDER_SHIPPED', shippedVariables);

function shippedRequest(phone: string, extra: Partial<AlimTalkSendRequest> = {}): AlimTalkSendRequest {
  return {
    templateCode: rendered.alimtalk!.templateCode,
    recipients: [{ phone, variables: rendered.alimtalk!.parameters, correlationKey: 'notif-1' }],
    correlationKey: 'order-JT-20241124-0001-shipped',
    ...extra,
  };
}

describe('NHN AlimTalk adapter against the NHN simulator', () => {
  const simulator = createNhnBizmessageSimulator({ templates, sendNos: ['0215880000'] });
  let running: { url: string; close(): Promise<void> };
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let sender: ReturnType<typeof createNhnAlimTalkSender>;
  let sms: ReturnType<typeof createNhnSmsSender>;

  before(async () => {
    receiver = await startWebhookReceiver();
    simulator.config.webhook = { url: receiver.url, signature: WEBHOOK_SIGNATURE };
    running = await simulator.start({ port: 0 });
    sender = createNhnAlimTalkSender({
      baseUrl: running.url,
      appKey: simulator.config.alimtalkAppKey,
      secretKey: simulator.config.secretKey,
      senderKey: simulator.config.senderKey,
      fallbackSendNo: '0215880000',
    });
    sms = createNhnSmsSender({
      baseUrl: running.url,
      appKey: simulator.config.smsAppKey,
      secretKey: simulator.config.secretKey,
      sendNo: '0215880000',
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

  test('sends the template with its parameters and reports delivery', async () => {
    const result = await sender.send(shippedRequest('010-1234-5678'));
    assert.equal(result.classification, 'ok');
    assert.equal(result.recipients[0]!.classification, 'ok');
    assert.equal(result.recipients[0]!.maskedRecipient, '010-****-5678');
    assert.equal(result.recipients[0]!.correlationKey, 'notif-1');
    assert.match(result.recipients[0]!.providerMessageId!, new RegExp(`^${result.providerMessageId}:1$`));

    const [message] = simulator.state.messages;
    assert.equal(message!.recipientNo, '01012345678');
    assert.equal(
      message!.content,
      rendered.alimtalk!.text,
      'NHN substituted exactly what the catalogue renders',
    );

    const report = await sender.getDeliveryReport(result.providerMessageId!, 1);
    assert.ok(!isLookupFailure(report));
    assert.equal(report.delivery, 'DELIVERED');
    assert.equal(report.providerCode, '1000');
    assert.deepEqual(decideAfterAlimTalkReport(report, { providerFallbackRequested: false }), {
      action: 'DONE',
      via: 'ALIMTALK',
    });
  });

  test('an invalid recipient is final and not retried', async () => {
    simulator.setFaults({ invalidRecipients: ['01000000000'] });
    const result = await sender.send(shippedRequest('01000000000'));
    assert.equal(result.classification, 'final');
    assert.equal(result.reason, 'INVALID_RECIPIENT');
    assert.equal(result.recipients[0]!.providerCode, '-4019');
    assert.deepEqual(decideAfterAlimTalkSend(attemptForRecipient(result), { attempt: 1, maxAttempts: 3 }), {
      action: 'GIVE_UP',
      reason: 'INVALID_RECIPIENT',
    });
  });

  test('a transient system error is retried with the same idempotency key and then succeeds', async () => {
    simulator.setFaults({ transientFailures: 1 });
    const request = shippedRequest('01012345678', { idempotencyKey: 'notif-1-attempt' });
    const first = await sender.send(request);
    assert.equal(first.classification, 'transient');
    assert.equal(first.providerCode, '-9999');
    assert.deepEqual(decideAfterAlimTalkSend(attemptForRecipient(first), { attempt: 1, maxAttempts: 3 }), {
      action: 'RETRY_ALIMTALK',
      retryAfter: undefined,
    });

    const second = await sender.send(request);
    assert.equal(second.classification, 'ok');
    assert.equal(simulator.state.messages.length, 1);
  });

  test('a repeated request within 10 minutes is a duplicate: ok, nothing sent twice, first request id recovered', async () => {
    const request = shippedRequest('01012345678', { idempotencyKey: 'notif-dup' });
    const first = await sender.send(request);
    const again = await sender.send(request);
    assert.equal(again.classification, 'ok');
    assert.equal(again.duplicate, true);
    assert.equal(again.providerMessageId, first.providerMessageId);
    assert.equal(again.recipients[0]!.providerMessageId, first.recipients[0]!.providerMessageId);
    assert.equal(simulator.state.messages.length, 1);
  });

  test('429 is transient with the time the provider asked to wait', async () => {
    simulator.setFaults({ rateLimited: 1, retryAfterSeconds: 7 });
    const before = Date.now();
    const result = await sender.send(shippedRequest('01012345678'));
    assert.equal(result.classification, 'transient');
    assert.equal(result.reason, 'RATE_LIMITED');
    assert.ok(
      result.retryAfter!.getTime() >= before + 7000 && result.retryAfter!.getTime() <= Date.now() + 7000,
    );
  });

  test('a blocked template and wrong credentials are final configuration problems (alert)', async () => {
    simulator.setFaults({ blockedTemplates: ['JT_ORDER_SHIPPED'] });
    const blocked = await sender.send(shippedRequest('01012345678'));
    assert.deepEqual(
      [blocked.classification, blocked.reason, blocked.providerCode, blocked.alert],
      ['final', 'CONFIGURATION', '-3005', true],
    );
    assert.deepEqual(decideAfterAlimTalkSend(attemptForRecipient(blocked), { attempt: 1, maxAttempts: 3 }), {
      action: 'SEND_SMS',
      reason: 'CONFIGURATION',
      alert: true,
    });

    const wrongKey = createNhnAlimTalkSender({
      baseUrl: running.url,
      appKey: simulator.config.alimtalkAppKey,
      secretKey: 'wrong',
      senderKey: simulator.config.senderKey,
    });
    const denied = await wrongKey.send(shippedRequest('01012345678'));
    assert.deepEqual(
      [denied.classification, denied.reason, denied.providerCode],
      ['final', 'CONFIGURATION', '-1001'],
    );
  });

  test('missing template parameters are rejected by NHN as a final request error', async () => {
    const result = await sender.send({
      ...shippedRequest('01012345678'),
      recipients: [{ phone: '01012345678', variables: { 고객명: '김민지' } }],
    });
    assert.deepEqual(
      [result.classification, result.reason, result.providerCode],
      ['final', 'INVALID_REQUEST', '-3025'],
    );
  });

  test('network failure (nothing listening) is transient', async () => {
    const offline = createNhnAlimTalkSender({
      baseUrl: 'http://127.0.0.1:1',
      appKey: 'a',
      secretKey: 's',
      senderKey: 'k',
      timeoutMs: 2000,
    });
    const result = await offline.send(shippedRequest('01012345678'));
    assert.deepEqual([result.classification, result.reason], ['transient', 'NETWORK_ERROR']);
  });

  test('AlimTalk undeliverable → the fallback decision sends the rendered SMS through the SMS adapter', async () => {
    simulator.setFaults({ undeliverable: ['01055556666'] });
    const result = await sender.send(shippedRequest('01055556666'));
    assert.equal(result.classification, 'ok', 'NHN accepted the request; Kakao fails later');
    assert.deepEqual(decideAfterAlimTalkSend(attemptForRecipient(result), { attempt: 1, maxAttempts: 3 }), {
      action: 'AWAIT_REPORT',
    });

    const report = (await sender.getDeliveryReport(result.providerMessageId!, 1)) as AlimTalkDeliveryReport;
    assert.deepEqual(
      [report.delivery, report.providerCode, report.reason, report.providerFallback],
      ['FAILED', '3019', 'CHANNEL_UNAVAILABLE', 'NOT_TARGET'],
    );
    const decision = decideAfterAlimTalkReport(report, { providerFallbackRequested: false });
    assert.deepEqual(decision, { action: 'SEND_SMS', reason: 'CHANNEL_UNAVAILABLE', alert: false });

    const fallback = rendered.sms!;
    const smsResult = await sms.send({
      type: fallback.type,
      title: fallback.title,
      body: fallback.body,
      recipients: [{ phone: '01055556666', correlationKey: 'notif-1' }],
    });
    assert.equal(smsResult.classification, 'ok');
    assert.equal(smsResult.channel, 'SMS');
    const delivered = simulator.state.messages.filter((m) => m.kind === 'SMS');
    assert.equal(delivered.length, 1);
    assert.equal(delivered[0]!.content, '[장터] 주문 JT-20241124-0001 발송. CJ대한통운 123456789012');
  });

  test('with provider-side fallback NHN sends the SMS itself and the decision does not send another', async () => {
    simulator.setFaults({ undeliverable: ['01077778888'] });
    const fallback = rendered.sms!;
    const request = shippedRequest('01077778888');
    request.recipients[0]!.smsFallback = {
      type: fallback.type,
      content: fallback.body,
      title: fallback.title,
    };
    const result = await sender.send(request);
    const report = (await sender.getDeliveryReport(result.providerMessageId!, 1)) as AlimTalkDeliveryReport;
    assert.deepEqual(
      [report.delivery, report.providerFallback, report.providerFallbackCode],
      ['FAILED', 'SENT', '1000'],
    );
    assert.deepEqual(decideAfterAlimTalkReport(report, { providerFallbackRequested: true }), {
      action: 'DONE',
      via: 'PROVIDER_SMS',
    });
    const providerSms = simulator.state.messages.filter((m) => m.kind !== 'ALIMTALK');
    assert.equal(providerSms.length, 1);
    assert.equal(providerSms[0]!.content, fallback.body);
    assert.equal(providerSms[0]!.sendNo, '0215880000');

    simulator.setFaults({ undeliverable: ['01099990000'], resendFailures: ['01099990000'] });
    const failing = shippedRequest('01099990000');
    failing.recipients[0]!.smsFallback = { type: fallback.type, content: fallback.body };
    const sent = await sender.send(failing);
    const failedReport = (await sender.getDeliveryReport(
      sent.providerMessageId!,
      1,
    )) as AlimTalkDeliveryReport;
    assert.equal(failedReport.providerFallback, 'FAILED');
    assert.deepEqual(decideAfterAlimTalkReport(failedReport, { providerFallbackRequested: true }), {
      action: 'SEND_SMS',
      reason: 'PROVIDER_FALLBACK_FAILED',
      alert: false,
    });
  });

  test('delivery webhook: the real signature header is accepted, a forged one rejected, reports parsed', async () => {
    simulator.setFaults({ undeliverable: ['01055556666'] });
    await sender.send(shippedRequest('01012345678'));
    await sender.send({ ...shippedRequest('01055556666'), correlationKey: 'other' });
    await simulator.flushWebhooks();
    assert.equal(receiver.received.length, 2);

    const [ok, failed] = receiver.received;
    assert.equal(verifyNhnWebhookSignature(ok!.headers, WEBHOOK_SIGNATURE), true);
    assert.equal(
      verifyNhnWebhookSignature({ ...ok!.headers, 'x-toast-webhook-signature': 'forged' }, WEBHOOK_SIGNATURE),
      false,
    );
    const { ['x-toast-webhook-signature']: _removed, ...unsigned } = ok!.headers;
    assert.equal(verifyNhnWebhookSignature(unsigned, WEBHOOK_SIGNATURE), false);

    const delivered = parseNhnWebhook(ok!.rawBody);
    assert.equal(delivered.event, 'MESSAGE_RESULT_UPDATE');
    assert.deepEqual(
      delivered.reports.map((r) => [r.delivery, r.maskedRecipient, r.correlationKey, r.providerFallback]),
      [['DELIVERED', '010-****-5678', 'notif-1', 'UNKNOWN']],
    );
    const undeliverable = parseNhnWebhook(failed!.rawBody).reports[0]!;
    assert.deepEqual([undeliverable.delivery, undeliverable.providerCode], ['FAILED', '3019']);
    // A webhook cannot say whether NHN's own fallback ran; when it was requested, look it up first.
    assert.deepEqual(decideAfterAlimTalkReport(undeliverable, { providerFallbackRequested: true }), {
      action: 'AWAIT_REPORT',
    });
  });

  test('the developer read-out and fault knobs work over HTTP', async () => {
    await sender.send(shippedRequest('01012345678'));
    const messages = (await (await fetch(`${running.url}/__sim/messages`)).json()) as { messages: unknown[] };
    assert.equal(messages.messages.length, 1);
    await fetch(`${running.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transientFailures: 2 }),
    });
    assert.equal(simulator.state.faults.transientFailures, 2);
    assert.equal((await fetch(`${running.url}/reset`, { method: 'POST' })).status, 204);
    assert.equal(simulator.state.messages.length, 0);
  });
});
