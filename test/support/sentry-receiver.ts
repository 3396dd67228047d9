import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** One envelope as Sentry's transport posts it: the raw text, its header, and its items. */
export interface ReceivedEnvelope {
  text: string;
  header: Record<string, unknown>;
  items: { header: { type?: string; length?: number }; payload: unknown }[];
}

export interface SentryReceiver {
  /** A DSN that sends this project's envelopes here. */
  dsn: string;
  envelopes: ReceivedEnvelope[];
  /** The payloads of every `event` item received so far. */
  events(): Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * Parses the envelope format: a header line, then for each item a header line and its payload —
 * `length` bytes when the item header gives one, else up to the next newline.
 */
export function parseEnvelope(body: Buffer): ReceivedEnvelope {
  const text = body.toString('utf8');
  let offset = body.indexOf(0x0a);
  const header = JSON.parse(body.subarray(0, offset).toString('utf8')) as Record<string, unknown>;
  const items: ReceivedEnvelope['items'] = [];
  offset += 1;
  while (offset < body.length) {
    const end = body.indexOf(0x0a, offset);
    const line = body.subarray(offset, end === -1 ? body.length : end).toString('utf8');
    offset = end === -1 ? body.length : end + 1;
    if (!line.trim()) continue;
    const itemHeader = JSON.parse(line) as { type?: string; length?: number };
    let raw: Buffer;
    if (typeof itemHeader.length === 'number') {
      raw = body.subarray(offset, offset + itemHeader.length);
      offset += itemHeader.length + 1;
    } else {
      const payloadEnd = body.indexOf(0x0a, offset);
      raw = body.subarray(offset, payloadEnd === -1 ? body.length : payloadEnd);
      offset = payloadEnd === -1 ? body.length : payloadEnd + 1;
    }
    let payload: unknown = raw.toString('utf8');
    try {
      payload = JSON.parse(payload as string);
    } catch {
      // attachments stay text
    }
    items.push({ header: itemHeader, payload });
  }
  return { text, header, items };
}

/** A local Sentry ingestion endpoint (`POST /api/<project>/envelope/`) that keeps every envelope. */
export async function startSentryReceiver(): Promise<SentryReceiver> {
  const envelopes: ReceivedEnvelope[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !/^\/api\/\d+\/envelope\/?/.test(request.url ?? '')) {
        response.writeHead(404).end();
        return;
      }
      let body = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      envelopes.push(parseEnvelope(body));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://0123456789abcdef0123456789abcdef@127.0.0.1:${port}/42`,
    envelopes,
    events: () =>
      envelopes.flatMap((envelope) =>
        envelope.items
          .filter((item) => item.header.type === 'event')
          .map((item) => item.payload as Record<string, unknown>),
      ),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
