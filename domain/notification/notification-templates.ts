import catalogue from './notification-templates.json';

/**
 * The Korean notification catalogue (notification-templates.json). Each template is registered with
 * NHN Cloud (AlimTalk text, reviewed by Kakao) under `alimtalk.templateCode`; placeholders are NHN's
 * #{변수} and the same names fill the SMS fallback and the email. Values are plain strings: format
 * amounts and times with notification-format.ts before rendering.
 */
export type TemplateCode =
  | 'ORDER_PLACED'
  | 'PAYMENT_COMPLETED'
  | 'PAYMENT_FAILED'
  | 'ORDER_CANCELLED'
  | 'ORDER_AUTO_CANCELLED'
  | 'ORDER_SHIPPED'
  | 'ORDER_DELIVERED'
  | 'PURCHASE_AUTO_CONFIRMED'
  | 'REFUND_COMPLETED'
  | 'RETURN_APPROVED'
  | 'RESTOCK_OFFER'
  | 'SETTLEMENT_STATEMENT'
  | 'CHAT_REPLY_REMINDER'
  | 'SIGNUP_ATTEMPTED'
  | 'EXCHANGE_APPROVED'
  | 'EXCHANGE_REJECTED'
  | 'EXCHANGE_RESHIPPED'
  | 'SELLER_DAILY_DIGEST'
  | SellerAlertTemplate;

/** Messages to a seller and its managers with the ORDERS permission (seller-alert.ts). */
export type SellerAlertTemplate =
  | 'SELLER_NEW_ORDER'
  | 'SELLER_ORDER_CANCELLED'
  | 'SELLER_RETURN_REQUESTED'
  | 'SELLER_EXCHANGE_REQUESTED'
  | 'SELLER_LOW_STOCK';

export interface NotificationTemplate {
  code: TemplateCode;
  description: string;
  /** ACCOUNT: about the account itself, whatever its role (e-mail only). */
  audience: 'CONSUMER' | 'SELLER' | 'ACCOUNT';
  /** Every placeholder used anywhere in the template. */
  variables: readonly string[];
  alimtalk?: {
    /** NHN template code (≤ 20 characters), as approved in the console. */
    templateCode: string;
    text: string;
  };
  /** Fallback when AlimTalk cannot be delivered; sent as SMS when ≤ 90 bytes, else LMS with `title`. */
  sms?: { title: string; text: string };
  email?: {
    subject: string;
    html: string;
    text: string;
    /** The caller supplies the content; the template names it. */
    attachment?: { filename: string; contentType: string };
  };
}

const FOOTER_TEXT = '본 메일은 발신 전용입니다. 문의는 장터 고객센터를 이용해 주세요.';

function emailHtml(title: string, intro: string, rows: Array<[string, string]>, outro = ''): string {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#666">${label}</th><td style="padding:4px 0">${value}</td></tr>`,
    )
    .join('');
  return [
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"></head>',
    '<body style="font-family:sans-serif;color:#222">',
    `<h2>${title}</h2><p>${intro}</p><table>${cells}</table>`,
    outro ? `<p>${outro}</p>` : '',
    `<hr><p style="color:#999;font-size:12px">${FOOTER_TEXT}</p></body></html>`,
  ].join('');
}

function emailText(title: string, intro: string, rows: Array<[string, string]>, outro = ''): string {
  return [
    title,
    '',
    intro,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(outro ? ['', outro] : []),
    '',
    FOOTER_TEXT,
  ].join('\n');
}

/** A `[label]` row shows the placeholder of the same name; `[label, variable]` names another one. */
type CatalogueRow = [string] | [string, string];

interface CatalogueEntry extends Omit<NotificationTemplate, 'alimtalk' | 'email'> {
  alimtalk?: { templateCode: string; heading: string; intro: string; rows: CatalogueRow[]; outro: string };
  email?: {
    subject: string;
    title: string;
    intro: string;
    rows: CatalogueRow[];
    outro?: string;
    attachment?: { filename: string; contentType: string };
  };
}

const rowsOf = (rows: CatalogueRow[]): Array<[string, string]> =>
  rows.map(([label, variable = label]) => [label, `#{${variable}}`]);

function templateOf({ alimtalk, email, ...entry }: CatalogueEntry): NotificationTemplate {
  const template: NotificationTemplate = { ...entry };
  if (alimtalk) {
    const lines = rowsOf(alimtalk.rows).map(([label, value]) => `${label}: ${value}`);
    template.alimtalk = {
      templateCode: alimtalk.templateCode,
      text: [`[장터] ${alimtalk.heading}`, alimtalk.intro, lines.join('\n'), alimtalk.outro].join('\n\n'),
    };
  }
  if (email) {
    const rows = rowsOf(email.rows);
    template.email = {
      subject: email.subject,
      html: emailHtml(email.title, email.intro, rows, email.outro),
      text: emailText(email.title, email.intro, rows, email.outro),
      ...(email.attachment ? { attachment: email.attachment } : {}),
    };
  }
  return template;
}

const templates: readonly NotificationTemplate[] = (catalogue as unknown as CatalogueEntry[]).map(templateOf);

export const NOTIFICATION_TEMPLATES: ReadonlyMap<TemplateCode, NotificationTemplate> = new Map(
  templates.map((template) => [template.code, template]),
);

export function findTemplate(code: string): NotificationTemplate | undefined {
  return NOTIFICATION_TEMPLATES.get(code as TemplateCode);
}

/** Template by NHN template code (delivery reports name the NHN code). */
export function findTemplateByAlimTalkCode(templateCode: string): NotificationTemplate | undefined {
  return templates.find((template) => template.alimtalk?.templateCode === templateCode);
}
