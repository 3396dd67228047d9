import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export interface RunningServer {
  server: ServerType;
  port: number;
  close(): Promise<void>;
}

/** Serves a fetch handler on a port (0 picks a free one) and resolves once it listens. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname = '0.0.0.0',
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) =>
      resolve({
        server,
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
