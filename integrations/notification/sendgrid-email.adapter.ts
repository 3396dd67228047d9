import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import {
  maskEmail,
  type EmailAddress,
  type EmailSender,
  type EmailSendRequest,
  type FailureReason,
  type RecipientResult,
  type ResultClass,
  type SendResult,
} from '../../domain/notification';

export interface SendGridEmailConfig {
  apiKey: string;
  /** Omit for https://api.sendgrid.com; the simulator's URL in sandbox/embedded mode. */
  baseUrl?: string;
  from: EmailAddress;
  /** mail_settings.sandbox_mode: SendGrid validates (200) and sends nothing. */
  sandboxMode?: boolean;
  timeoutMs?: number;
  now?: () => Date;
}

/** custom_args key carrying Jangteo's notification id; echoed in every Event Webhook event. */
export const SENDGRID_NOTIFICATION_ID_ARG = 'jangteo_notification_id';

interface SendGridErrorLike {
  code?: number | string;
  message?: string;
  response?: {
    headers?: Record<string, string | undefined>;
    body?: { errors?: Array<{ message?: string; field?: string | null }> };
  };
}

/**
 * SendGrid v3 Mail Send through @sendgrid/mail (docs/vendors/sendgrid.md). Each adapter owns its own
 * MailService and Client (no module singleton); the client's `baseUrl` default request option points
 * it at another host. It must be set after setApiKey(), which resets baseUrl to the region host.
 */
export function createSendGridEmailSender(config: SendGridEmailConfig): EmailSender {
  const now = config.now ?? (() => new Date());
  const client = new Client();
  client.setApiKey(config.apiKey);
  if (config.baseUrl)
    client.setDefaultRequest('baseUrl', config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(config.timeoutMs ?? 10_000);

  function result(
    request: EmailSendRequest,
    overall: Omit<SendResult, 'provider' | 'channel' | 'recipients'>,
    perRecipient?: (index: number) => { classification: ResultClass; reason?: FailureReason },
  ): SendResult {
    const recipients: RecipientResult[] = request.to.map((to, index) => {
      const own = perRecipient?.(index) ?? { classification: overall.classification, reason: overall.reason };
      return {
        index,
        maskedRecipient: maskEmail(to.email),
        classification: own.classification,
        ...(own.reason && { reason: own.reason }),
      };
    });
    return { provider: 'sendgrid', channel: 'EMAIL', ...overall, recipients };
  }

  return {
    async send(request) {
      try {
        const [response] = await mail.send(
          {
            to: request.to.map((a) => ({ email: a.email, ...(a.name && { name: a.name }) })),
            from: request.from ?? config.from,
            ...(request.replyTo && { replyTo: request.replyTo }),
            subject: request.subject,
            text: request.text,
            html: request.html,
            ...(request.attachments?.length && {
              attachments: request.attachments.map((a) => ({
                filename: a.filename,
                type: a.contentType,
                disposition: 'attachment',
                content: Buffer.from(
                  typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content,
                ).toString('base64'),
              })),
            }),
            ...(request.notificationId && {
              customArgs: { [SENDGRID_NOTIFICATION_ID_ARG]: request.notificationId },
            }),
            ...(request.categories?.length && { categories: request.categories }),
            ...(config.sandboxMode && { mailSettings: { sandboxMode: { enable: true } } }),
          },
          true, // one personalization per recipient: recipients do not see each other
        );
        const messageId = response.headers?.['x-message-id'] as string | undefined;
        return result(request, {
          classification: 'ok',
          providerCode: `HTTP_${response.statusCode}`,
          providerMessage: response.statusCode === 200 ? 'sandbox: validated, not sent' : 'accepted',
          ...(messageId && { providerMessageId: messageId }),
        });
      } catch (caught) {
        const error = caught as SendGridErrorLike;
        const status = typeof error.code === 'number' ? error.code : undefined;
        if (status === undefined) {
          // No HTTP response: network failure/timeout (axios codes) or the helper refused the data.
          const network =
            typeof error.code === 'string' &&
            /^(E[A-Z]+|ERR_[A-Z_]+)$/.test(error.code) &&
            error.code !== 'ERR_BAD_REQUEST';
          return result(
            request,
            network
              ? {
                  classification: 'transient',
                  reason: 'NETWORK_ERROR',
                  providerCode: String(error.code),
                  providerMessage: error.message,
                }
              : { classification: 'final', reason: 'INVALID_REQUEST', providerMessage: error.message },
          );
        }
        const errors = error.response?.body?.errors ?? [];
        const providerMessage =
          errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ') || error.message;
        const base = { providerCode: `HTTP_${status}`, providerMessage };
        if (status === 429) {
          const reset = Number(error.response?.headers?.['x-ratelimit-reset']);
          const retryAfter =
            Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(now().getTime() + 1000);
          return result(request, {
            classification: 'transient',
            reason: 'RATE_LIMITED',
            retryAfter,
            ...base,
          });
        }
        if (status >= 500)
          return result(request, { classification: 'transient', reason: 'PROVIDER_ERROR', ...base });
        if (status === 401 || status === 403)
          return result(request, { classification: 'final', reason: 'CONFIGURATION', alert: true, ...base });
        // 400: an invalid address names its field, e.g. personalizations.0.to.0.email
        const badRecipients = new Set(
          errors
            .map((e) => /^personalizations\.(\d+)\.(to|cc|bcc)\.\d+\.email$/.exec(e.field ?? '')?.[1])
            .filter((i): i is string => i !== undefined)
            .map(Number),
        );
        if (badRecipients.size > 0) {
          return result(
            request,
            { classification: 'final', reason: 'INVALID_RECIPIENT', ...base },
            (index) =>
              badRecipients.has(index)
                ? { classification: 'final', reason: 'INVALID_RECIPIENT' }
                : { classification: 'final', reason: 'INVALID_REQUEST' },
          );
        }
        return result(request, {
          classification: 'final',
          reason: 'INVALID_REQUEST',
          alert: status !== 400,
          ...base,
        });
      }
    },
  };
}
