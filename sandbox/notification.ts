import { NOTIFICATION_TEMPLATES } from '../domain/notification';
import type { NotificationSandbox } from '../integrations/notification/notification-vendors';
import { createNhnBizmessageSimulator } from '../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import { createSmtpSimulator } from '../simulators/smtp/smtp.simulator';
import { stateFileOf, type SandboxOptions } from './sandbox-options';

const SANDBOX_SEND_NO = '15880000';

/** NHN Cloud's simulator holding the shop's AlimTalk templates, and an SMTP server that keeps what it receives. */
export const createNotificationSandbox = (options: SandboxOptions = {}): NotificationSandbox => ({
  async startNhn(webhookUrl, signature) {
    const simulator = createNhnBizmessageSimulator({
      templates: Object.fromEntries(
        [...NOTIFICATION_TEMPLATES.values()].flatMap((t) =>
          t.alimtalk ? [[t.alimtalk.templateCode, { content: t.alimtalk.text }]] : [],
        ),
      ),
      sendNos: [SANDBOX_SEND_NO],
      webhook: { url: webhookUrl, signature },
      stateFile: stateFileOf(options, 'nhn-messages'),
    });
    const running = await simulator.start({ port: options.ports?.nhn });
    return {
      url: running.url,
      close: running.close,
      credentials: {
        alimtalkAppKey: simulator.config.alimtalkAppKey,
        smsAppKey: simulator.config.smsAppKey,
        secretKey: simulator.config.secretKey,
        senderKey: simulator.config.senderKey,
        sendNo: SANDBOX_SEND_NO,
      },
    };
  },
  startSmtp: () =>
    createSmtpSimulator({ stateFile: stateFileOf(options, 'mail-messages') }).start({
      port: options.ports?.smtp,
      httpPort: options.ports?.mail,
    }),
});

/** Free port, nothing kept (tests). */
export const notificationSandbox = createNotificationSandbox();
