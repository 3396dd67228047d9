import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { serveApp } from '../shared/serve-app';
import { controlsOf, flushPending, mountSimulatorControls } from '../shared/sim-controls';
import { Hono, type Context } from 'hono';

/**
 * SendGrid v3 Mail Send and the signed Event Webhook, written from the vendor contract
 * (docs/vendors/sendgrid.md). Imports nothing from the application.
 *
 * - `POST /v3/mail/send`: Bearer auth, body validation (400 `{errors:[{message,field,help}]}`),
 *   202 + `X-Message-Id`, 200 in sandbox mode (nothing sent, no events), 429 with X-RateLimit-*.
 * - Event Webhook: a JSON array of events POSTed to `eventWebhookUrl`, signed with ECDSA P-256 over
 *   `timestamp + rawBody` (headers X-Twilio-Email-Event-Webhook-Signature / -Timestamp).
 * - `GET /v3/user/webhooks/event/settings/signed`: the public key (base64 DER SPKI).
 */

export interface SendGridSimulatorOptions {
  /** Accepted API keys (Bearer). */
  apiKeys?: string[];
  /** Verified sender identities; other `from` addresses answer 403. Empty = any. */
  verifiedSenders?: string[];
  eventWebhookUrl?: string;
  /** Delay before events are posted (ms). */
  eventDelayMs?: number;
  /** Requests allowed per minute before 429 (0 = unlimited). */
  rateLimitPerMinute?: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

export interface SendGridFaults {
  /** The next N requests answer 503. */
  transientFailures: number;
  /** The next N requests answer 429. */
  rateLimited: number;
  /** Seconds until X-RateLimit-Reset for forced 429s. */
  rateLimitResetSeconds: number;
  /** Addresses accepted (202) whose events are `bounce`. */
  bounceRecipients: string[];
  /** Addresses accepted (202) whose events are `dropped`. */
  dropRecipients: string[];
  latencyMs: number;
}

export interface SendGridSimMessage {
  messageId: string;
  sandbox: boolean;
  receivedAt: string;
  from: { email: string; name?: string };
  to: string[];
  subject?: string;
  content: Array<{ type: string; value: string }>;
  attachments: Array<{ filename: string; type?: string; content: string; disposition?: string }>;
  customArgs: Record<string, string>;
  categories: string[];
  body: Record<string, unknown>;
}

export interface SendGridWebhookDelivery {
  url: string;
  timestamp: string;
  signature: string;
  rawBody: string;
  status?: number;
  error?: string;
}

interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

const noFaults = (): SendGridFaults => ({
  transientFailures: 0,
  rateLimited: 0,
  rateLimitResetSeconds: 30,
  bounceRecipients: [],
  dropRecipients: [],
  latencyMs: 0,
});
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const MAX_BODY_BYTES = 30 * 1024 * 1024;
const HELP = 'https://www.twilio.com/docs/sendgrid/api-reference/mail-send/errors';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function createSendGridSimulator(options: SendGridSimulatorOptions = {}) {
  const config = {
    apiKeys: options.apiKeys ?? ['SG.sim-key'],
    verifiedSenders: options.verifiedSenders ?? [],
    eventWebhookUrl: options.eventWebhookUrl,
    eventDelayMs: options.eventDelayMs ?? 0,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
  };
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) as {
    privateKey: KeyObject;
    publicKey: KeyObject;
  };
  const publicKeyBase64 = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

  const state = {
    messages: [] as SendGridSimMessage[],
    webhookDeliveries: [] as SendGridWebhookDelivery[],
    faults: noFaults(),
    publicKey: publicKeyBase64,
    requestCount: 0,
  };
  const pendingWebhooks = new Set<Promise<void>>();
  let window = { minute: 0, count: 0 };

  const errors = (c: Context, status: 400 | 401 | 403 | 406 | 413 | 429 | 503, list: SendGridError[]) =>
    c.json({ errors: list }, status);

