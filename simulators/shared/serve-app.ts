import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface ServedSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves a simulator's Hono app (port 0 = any free port); `close` also drops open keep-alive connections. */
export function serveApp(app: Hono, port = 0, hostname = '127.0.0.1'): Promise<ServedSimulator> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) =>
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
    server.once('error', reject);
  });
}
