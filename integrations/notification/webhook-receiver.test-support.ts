import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface ReceivedWebhook {
  rawBody: string;
  headers: Record<string, string>;
}

/** A local HTTP endpoint that records what vendors' webhooks post (tests only). */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const app = new Hono();
  app.post('/hook', async (c) => {
    received.push({ rawBody: await c.req.text(), headers: Object.fromEntries(c.req.raw.headers.entries()) });
    return c.text('OK');
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}/hook`,
        received,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
  });
}
