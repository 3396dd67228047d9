import {
  NHN_VARIABLES,
  SANDBOX_NHN_WEBHOOK_SIGNATURE,
  type NhnConfig,
  type NotificationVendorConfig,
} from '../../config/notification-vendors';
import type { AlimTalkSender, EmailSender, SmsSender } from '../../domain/notification';
import { requireSandbox, type RunningSandbox } from '../vendor-sandbox';
import { createNhnAlimTalkSender } from './nhn-alimtalk.adapter';
import { createNhnSmsSender } from './nhn-sms.adapter';
import { createSendGridEmailSender } from './sendgrid-email.adapter';
import { createSmtpEmailSender } from './smtp-email.adapter';

export { SANDBOX_NHN_WEBHOOK_SIGNATURE };
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

/** What stands in for the notification vendors without credentials (sandbox/notification.ts). */
export interface NotificationSandbox {
  /** Starts the NHN Cloud simulator, which signs its webhooks to `webhookUrl` with `signature`. */
  startNhn(webhookUrl: string, signature: string): Promise<RunningSandbox & { credentials: NhnCredentials }>;
  /** Starts the SMTP simulator; `<url>/messages` shows what was sent. */
  startSmtp(): Promise<RunningSandbox & { smtpPort: number }>;
}

type NhnCredentials = Pick<
  Extract<NhnConfig, { kind: 'nhn' }>,
  'alimtalkAppKey' | 'smsAppKey' | 'secretKey' | 'senderKey' | 'sendNo'
>;

/**
 * What the webhook routes need to verify callbacks; the same in every process of a deployment. No
 * signature (production without NHN_WEBHOOK_SIGNATURE): every report is refused.
 */
export function notificationWebhookSecrets(config: NotificationVendorConfig) {
  return {
    nhnSignature: config.nhn.webhookSignature,
    sendgridPublicKey: config.email.kind === 'sendgrid' ? config.email.webhookPublicKey : undefined,
  };
}

/**
 * Adapters for the configured vendors; a vendor without credentials is served by its simulator,
 * started in-process by the injected sandbox (docs/vendors/README.md#sandbox-vendors), which calls
 * the shop's webhooks back. Without a sandbox, such a vendor is a VendorNotConfiguredError.
 */
export async function openNotificationVendors(
  config: NotificationVendorConfig,
  options: { webhookBaseUrl: string; sandbox?: NotificationSandbox },
): Promise<NotificationVendors> {
  const closers: Array<() => Promise<void> | void> = [];
  const sandbox: NotificationVendors['sandbox'] = {};

  let nhn = config.nhn;
  if (nhn.kind === 'sandbox') {
    const running = await requireSandbox(
      options.sandbox,
      'NHN Cloud (AlimTalk, SMS)',
      NHN_VARIABLES,
    ).startNhn(
      `${options.webhookBaseUrl}${NHN_WEBHOOK_PATH}`,
      // Unsigned in production it would be refused anyway; the public value keeps the simulator's contract.
      nhn.webhookSignature ?? SANDBOX_NHN_WEBHOOK_SIGNATURE,
    );
    closers.push(running.close);
    sandbox.nhn = running.url;
    nhn = {
      kind: 'nhn',
      alimtalkBaseUrl: running.url,
      smsBaseUrl: running.url,
      ...running.credentials,
      webhookSignature: nhn.webhookSignature,
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
      const running = await requireSandbox(options.sandbox, 'e-mail', [
        'SENDGRID_API_KEY or SMTP_URL',
      ]).startSmtp();
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
