import { Agent, request } from 'node:http';
import { listen } from './http-server';
import { WARM_UP_HEADER_NAME, WARM_UP_TOKEN } from './warm-up-marker';

/**
 * Warming a fresh process's request paths before it takes traffic (docs/deployment.md#warm-up).
 * A process that has just started runs its code unoptimised: measured at 100,000 products, the
 * first two seconds of shoppers' traffic on a restarted API cost three times the CPU of the same
 * traffic a minute later, and at 1,000 requests/s the queue that built up gave a p99 of 0.7–2.6 s.
 * So the process first sends itself the requests shoppers will send, over HTTP on a loopback port
 * of its own (the whole path: Node's HTTP server, the adapter, middleware, handlers, the database
 * and cache clients), and only then listens on its public port.
 */

export type FetchHandler = (request: Request, env: object) => Response | Promise<Response>;

/** A GET sent during the warm-up, answered with its status and its parsed JSON body (null when not JSON). */
export type WarmUpGet = (path: string) => Promise<{ status: number; body: unknown }>;

/**
 * What to request: it may look around first (the catalogue's products, its categories) with `get`,
 * then returns the path of the i-th request.
 */
export type WarmUpPlan = (get: WarmUpGet) => Promise<(i: number) => string>;

export interface HttpWarmUpOptions {
  requests: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Stops after this long whatever the count, requests in flight cut: a slow dependency must not hold start-up. */
  deadlineMs?: number;
}

export interface HttpWarmUpReport {
  requests: number;
  /** Answers of 5xx, and requests that failed outright. */
  failed: number;
  ms: number;
}

export async function warmUpOverHttp(
  fetch: FetchHandler,
  plan: WarmUpPlan,
  { requests, concurrency = 8, deadlineMs = 15_000 }: HttpWarmUpOptions,
): Promise<HttpWarmUpReport> {
  const started = performance.now();
  if (requests <= 0) return { requests: 0, failed: 0, ms: 0 };
  const server = await listen(fetch, 0, '127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const get: WarmUpGet = (path) => getJson(agent, server.port, path);
  let sent = 0;
  let failed = 0;
  // At the deadline the sockets are cut: a request that hangs (a dependency that stopped
  // answering) fails at once instead of holding the start.
  const cut = setTimeout(() => agent.destroy(), deadlineMs);
  try {
    const pathOf = await plan(get);
    const deadline = started + deadlineMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (sent < requests && performance.now() < deadline) {
          const { status } = await get(pathOf(sent++));
          if (status === 0 || status >= 500) failed++;
        }
      }),
    );
  } finally {
    clearTimeout(cut);
    agent.destroy();
    await server.close();
  }
  return { requests: sent, failed, ms: Math.round(performance.now() - started) };
}

function getJson(agent: Agent, port: number, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const headers = { [WARM_UP_HEADER_NAME]: WARM_UP_TOKEN };
    const req = request({ hostname: '127.0.0.1', port, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => resolve({ status: 0, body: null }));
      res.on('end', () => {
        let body: unknown = null;
        if (String(res.headers['content-type']).includes('json')) {
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // not JSON after all: the status is what counts
          }
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', () => resolve({ status: 0, body: null }));
    req.end();
  });
}
