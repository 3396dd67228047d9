import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export interface RunningServer {
  server: ServerType;
  port: number;
  /** Stops at once: open connections, in-flight requests included, are cut. */
  close(): Promise<void>;
  /**
   * Stops accepting connections, lets in-flight requests finish (idle keep-alive connections are
   * closed as they become idle), and cuts what is still open after `graceMs`.
   */
  drain(graceMs: number): Promise<void>;
}

type Closable = { closeAllConnections?: () => void; closeIdleConnections?: () => void };

/** Serves a fetch handler on a port (0 picks a free one) and resolves once it listens. */
export function listen(
  fetch: (request: Request, env: object) => Response | Promise<Response>,
  port: number,
  hostname = '0.0.0.0',
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
      const connections = server as unknown as Closable;
      resolve({
        server,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            connections.closeAllConnections?.();
          }),
        drain: (graceMs) =>
          new Promise<void>((done) => {
            // A keep-alive connection turns idle when its response is sent; close it then, not mid-request.
            const idle = setInterval(() => connections.closeIdleConnections?.(), 100);
            const cut = setTimeout(() => connections.closeAllConnections?.(), graceMs);
            server.close(() => {
              clearInterval(idle);
              clearTimeout(cut);
              done();
            });
            connections.closeIdleConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
