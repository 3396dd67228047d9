import type { Context } from 'hono';

/** The caller's network address, or null for a call made inside the process (`app.request`). */
export type ClientOf = (c: Context) => string | null;

/**
 * Reads the client's address for rate limits and sign-in locks. With `trustedProxyHops` = 0 it is the
 * socket's peer. Behind N proxies of our own (TRUSTED_PROXY_HOPS, e.g. 1 for a Kubernetes ingress)
 * it is the address the outermost of them saw: the N-th entry of `X-Forwarded-For` from the right,
 * counting the peer; anything a client wrote further left is ignored, so it cannot pick its key.
 * A call with no socket at all never came over the network (tests, internal calls): null, and
 * per-client limits do not apply to it.
 */
export function clientAddressReader(trustedProxyHops = 0): ClientOf {
  return (c) => {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    if (!env?.incoming) return null;
    const peer = env.incoming.socket?.remoteAddress ?? 'unknown';
    if (trustedProxyHops <= 0) return peer;
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chain = [...forwarded, peer];
    return chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!;
  };
}
