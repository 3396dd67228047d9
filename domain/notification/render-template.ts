import { DomainError } from '../shared/domain-error';
import { findTemplate, type TemplateCode } from './notification-templates';
import { LMS_TITLE_MAX_BYTES, smsTypeFor, truncateToEucKrBytes } from './sms-length';

export type TemplateVariables = Readonly<Record<string, string | number | null | undefined>>;

export interface RenderedNotification {
  code: TemplateCode;
  alimtalk?: {
    templateCode: string;
    text: string;
    /** The NHN templateParameter: exactly the placeholders of the AlimTalk text. */
    parameters: Record<string, string>;
  };
  sms?: { type: 'SMS' | 'LMS'; title?: string; body: string };
  email?: {
    subject: string;
    html: string;
    text: string;
    attachment?: { filename: string; contentType: string };
  };
}

const PLACEHOLDER = /#\{([^{}]+)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function fill(
  text: string,
  values: Record<string, string>,
  escape: (v: string) => string = (v) => v,
): string {
  return text.replace(PLACEHOLDER, (_, name: string) => escape(values[name]!));
}

/**
 * Renders every channel of a template. Fails with NOTIFICATION_TEMPLATE_VARIABLE_MISSING naming the
 * first missing variable (all of them in `details.missing`); values are HTML-escaped in email HTML only.
 */
export function renderTemplate(
  code: TemplateCode | string,
  variables: TemplateVariables,
): RenderedNotification {
  const template = findTemplate(code);
  if (!template) {
    throw new DomainError('NOTIFICATION_TEMPLATE_UNKNOWN', `Unknown notification template "${code}"`, {
      template: code,
    });
  }
  const missing = template.variables.filter(
    (name) => variables[name] === undefined || variables[name] === null,
  );
  if (missing.length > 0) {
    throw new DomainError(
      'NOTIFICATION_TEMPLATE_VARIABLE_MISSING',
      `Template ${template.code} needs variable "${missing[0]}"${missing.length > 1 ? ` (missing: ${missing.join(', ')})` : ''}`,
      { template: template.code, variable: missing[0], missing },
    );
  }
  const values = Object.fromEntries(template.variables.map((name) => [name, String(variables[name])]));

  const rendered: RenderedNotification = { code: template.code };
  if (template.alimtalk) {
    rendered.alimtalk = {
      templateCode: template.alimtalk.templateCode,
      text: fill(template.alimtalk.text, values),
      parameters: Object.fromEntries(
        placeholdersOf(template.alimtalk.text).map((name) => [name, values[name]!]),
      ),
    };
  }
  if (template.sms) {
    const body = fill(template.sms.text, values);
    const type = smsTypeFor(body);
    rendered.sms =
      type === 'SMS'
        ? { type, body }
        : { type, title: truncateToEucKrBytes(template.sms.title, LMS_TITLE_MAX_BYTES), body };
  }
  if (template.email) {
    rendered.email = {
      subject: fill(template.email.subject, values),
      html: fill(template.email.html, values, escapeHtml),
      text: fill(template.email.text, values),
      ...(template.email.attachment && {
        attachment: {
          filename: fill(template.email.attachment.filename, values).replace(/[\\/:*?"<>|]/g, '_'),
          contentType: template.email.attachment.contentType,
        },
      }),
    };
  }
  return rendered;
}
