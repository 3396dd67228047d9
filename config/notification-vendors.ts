import { z } from 'zod';
import { ConfigError, url } from './env';

/** KakaoTalk AlimTalk and SMS through NHN Cloud, e-mail through SendGrid or SMTP. */
export const notificationSection = {
  NHN_ALIMTALK_APPKEY: z.string().optional(),
  NHN_SMS_APPKEY: z.string().optional(),
  NHN_SECRET_KEY: z.string().optional(),
  NHN_SENDER_KEY: z.string().optional(),
  SMS_SENDER_NUMBER: z
    .string()
    .regex(/^\d{8,12}$/, 'must be the registered sender number, digits only')
    .optional(),
  NHN_ALIMTALK_BASE_URL: url(['https', 'http']).default(
    'https://kakaotalk-bizmessage.api.nhncloudservice.com',
  ),
  NHN_SMS_BASE_URL: url(['https', 'http']).default('https://api-sms.cloud.toast.com'),
  NHN_WEBHOOK_SIGNATURE: z.string().optional(),
  SENDGRID_API_KEY: z.string().optional(),
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().optional(),
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().default('장터 <no-reply@jangteo.kr>'),
};

type NotificationEnv = z.output<z.ZodObject<typeof notificationSection>>;

/** The shared secret the sandbox NHN simulator signs its webhooks with: public, so never accepted in production. */
export const SANDBOX_NHN_WEBHOOK_SIGNATURE = 'jangteo-sandbox-nhn-webhook';

export type NhnConfig =
  | {
      kind: 'nhn';
      alimtalkBaseUrl: string;
      smsBaseUrl: string;
      alimtalkAppKey: string;
      smsAppKey: string;
      secretKey: string;
      senderKey: string;
      sendNo: string;
      webhookSignature?: string;
    }
  /** The simulator signs its reports with `webhookSignature` (absent in production without NHN_WEBHOOK_SIGNATURE: refused). */
  | { kind: 'sandbox'; webhookSignature?: string };

export type EmailConfig =
  | { kind: 'sendgrid'; apiKey: string; webhookPublicKey?: string }
  | { kind: 'smtp'; url: string }
  | { kind: 'sandbox' };

export interface NotificationVendorConfig {
  nhn: NhnConfig;
  email: EmailConfig;
  mailFrom: { email: string; name?: string };
}

/** NHN Cloud's credentials: all of them, or none for the sandbox. */
export const NHN_VARIABLES = [
  'NHN_ALIMTALK_APPKEY',
  'NHN_SMS_APPKEY',
  'NHN_SECRET_KEY',
  'NHN_SENDER_KEY',
  'SMS_SENDER_NUMBER',
] as const;

/**
 * A vendor whose credentials are all absent is served by its local simulator (sandbox). Only outside
 * production does the sandbox's public webhook signature stand in for an unset NHN_WEBHOOK_SIGNATURE.
 */
export function notificationVendorConfig(
  env: NotificationEnv,
  nodeEnv: string = 'development',
): NotificationVendorConfig {
  const given = NHN_VARIABLES.filter((name) => env[name]);
  if (given.length > 0 && given.length < NHN_VARIABLES.length) {
    throw new ConfigError(
      NHN_VARIABLES.filter((name) => !env[name]).map((variable) => ({
        variable,
        message: 'is required once any NHN Cloud variable is set (set none of them to use the sandbox)',
      })),
    );
  }
  const nhn: NhnConfig =
    given.length === 0
      ? {
          kind: 'sandbox',
          webhookSignature:
            env.NHN_WEBHOOK_SIGNATURE ??
            (nodeEnv === 'production' ? undefined : SANDBOX_NHN_WEBHOOK_SIGNATURE),
        }
      : {
          kind: 'nhn',
          alimtalkBaseUrl: env.NHN_ALIMTALK_BASE_URL,
          smsBaseUrl: env.NHN_SMS_BASE_URL,
          alimtalkAppKey: env.NHN_ALIMTALK_APPKEY!,
          smsAppKey: env.NHN_SMS_APPKEY!,
          secretKey: env.NHN_SECRET_KEY!,
          senderKey: env.NHN_SENDER_KEY!,
          sendNo: env.SMS_SENDER_NUMBER!,
          webhookSignature: env.NHN_WEBHOOK_SIGNATURE,
        };
  const email: EmailConfig = env.SENDGRID_API_KEY
    ? { kind: 'sendgrid', apiKey: env.SENDGRID_API_KEY, webhookPublicKey: env.SENDGRID_WEBHOOK_PUBLIC_KEY }
    : env.SMTP_URL
      ? { kind: 'smtp', url: env.SMTP_URL }
      : { kind: 'sandbox' };
  return { nhn, email, mailFrom: parseMailbox(env.MAIL_FROM) };
}

function parseMailbox(value: string): { email: string; name?: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  return match ? { email: match[2]!, ...(match[1] && { name: match[1] }) } : { email: value.trim() };
}
