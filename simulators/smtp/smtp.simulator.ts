import type { AddressInfo } from 'node:net';
import { serveApp } from '../shared/serve-app';
import { stateFile } from '../shared/state-file';
import { Hono } from 'hono';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * A real local SMTP server that keeps every message in memory (the mail sink of the embedded mode and
 * the tests), plus a tiny HTTP read-out. Imports nothing from the application.
 *
 * Fault knobs: `rejectRecipients` (550 on RCPT TO), `temporaryFailures` (next N messages get 451 at
 * DATA), `latencyMs` before answering DATA.
 */

export interface SmtpSimulatorOptions {
  /** When set, clients must AUTH PLAIN/LOGIN with these credentials. */
  auth?: { user: string; pass: string };
  /** Messages kept in memory (oldest dropped first). */
  maxMessages?: number;
  /** A JSON file keeping the messages across restarts (the local sandbox's); absent: memory only. */
  stateFile?: string;
}

export interface SmtpFaults {
  rejectRecipients: string[];
  temporaryFailures: number;
  latencyMs: number;
}

export interface CapturedAttachment {
  filename?: string;
  contentType: string;
  size: number;
  /** base64 */
  content: string;
}

export interface CapturedMail {
  id: number;
  receivedAt: string;
  envelope: { from: string | false; to: string[] };
  messageId?: string;
  from?: string;
  to: string[];
  subject?: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  attachments: CapturedAttachment[];
}

const noFaults = (): SmtpFaults => ({ rejectRecipients: [], temporaryFailures: 0, latencyMs: 0 });

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value])
    .flatMap((o) => o.value.map((a) => a.address ?? ''))
    .filter(Boolean);
}

export function createSmtpSimulator(options: SmtpSimulatorOptions = {}) {
  const maxMessages = options.maxMessages ?? 1000;
  const saved = options.stateFile ? stateFile<{ messages: CapturedMail[] }>(options.stateFile) : null;
  const state = { messages: saved?.load()?.messages ?? [], faults: noFaults(), nextId: 1 };
  state.nextId = Math.max(0, ...state.messages.map((m) => m.id)) + 1;
  const waiters = new Set<{ predicate: (m: CapturedMail) => boolean; resolve: (m: CapturedMail) => void }>();

  function capture(mail: CapturedMail): void {
    state.messages.push(mail);
    if (state.messages.length > maxMessages) state.messages.shift();
    saved?.save({ messages: state.messages });
    for (const waiter of waiters) {
      if (waiter.predicate(mail)) {
        waiters.delete(waiter);
        waiter.resolve(mail);
      }
    }
  }

  const smtp = new SMTPServer({
    authOptional: !options.auth,
    allowInsecureAuth: true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    logger: false,
    banner: 'Jangteo SMTP simulator',
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (state.faults.rejectRecipients.includes(address.address.toLowerCase())) {
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
            responseCode: 550,
          }),
        );
      }
      return callback();
    },
    onData(stream, session, callback) {
      void (async () => {
        try {
          const parsed = await simpleParser(stream);
          if (state.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, state.faults.latencyMs));
          if (state.faults.temporaryFailures > 0) {
            state.faults.temporaryFailures -= 1;
            return callback(
              Object.assign(new Error('4.3.0 Temporary system problem, try again later'), {
                responseCode: 451,
              }),
            );
          }
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines)
            headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
          capture({
            id: state.nextId++,
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            messageId: parsed.messageId,
            from: parsed.from?.value[0]?.address,
            to: addresses(parsed.to),
            subject: parsed.subject,
            text: parsed.text,
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            headers,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              size: a.size,
              content: a.content.toString('base64'),
            })),
          });
          callback();
        } catch (error) {
          callback(error as Error);
        }
      })();
    },
  });

  const app = new Hono();
  app.get('/messages', (c) => {
    const to = c.req.query('to')?.toLowerCase();
    return c.json({
      messages: to
        ? state.messages.filter((m) => m.envelope.to.some((a) => a.toLowerCase() === to))
        : state.messages,
    });
  });
  app.get('/messages/:id', (c) => {
    const message = state.messages.find((m) => m.id === Number(c.req.param('id')));
    return message ? c.json(message) : c.json({ error: 'not found' }, 404);
  });
  app.get('/__sim/messages', (c) => c.json({ messages: state.messages }));
  app.post('/__sim/faults', async (c) =>
    c.json(setFaults((await c.req.json().catch(() => ({}))) as Partial<SmtpFaults>)),
  );
  app.post('/reset', (c) => {
    reset();
    return c.body(null, 204);
  });

  function reset(): void {
    state.messages.length = 0;
    state.faults = noFaults();
    saved?.save({ messages: state.messages });
  }

  function setFaults(faults: Partial<SmtpFaults>): SmtpFaults {
    state.faults = { ...state.faults, ...faults };
    state.faults.rejectRecipients = state.faults.rejectRecipients.map((a) => a.toLowerCase());
    return state.faults;
  }

  return {
    app,
    state,
    reset,
    setFaults,
    /** Resolves with the first captured message (already captured or future) that matches. */
    waitForMessage(
      predicate: (m: CapturedMail) => boolean = () => true,
      timeoutMs = 5000,
    ): Promise<CapturedMail> {
      const existing = state.messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: CapturedMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    /** Starts the SMTP listener and the HTTP read-out (port 0 = any free port). */
    async start({
      port = 0,
      httpPort = 0,
      hostname = '127.0.0.1',
    }: { port?: number; httpPort?: number; hostname?: string } = {}) {
      const smtpPort = await new Promise<number>((resolve, reject) => {
        smtp.server.once('error', reject);
        smtp.listen(port, hostname, () => resolve((smtp.server.address() as AddressInfo).port));
      });
      const http = await serveApp(app, httpPort, hostname);
      return {
        host: hostname,
        smtpPort,
        url: `http://${hostname}:${http.port}`,
        async close() {
          await http.close();
          await new Promise<void>((resolve) => smtp.close(() => resolve()));
        },
      };
    },
  };
}

export type SmtpSimulator = ReturnType<typeof createSmtpSimulator>;
