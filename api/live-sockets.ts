import type { Server } from 'node:http';
import { createNodeWebSocket, type NodeWebSocketInit } from '@hono/node-ws';
import type { UpgradeWebSocket } from 'hono/ws';

/**
 * WebSocket support for the Node server. Routes are built with `upgradeWebSocket` before the app
 * exists; `bind(app)` names the app the upgrade requests go through, and `attach(server)` hooks the
 * HTTP server's upgrade event (the composition roots call it after `listen`).
 */
export interface LiveSockets {
  upgradeWebSocket: UpgradeWebSocket<unknown>;
  bind(app: NodeWebSocketInit['app']): void;
  /** Serves upgrades on this server; the returned function drops every live connection (shutdown). */
  attach(server: unknown): () => void;
}

/** The largest frame a client may send: a 2,000-character message as JSON fits many times over. */
export const MAX_FRAME_BYTES = 64 * 1024;

export function createLiveSockets(): LiveSockets {
  const init: { app?: NodeWebSocketInit['app'] } = {};
  // createNodeWebSocket reads `init.app` only when an upgrade arrives, so it may be bound later.
  const nodeWs = createNodeWebSocket(init as NodeWebSocketInit);
  // ws accepts frames of up to 100 MiB by default; a chat command is a few KiB (the server closes with 1009 above this).
  nodeWs.wss.options.maxPayload = MAX_FRAME_BYTES;
  return {
    upgradeWebSocket: nodeWs.upgradeWebSocket as UpgradeWebSocket<unknown>,
    bind(app) {
      init.app = app;
    },
    attach(server) {
      if (!init.app) throw new Error('bind the app before attaching a server');
      nodeWs.injectWebSocket(server as Server);
      return () => {
        for (const client of nodeWs.wss.clients) client.terminate();
      };
    },
  };
}
