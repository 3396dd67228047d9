import type { Context } from 'hono';

/**
 * The caller's network address for rate limits: the socket's peer under @hono/node-server. Behind a
 * proxy this is the proxy; the limit then still protects per-email lockout, which does not depend on it.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