  function validate(body: Record<string, unknown>): SendGridError[] {
    const problems: SendGridError[] = [];
    const problem = (field: string | null, message: string) => problems.push({ field, message, help: HELP });
    const personalizations = body.personalizations;
    const hasTemplate = typeof body.template_id === 'string';
    if (!Array.isArray(personalizations) || personalizations.length === 0) {
      problem(
        'personalizations',
        'The personalizations field is required and must have at least one personalization.',
      );
    } else if (personalizations.length > 1000) {
      problem('personalizations', 'The personalizations field may not have more than 1000 items.');
    } else {
      let total = 0;
      personalizations.forEach((p: unknown, i) => {
        if (!isObject(p) || !Array.isArray(p.to) || p.to.length === 0) {
          problem(
            `personalizations.${i}.to`,
            'The to array is required for all personalization objects, and must have at least one email object with a valid email address.',
          );
          return;
        }
        const seen = new Set<string>();
        for (const kind of ['to', 'cc', 'bcc'] as const) {
          const list = p[kind];
          if (list === undefined) continue;
          if (!Array.isArray(list)) {
            problem(`personalizations.${i}.${kind}`, `The ${kind} field must be an array.`);
            continue;
          }
          list.forEach((address: unknown, j) => {
            total += 1;
            const email = isObject(address) ? address.email : undefined;
            if (typeof email !== 'string' || !EMAIL.test(email)) {
              problem(`personalizations.${i}.${kind}.${j}.email`, 'Does not contain a valid address.');
            } else if (seen.has(email.toLowerCase())) {
              problem(
                `personalizations.${i}.${kind}.${j}.email`,
                'Each email address in the personalization block should be unique between to, cc, and bcc.',
              );
            } else {
              seen.add(email.toLowerCase());
            }
          });
        }
        if (!hasTemplate && typeof body.subject !== 'string' && typeof p.subject !== 'string') {
          problem(
            'subject',
            'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
          );
        }
      });
      if (total > 1000)
        problem('personalizations', 'The total number of recipients (to, cc, bcc) must be at most 1000.');
    }
    const from = body.from;
    if (!isObject(from) || typeof from.email !== 'string' || !EMAIL.test(from.email)) {
      problem(
        'from.email',
        'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.',
      );
    }
    if (body.content === undefined) {
      if (!hasTemplate)
        problem(
          'content',
          'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.',
        );
    } else if (!Array.isArray(body.content) || body.content.length === 0) {
      problem('content', 'The content value must be an array with at least one content block.');
    } else {
      body.content.forEach((block: unknown, i) => {
        if (
          !isObject(block) ||
          typeof block.type !== 'string' ||
          typeof block.value !== 'string' ||
          block.value.length === 0
        ) {
          problem(`content.${i}`, 'Each content block requires a type and a non-empty value.');
        }
      });
      const types = body.content.map((block: unknown) => (isObject(block) ? block.type : undefined));
      const plainIndex = types.indexOf('text/plain');
      if (plainIndex > 0)
        problem(
          'content.0.type',
          'The text/plain content type must be first, followed by text/html or any other content.',
        );
    }
    if (body.attachments !== undefined) {
      if (!Array.isArray(body.attachments)) problem('attachments', 'The attachments field must be an array.');
      else
        body.attachments.forEach((a: unknown, i) => {
          if (!isObject(a) || typeof a.filename !== 'string' || a.filename.length === 0)
            problem(`attachments.${i}.filename`, 'The attachment filename parameter is required.');
          if (!isObject(a) || typeof a.content !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(a.content)) {
            problem(`attachments.${i}.content`, 'The attachment content must be base64 encoded.');
          }
        });
    }
    const sandbox =
      isObject(body.mail_settings) && isObject(body.mail_settings.sandbox_mode)
        ? body.mail_settings.sandbox_mode.enable
        : undefined;
    if (sandbox !== undefined && typeof sandbox !== 'boolean')
      problem('mail_settings.sandbox_mode.enable', 'The sandbox_mode enable parameter must be a boolean.');
    return problems;
  }

  function sign(timestamp: string, rawBody: string): string {
    const signer = createSign('sha256');
    signer.update(timestamp + rawBody);
    return signer.sign(privateKey).toString('base64');
  }

