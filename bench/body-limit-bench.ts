/**
 * Sends 100 MB bodies (declared length and chunked, four at once) to a JSON route over a real socket
 * and reports the answer, the time and the process's RSS before and after (docs/security.md).
 * Run: npx tsx bench/body-limit-bench.ts
 */
import { createApp } from '../api/app';
import { createRouter } from '../api/router';
import { listen } from '../platform/http-server';
import { uuidv7 } from '../platform/ids';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x20);

function chunked(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += CHUNK.length;
      controller.enqueue(new Uint8Array(CHUNK));
    },
  });
}

async function send(url: string, mode: 'declared' | 'chunked') {
  const started = performance.now();
  const length: Record<string, string> = mode === 'declared' ? { 'content-length': String(HUNDRED_MB) } : {};
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...length },
      body: chunked(HUNDRED_MB),
      duplex: 'half',
    } as RequestInit);
    const problem = (await response.json()) as { code?: string };
    return { mode, status: response.status, code: problem.code, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      mode,
      error: String((error as Error).cause ?? error),
      ms: Math.round(performance.now() - started),
    };
  }
}

async function main() {
  const login = createRouter();
  login.post('/auth/login', async (c) => c.json(await c.req.json(), 400));
  const app = createApp({
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics({ collectProcessMetrics: false }),
    newId: uuidv7,
    readinessChecks: [],
    apiRoutes: [login],
  });
  const server = await listen(app.fetch, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${server.port}/api/v1/auth/login`;
  const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
  try {
    const before = mb();
    for (const mode of ['declared', 'chunked'] as const) console.log(await send(url, mode));
    console.log(await Promise.all([1, 2, 3, 4].map((i) => send(url, i % 2 ? 'declared' : 'chunked'))));
    console.log({ rssBeforeMb: before, rssAfterMb: mb() });
  } finally {
    await server.close();
  }
}

void main();
