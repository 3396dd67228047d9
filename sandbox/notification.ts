import { NOTIFICATION_TEMPLATES } from '../domain/notification';
import type { NotificationSandbox } from '../integrations/notification/notification-vendors';
import { createNhnBizmessageSimulator } from '../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import { createSmtpSimulator } from '../simulators/smtp/smtp.simulator';

const SANDBOX_SEND_NO = '15880000';

/** NHN Cloud's simulator holding the shop's AlimTalk templates, and an SMTP server that keeps what it receives. */
export const notificationSandbox: NotificationSandbox = {
  async startNhn(webhookUrl, signature) {
    const simulator = createNhnBizmessageSimulator({
      templates: Object.fromEntries(
        [...NOTIFICATION_TEMPLATES.values()].flatMap((t) =>
          t.alimtalk ? [[t.alimtalk.templateCode, { content: t.alimtalk.text }]] : [],
        ),
      ),
      sendNos: [SANDBOX_SEND_NO],
      webhook: { url: webhookUrl, signature },
    });
    const running = await simulator.start();
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
  startSmtp: () => createSmtpSimulator().start(),
};
