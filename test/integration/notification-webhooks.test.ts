import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createNotificationActivities } from '../../activities/notification/notification.activities';
import { testIdentitySettings } from '../support/test-identity';
import type { NotificationVendorConfig } from '../../config/notification-vendors';
import { findTemplate, type NotificationRequest, type TemplateCode } from '../../domain/notification';
import { createNhnAlimTalkSender } from '../../integrations/notification/nhn-alimtalk.adapter';
import { createNhnSmsSender } from '../../integrations/notification/nhn-sms.adapter';
import { createSendGridEmailSender } from '../../integrations/notification/sendgrid-email.adapter';
import { TypeOrmUserRepository } from '../../persistence/identity/typeorm-user.repository';
import { TypeOrmNotificationStore } from '../../persistence/notification/typeorm-notification.store';
import { UserRecipientDirectory } from '../../persistence/notification/user-recipient-directory';
import { AesGcmPiiCipher } from '../../platform/crypto/aes-gcm-pii-cipher';
import { listen, type RunningServer } from '../../platform/http-server';
import { uuidv7 } from '../../platform/ids';
import {
  createNhnBizmessageSimulator,
  type NhnBizmessageSimulator,
} from '../../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import {
  createSendGridSimulator,
  type SendGridSimulator,
} from '../../simulators/sendgrid/sendgrid.simulator';
import { createTestApp, type TestApp } from '../support/test-app';

const NHN_SIGNATURE = 'webhook-test-signature';
const SENDGRID_KEY = 'SG.webhook-test';
const variablesOf = (code: TemplateCode) =>
  Object.fromEntries(findTemplate(code)!.variables.map((name) => [name, `${name}-값`]));

