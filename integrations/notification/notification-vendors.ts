import type { NotificationVendorConfig } from '../../config/notification-vendors';
import {
  NOTIFICATION_TEMPLATES,
  type AlimTalkSender,
  type EmailSender,
  type SmsSender,
} from '../../domain/notification';
import { createNhnBizmessageSimulator } from '../../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import { createSmtpSimulator } from '../../simulators/smtp/smtp.simulator';
import { createNhnAlimTalkSender } from './nhn-alimtalk.adapter';
import { createNhnSmsSender } from './nhn-sms.adapter';
import { createSendGridEmailSender } from './sendgrid-email.adapter';
import { createSmtpEmailSender } from './smtp-email.adapter';

/** The shared secret the sandbox NHN simulator signs its webhooks with (sandbox only, never production). */
export const SANDBOX_NHN_WEBHOOK_SIGNATURE = 'jangteo-sandbox-nhn-webhook';
export const NHN_WEBHOOK_PATH = '/api/v1/webhooks/notifications/nhn';

export interface NotificationVendors {
  alimtalk: AlimTalkSender;
  sms: SmsSender;
  email: EmailSender;
  emailProvider: 'sendgrid' | 'smtp';
  /** Base URLs of the sandbox simulators (absent for real vendors): `<nhn>/__sim/messages` and `<mail>/messages` show what was sent. */
  sandbox: { nhn?: string; mail?: string };
  close(): Promise<void>;
}

/** What the webhook routes need to verify callbacks; the same in every process of a deployment. */
export function notificationWebhookSecrets(config: NotificationVendorConfig) {
  return {
    nhnSignature: config.nhn.kind === 'nhn' ? config.nhn.webhookSignature : SANDBOX_NHN_WEBHOOK_SIGNATURE,
    sendgridPublicKey: config.email.kind === 'sendgrid' ? config.email.webhookPublicKey : undefined,
  };
}

/**
 * Adapters for the configured vendors; a vendor without credentials is served by its simulator,
 * started here in-process (DESIGN §6 sandbox vendors), which calls the shop's webhooks back.
 */
export async function openNotificationVendors(
  config: NotificationVendorConfig,
  options: { webhookBaseUrl: string },
): Promise<NotificationVendors> {
  const closers: Array<() => Promise<void> | void> = [];
  const sandbox: NotificationVendors['sandbox'] = {};

  let nhn = config.nhn;
  if (nhn.kind === 'sandbox') {
    const simulator = createNhnBizmessageSimulator({
      templates: Object.fromEntries(
        [...NOTIFICATION_TEMPLATES.values()].flatMap((t) =>
          t.alimtalk ? [[t.alimtalk.templateCode, { content: t.alimtalk.text }]] : [],
        ),
      ),
      sendNos: ['15880000'],
      webhook: {
        url: `${options.webhookBaseUrl}${NHN_WEBHOOK_PATH}`,
        signature: SANDBOX_NHN_WEBHOOK_SIGNATURE,
      },
    });
    const running = await simulator.start();
    closers.push(running.close);
    sandbox.nhn = running.url;
    nhn = {
      kind: 'nhn',
      alimtalkBaseUrl: running.url,
      smsBaseUrl: running.url,
      alimtalkAppKey: simulator.config.alimtalkAppKey,
      smsAppKey: simulator.config.smsAppKey,
      secretKey: simulator.config.secretKey,
      senderKey: simulator.config.senderKey,
      sendNo: '15880000',
    };
  }
  const alimtalk = createNhnAlimTalkSender({
    baseUrl: nhn.alimtalkBaseUrl,
    appKey: nhn.alimtalkAppKey,
    secretKey: nhn.secretKey,
    senderKey: nhn.senderKey,
  });
  const sms = createNhnSmsSender({
    baseUrl: nhn.smsBaseUrl,
    appKey: nhn.smsAppKey,
    secretKey: nhn.secretKey,
    sendNo: nhn.sendNo,
  });

  let email: EmailSender;
  if (config.email.kind === 'sendgrid') {
    email = createSendGridEmailSender({ apiKey: config.email.apiKey, from: config.mailFrom });
  } else {
    let smtpUrl: URL;
    if (config.email.kind === 'smtp') {
      smtpUrl = new URL(config.email.url);
    } else {
      const simulator = createSmtpSimulator();
      const running = await simulator.start();
      closers.push(running.close);
      sandbox.mail = running.url;
      smtpUrl = new URL(`smtp://127.0.0.1:${running.smtpPort}`);
    }
    const smtp = createSmtpEmailSender({
      host: smtpUrl.hostname,
      port: Number(smtpUrl.port || (smtpUrl.protocol === 'smtps:' ? 465 : 587)),
      secure: smtpUrl.protocol === 'smtps:',
      ...(smtpUrl.username && {
        auth: { user: decodeURIComponent(smtpUrl.username), pass: decodeURIComponent(smtpUrl.password) },
      }),
      from: config.mailFrom,
    });
    closers.push(() => smtp.close());
    email = smtp;
  }

  return {
    alimtalk,
    sms,
    email,
    emailProvider: config.email.kind === 'sendgrid' ? 'sendgrid' : 'smtp',
    sandbox,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
