import { createTransport } from 'nodemailer';
import {
  maskEmail,
  type EmailAddress,
  type EmailSender,
  type FailureReason,
  type RecipientResult,
  type ResultClass,
  type SendResult,
} from '../../domain/notification';

export interface SmtpEmailConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  requireTls?: boolean;
  auth?: { user: string; pass: string };
  from: EmailAddress;
  /** Domain of generated Message-IDs (`<notificationId@domain>`). */
  messageIdDomain?: string;
  timeoutMs?: number;
}

interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export interface SmtpEmailSender extends EmailSender {
  close(): void;
}

function classify(error: SmtpErrorLike): {
  classification: ResultClass;
  reason: FailureReason;
  alert?: boolean;
} {
  const status = error.responseCode;
  if (status === undefined) return { classification: 'transient', reason: 'NETWORK_ERROR' };
  if (status >= 400 && status < 500) return { classification: 'transient', reason: 'PROVIDER_ERROR' };
  if (error.code === 'EAUTH' || status === 530 || status === 535)
    return { classification: 'final', reason: 'CONFIGURATION', alert: true };
  if (error.code === 'EENVELOPE' && [550, 551, 553, 501].includes(status))
    return { classification: 'final', reason: 'INVALID_RECIPIENT' };
  return { classification: 'final', reason: 'INVALID_REQUEST' };
}

/**
 * Plain SMTP through nodemailer: the default email channel when no SendGrid key is configured (local
 * sink in development and tests). One message per recipient so recipients never see each other.
 */
export function createSmtpEmailSender(config: SmtpEmailConfig): SmtpEmailSender {
  const timeoutMs = config.timeoutMs ?? 10_000;
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure ?? false,
    requireTLS: config.requireTls ?? false,
    ...(config.auth && { auth: config.auth }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const domain = config.messageIdDomain ?? 'jangteo.local';
  const address = (a: EmailAddress) => (a.name ? { name: a.name, address: a.email } : a.email);

  return {
    async send(request) {
      const recipients: RecipientResult[] = [];
      const messageIds: string[] = [];
      let firstFailure: (ReturnType<typeof classify> & { code?: string; message?: string }) | undefined;
      for (const [index, to] of request.to.entries()) {
        const suffix = request.to.length > 1 ? `.${index}` : '';
        const messageId = request.notificationId
          ? `<${request.notificationId}${suffix}@${domain}>`
          : undefined;
        try {
          const info = await transport.sendMail({
            from: address(request.from ?? config.from),
            to: address(to),
            ...(request.replyTo && { replyTo: address(request.replyTo) }),
            subject: request.subject,
            text: request.text,
            html: request.html,
            ...(messageId && { messageId }),
            ...(request.notificationId && {
              headers: { 'X-Jangteo-Notification-Id': request.notificationId },
            }),
            attachments: (request.attachments ?? []).map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
            })),
          });
          messageIds.push(info.messageId);
          recipients.push({
            index,
            maskedRecipient: maskEmail(to.email),
            classification: 'ok',
            providerMessageId: info.messageId,
            providerCode: info.response?.slice(0, 3),
          });
        } catch (caught) {
          const error = caught as SmtpErrorLike;
          const classified = classify(error);
          firstFailure ??= {
            ...classified,
            code: error.responseCode ? String(error.responseCode) : error.code,
            message: error.response ?? error.message,
          };
          recipients.push({
            index,
            maskedRecipient: maskEmail(to.email),
            classification: classified.classification,
            reason: classified.reason,
            providerCode: error.responseCode ? String(error.responseCode) : error.code,
            providerMessage: error.response ?? error.message,
          });
        }
      }
      const anyAccepted = recipients.some((r) => r.classification === 'ok');
      const result: SendResult = {
        provider: 'smtp',
        channel: 'EMAIL',
        classification: anyAccepted || !firstFailure ? 'ok' : firstFailure.classification,
        ...(!anyAccepted &&
          firstFailure && {
            reason: firstFailure.reason,
            providerCode: firstFailure.code,
            providerMessage: firstFailure.message,
            ...(firstFailure.alert && { alert: true }),
          }),
        ...(messageIds[0] && { providerMessageId: messageIds[0] }),
        recipients,
      };
      return result;
    },
    close() {
      transport.close();
    },
  };
}