describe('notification webhooks: verified, idempotent, moving the send log forward', () => {
  const identity = testIdentitySettings();
  const closers: Array<() => Promise<void> | void> = [];
  let app: TestApp;
  let server: RunningServer;
  let nhn: NhnBizmessageSimulator;
  let sendgrid: SendGridSimulator;
  let store: TypeOrmNotificationStore;
  let activities: ReturnType<typeof createNotificationActivities>;

  before(async () => {
    nhn = createNhnBizmessageSimulator({ secretKey: 'nhn-secret' });
    sendgrid = createSendGridSimulator({ apiKeys: [SENDGRID_KEY] });
    const nhnRunning = await nhn.start();
    const sendgridRunning = await sendgrid.start();
    closers.push(nhnRunning.close, sendgridRunning.close);
    const notifications: NotificationVendorConfig = {
      nhn: {
        kind: 'nhn',
        alimtalkBaseUrl: nhnRunning.url,
        smsBaseUrl: nhnRunning.url,
        alimtalkAppKey: nhn.config.alimtalkAppKey,
        smsAppKey: nhn.config.smsAppKey,
        secretKey: 'nhn-secret',
        senderKey: nhn.config.senderKey,
        sendNo: '0212345678',
        webhookSignature: NHN_SIGNATURE,
      },
      email: { kind: 'sendgrid', apiKey: SENDGRID_KEY, webhookPublicKey: sendgrid.state.publicKey },
      mailFrom: { email: 'no-reply@jangteo.test' },
    };
    app = await createTestApp({ identity, notifications });
    server = await listen(app.app.fetch, 0, '127.0.0.1');
    const base = `http://127.0.0.1:${server.port}/api/v1/webhooks/notifications`;
    nhn.config.webhook = { url: `${base}/nhn`, signature: NHN_SIGNATURE };
    sendgrid.config.eventWebhookUrl = `${base}/sendgrid`;

    const cipher = new AesGcmPiiCipher(identity.piiKeys, identity.piiHashKey);
    store = new TypeOrmNotificationStore(app.dataSource, cipher);
    activities = createNotificationActivities({
      store,
      directory: new UserRecipientDirectory(new TypeOrmUserRepository(app.dataSource, cipher)),
      alimtalk: createNhnAlimTalkSender({
        baseUrl: nhnRunning.url,
        appKey: nhn.config.alimtalkAppKey,
        secretKey: 'nhn-secret',
        senderKey: nhn.config.senderKey,
      }),
      sms: createNhnSmsSender({
        baseUrl: nhnRunning.url,
        appKey: nhn.config.smsAppKey,
        secretKey: 'nhn-secret',
        sendNo: '0212345678',
      }),
      email: createSendGridEmailSender({
        apiKey: SENDGRID_KEY,
        baseUrl: sendgridRunning.url,
        from: { email: 'no-reply@jangteo.test' },
      }),
      emailProvider: 'sendgrid',
      startDelivery: async () => undefined,
      newId: uuidv7,
      now: () => new Date(),
    });
  });

  after(async () => {
    await server?.close();
    for (const close of closers) await close();
    await app?.close();
  });

  const post = (provider: string, body: string, headers: Record<string, string>) =>
    app.request(`/api/v1/webhooks/notifications/${provider}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  test('NHN: a signed delivery report marks the AlimTalk delivered once; a replay or a forgery changes nothing', async () => {
    const { notificationId } = await activities.sendNotification({
      templateCode: 'ORDER_PLACED',
      recipient: { phone: '01055550001' },
      variables: variablesOf('ORDER_PLACED'),
      dedupeKey: `placed:${uuidv7()}`,
    });
    await new MockActivityEnvironment().run(activities.deliverAlimTalk, { notificationId });
    await nhn.flushWebhooks();
    // NHN reported delivery while the send was still answering; the report was applied and kept.
    const delivery = nhn.state.webhookDeliveries.at(-1)!;
    assert.equal(delivery.status, 200);
    assert.equal((await store.attemptOf(notificationId, 'ALIMTALK'))!.status, 'DELIVERED');
    const body = JSON.stringify(delivery.body);
    const replay = (await (
      await post('nhn', body, { 'X-Toast-Webhook-Signature': NHN_SIGNATURE })
    ).json()) as { applied: number };
    assert.equal(replay.applied, 0);

    const forged = await post('nhn', body, { 'X-Toast-Webhook-Signature': 'guessed' });
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { code: string }).code, 'WEBHOOK_SIGNATURE_INVALID');
    const malformed = await post('nhn', '{"not":', { 'X-Toast-Webhook-Signature': NHN_SIGNATURE });
    assert.equal(malformed.status, 400);
  });

  test('NHN: the report of a notice delivered inline (no workflow to wake) still lands on its attempt row', async () => {
    const phone = '01055550002';
    nhn.setFaults({ undeliverable: [phone], resendFailures: [phone] });
    try {
      const request: NotificationRequest = {
        templateCode: 'ORDER_PLACED',
        recipient: { phone },
        variables: variablesOf('ORDER_PLACED'),
        dedupeKey: `placed:${uuidv7()}`,
      };
      const { notificationId } = await new MockActivityEnvironment().run<
        [NotificationRequest],
        { notificationId: string },
        typeof activities.sendNotification
      >(activities.sendNotification, request);
      await nhn.flushWebhooks();
      const delivery = nhn.state.webhookDeliveries.at(-1)!;
      assert.equal(delivery.status, 200, 'waking a workflow that does not exist is no error');
      const attempt = (await store.attemptOf(notificationId, 'ALIMTALK'))!;
      assert.equal(attempt.status, 'FAILED', 'Kakao’s failure, recorded for the send log');
      assert.equal((await store.get(notificationId))!.deliveredVia, 'ALIMTALK');
      // NHN's own fallback was asked for; its failure is NHN's to report, not ours to repeat.
      const sent = nhn.state.messages.filter((m) => m.recipientNo === phone);
      assert.equal(sent[0]!.isResend, true);
      assert.equal(sent[0]!.resendStatus, 'RSC05');
    } finally {
      nhn.setFaults({ undeliverable: [], resendFailures: [] });
    }
  });

  test('SendGrid: signed events from the provider move the e-mail forward; a tampered batch is refused', async () => {
    const email = `buyer.${uuidv7().slice(-8)}@example.com`;
    const { notificationId } = await activities.sendNotification({
      templateCode: 'SETTLEMENT_STATEMENT',
      recipient: { email },
      variables: variablesOf('SETTLEMENT_STATEMENT'),
      dedupeKey: `statement:${uuidv7()}`,
      attachment: 'a,b\n1,2\n',
    });
    const outcome = await activities.deliverEmail({ notificationId });
    assert.deepEqual(outcome, { channel: 'EMAIL', status: 'ACCEPTED' });
    await sendgrid.flushWebhooks();
    const deliveries = sendgrid.state.webhookDeliveries.filter((d) => d.rawBody.includes(notificationId));
    assert.ok(
      deliveries.length > 0 && deliveries.every((d) => d.status === 200),
      'the simulator’s signed events were accepted',
    );
    assert.equal((await store.attemptOf(notificationId, 'EMAIL'))!.status, 'DELIVERED');

    const delivery = deliveries[0]!;
    const headers = {
      'X-Twilio-Email-Event-Webhook-Signature': delivery.signature,
      'X-Twilio-Email-Event-Webhook-Timestamp': delivery.timestamp,
    };
    const replay = (await (await post('sendgrid', delivery.rawBody, headers)).json()) as { applied: number };
    assert.equal(replay.applied, 0);
    const tampered = await post('sendgrid', delivery.rawBody.replace('delivered', 'bounce'), headers);
    assert.equal(tampered.status, 401);
  });
});