  /** Signs and posts one event batch; exported so tests and developers can replay batches. */
  function postEvents(events: Array<Record<string, unknown>>): void {
    const url = config.eventWebhookUrl;
    if (!url || events.length === 0) return;
    const rawBody = JSON.stringify(events);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const delivery: SendGridWebhookDelivery = {
      url,
      timestamp,
      signature: sign(timestamp, rawBody),
      rawBody,
    };
    state.webhookDeliveries.push(delivery);
    const sending = (async () => {
      if (config.eventDelayMs > 0) await new Promise((r) => setTimeout(r, config.eventDelayMs));
      try {
        const response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'X-Twilio-Email-Event-Webhook-Signature': delivery.signature,
            'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
          },
          body: rawBody,
        });
        delivery.status = response.status;
        await response.arrayBuffer();
      } catch (error) {
        delivery.error = (error as Error).message;
      }
    })();
    pendingWebhooks.add(sending);
    void sending.finally(() => pendingWebhooks.delete(sending));
  }

  function eventsFor(
    message: SendGridSimMessage,
    personalizations: Array<Record<string, unknown>>,
  ): Array<Record<string, unknown>> {
    const timestamp = Math.floor(now().getTime() / 1000);
    const events: Array<Record<string, unknown>> = [];
    let n = 0;
    for (const p of personalizations) {
      const customArgs = {
        ...message.customArgs,
        ...(isObject(p.custom_args) ? (p.custom_args as Record<string, string>) : {}),
      };
      const addresses = (['to', 'cc', 'bcc'] as const).flatMap((k) =>
        Array.isArray(p[k]) ? (p[k] as Array<{ email: string }>) : [],
      );
      for (const { email } of addresses) {
        n += 1;
        const base = {
          email,
          timestamp,
          'smtp-id': `<${message.messageId}@sim.sendgrid.net>`,
          sg_message_id: `${message.messageId}.filterdrecv-sim-${n}-0`,
          category: message.categories,
          ...customArgs,
        };
        const eventId = () => randomBytes(16).toString('base64url');
        const lower = email.toLowerCase();
        if (state.faults.dropRecipients.includes(lower)) {
          events.push({
            ...base,
            event: 'dropped',
            sg_event_id: eventId(),
            reason: 'Bounced Address',
            status: '5.0.0',
          });
          continue;
        }
        events.push({ ...base, event: 'processed', sg_event_id: eventId() });
        if (state.faults.bounceRecipients.includes(lower)) {
          events.push({
            ...base,
            event: 'bounce',
            type: 'bounce',
            sg_event_id: eventId(),
            reason: '550 5.1.1 The email account that you tried to reach does not exist.',
            status: '5.1.1',
          });
        } else {
          events.push({
            ...base,
            event: 'delivered',
            sg_event_id: eventId(),
            response: '250 2.0.0 OK',
            attempt: '1',
          });
        }
      }
    }
    return events;
  }

  const app = new Hono();

  app.post('/v3/mail/send', async (c) => {
    state.requestCount += 1;
    if (state.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, state.faults.latencyMs));
    const auth = c.req.header('Authorization') ?? '';
    if (!auth.startsWith('Bearer ') || !config.apiKeys.includes(auth.slice(7))) {
      return errors(c, 401, [
        {
          field: null,
          message: 'The provided authorization grant is invalid, expired, or revoked',
          help: null,
        },
      ]);
    }
    const minute = Math.floor(now().getTime() / 60000);
    if (window.minute !== minute) window = { minute, count: 0 };
    window.count += 1;
    const limit = config.rateLimitPerMinute;
    c.header('X-RateLimit-Limit', String(limit || 600));
    if (state.faults.rateLimited > 0 || (limit > 0 && window.count > limit)) {
      const reset =
        state.faults.rateLimited > 0
          ? Math.floor(now().getTime() / 1000) + state.faults.rateLimitResetSeconds
          : (minute + 1) * 60;
      if (state.faults.rateLimited > 0) state.faults.rateLimited -= 1;
      c.header('X-RateLimit-Remaining', '0');
      c.header('X-RateLimit-Reset', String(reset));
      return errors(c, 429, [{ field: null, message: 'too many requests', help: null }]);
    }
    c.header('X-RateLimit-Remaining', String(limit > 0 ? limit - window.count : 599));
    const accept = c.req.header('Accept');
    if (accept && !/application\/json|\*\/\*/.test(accept))
      return errors(c, 406, [{ field: null, message: 'Accept header must be application/json', help: null }]);
    const raw = await c.req.text();
    if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
      return errors(c, 413, [
        { field: null, message: 'The JSON payload cannot be larger than 30 megabytes.', help: null },
      ]);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return errors(c, 400, [{ field: null, message: 'Bad Request', help: null }]);
    }
    if (!isObject(body)) return errors(c, 400, [{ field: null, message: 'Bad Request', help: null }]);
    const problems = validate(body);
    if (problems.length > 0) return errors(c, 400, problems);
    const from = body.from as { email: string; name?: string };
    if (config.verifiedSenders.length > 0 && !config.verifiedSenders.includes(from.email.toLowerCase())) {
      return errors(c, 403, [
        {
          field: 'from',
          message:
            'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.',
          help: 'https://sendgrid.com/docs/for-developers/sending-email/sender-identity/',
        },
      ]);
    }
    if (state.faults.transientFailures > 0) {
      state.faults.transientFailures -= 1;
      return errors(c, 503, [{ field: null, message: 'Service Unavailable', help: null }]);
    }

    const personalizations = body.personalizations as Array<Record<string, unknown>>;
    const sandbox =
      isObject(body.mail_settings) &&
      isObject(body.mail_settings.sandbox_mode) &&
      body.mail_settings.sandbox_mode.enable === true;
    const message: SendGridSimMessage = {
      messageId: randomBytes(16).toString('base64url').slice(0, 22),
      sandbox,
      receivedAt: now().toISOString(),
      from,
      to: personalizations.flatMap((p) => (p.to as Array<{ email: string }>).map((a) => a.email)),
      subject:
        typeof body.subject === 'string'
          ? body.subject
          : typeof personalizations[0]?.subject === 'string'
            ? personalizations[0].subject
            : undefined,
      content: (body.content as SendGridSimMessage['content']) ?? [],
      attachments: (body.attachments as SendGridSimMessage['attachments']) ?? [],
      customArgs: isObject(body.custom_args) ? (body.custom_args as Record<string, string>) : {},
      categories: Array.isArray(body.categories) ? (body.categories as string[]) : [],
      body,
    };
    state.messages.push(message);
    if (sandbox) return c.body(null, 200);
    postEvents(eventsFor(message, personalizations));
    c.header('X-Message-Id', message.messageId);
    return c.body(null, 202);
  });

  app.get('/v3/user/webhooks/event/settings/signed', (c) => {
    const auth = c.req.header('Authorization') ?? '';
    if (!auth.startsWith('Bearer ') || !config.apiKeys.includes(auth.slice(7))) {
      return errors(c, 401, [
        {
          field: null,
          message: 'The provided authorization grant is invalid, expired, or revoked',
          help: null,
        },
      ]);
    }
    return c.json({ public_key: publicKeyBase64 });
  });

  function reset(): void {
    state.messages.length = 0;
    state.webhookDeliveries.length = 0;
    state.faults = noFaults();
    state.requestCount = 0;
    window = { minute: 0, count: 0 };
  }

  function setFaults(faults: Partial<SendGridFaults>): SendGridFaults {
    state.faults = { ...state.faults, ...faults };
    state.faults.bounceRecipients = state.faults.bounceRecipients.map((e) => e.toLowerCase());
    state.faults.dropRecipients = state.faults.dropRecipients.map((e) => e.toLowerCase());
    return state.faults;
  }

  app.get('/__sim/messages', (c) => c.json({ messages: state.messages.map(({ body: _body, ...m }) => m) }));
  app.post('/__sim/webhook-url', async (c) => {
    const { url } = (await c.req.json().catch(() => ({}))) as { url?: string };
    config.eventWebhookUrl = url;
    return c.json({ url: config.eventWebhookUrl ?? null });
  });
  mountSimulatorControls(app, controlsOf(state, setFaults, reset));

  return {
    app,
    state,
    config,
    reset,
    setFaults,
    postEvents,
    /** Signs arbitrary bytes as the Event Webhook would (for tests of verifiers). */
    sign,
    flushWebhooks: () => flushPending(pendingWebhooks),
    start({ port = 0, hostname = '127.0.0.1' }: { port?: number; hostname?: string } = {}) {
      return serveApp(app, port, hostname);
    },
  };
}

export type SendGridSimulator = ReturnType<typeof createSendGridSimulator>;
