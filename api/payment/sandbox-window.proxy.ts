import type { Context } from 'hono';

/**
 * Serves the sandbox PG simulator's payment windows on the shop's own address (`/sandbox/<pg>/…`),
 * by forwarding to the simulator. The simulator listens on loopback at a random port (or elsewhere
 * with PG_SIMULATOR_URL); the buyer's browser only needs to reach the shop, and the window's forms
 * post back to the same relative paths. Redirects (to the shop's success/fail URLs) pass through.
 */
export function sandboxWindowProxy(simulatorUrl: string) {
  const base = simulatorUrl.replace(/\/+$/, '');
  return async (c: Context): Promise<Response> => {
    const incoming = new URL(c.req.url);
    const headers = new Headers();
    for (const name of ['content-type', 'accept', 'accept-language', 'user-agent']) {
      const value = c.req.header(name);
      if (value) headers.set(name, value);
    }
    const method = c.req.method;
    const answer = await fetch(`${base}${incoming.pathname}${incoming.search}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer(),
      redirect: 'manual',
    });
    const out = new Headers();
    for (const name of ['content-type', 'location', 'cache-control']) {
      const value = answer.headers.get(name);
      if (value) out.set(name, value);
    }
    return new Response(method === 'HEAD' ? null : await answer.arrayBuffer(), {
      status: answer.status,
      headers: out,
    });
  };
}
