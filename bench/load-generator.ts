import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from './shop-processes';

/** What a load run measured: every request's latency and how the server answered. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers that were not 2xx, and requests that failed outright. */
  errors: number;
  /**
   * The generator's own event-loop delay, p99 and max in ms (open loop only): a request sent late
   * because the generator was busy counts from when it was due, so this bounds the generator's part.
   */
  generatorDelay?: { p99: number; max: number };
  /**
   * Requests slower than SLOW_MS (open loop only), and when they were due, in seconds from the
   * start: a burst at the start is a cold process, one in the middle a stall.
   */
  slow?: { count: number; firstDueS: number; lastDueS: number };
}

/** The latency the mixed-traffic target allows at p99. */
export const SLOW_MS = 100;

type NextPath = (i: number) => string;

/**
 * GET over node:http with kept-alive connections: far less CPU a request than `fetch`, which
 * matters when the generator shares the machine with the shop. Resolves with the status (0 when
 * the request failed); the body is read and dropped.
 */
function httpGetter(baseUrl: string, maxSockets: number): (path: string) => Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  return (path) =>
    new Promise((resolve) => {
      const req = request({ hostname, port, path, agent }, (res) => {
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
        res.resume();
      });
      req.on('error', () => resolve(0));
      req.end();
    });
}

function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

const ok = (status: number) => status >= 200 && status < 300;

/** Saturation: `connections` callers each sending the next request as soon as the last is answered. */
export async function closedLoop(
  baseUrl: string,
  options: { connections: number; seconds: number; next: NextPath },
): Promise<LoadResult> {
  const get = httpGetter(baseUrl, options.connections);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const stopAt = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < stopAt) {
        const sentAt = performance.now();
        const status = await get(options.next(sent++));
        if (status !== 0) latencies.push(performance.now() - sentAt);
        if (!ok(status)) errors++;
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** Connections the open loop may hold; a request finding none free waits, and that wait is counted. */
const OPEN_LOOP_SOCKETS = 256;

/**
 * A steady arrival rate whatever the answers (no coordinated omission): each request has a due
 * time on a fixed schedule and its latency runs from that time (or from when it was sent, if
 * earlier), so a generator or server that falls behind shows as latency, never as fewer samples.
 */
export async function openLoop(
  baseUrl: string,
  options: { rate: number; seconds: number; next: NextPath },
): Promise<LoadResult> {
  const get = httpGetter(baseUrl, OPEN_LOOP_SOCKETS);
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const slow = { count: 0, firstDueS: Infinity, lastDueS: 0 };
  const total = Math.round(options.rate * options.seconds);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const from = Math.min(due, performance.now());
    inFlight.push(
      get(options.next(i)).then((status) => {
        const latency = performance.now() - from;
        if (status !== 0) latencies.push(latency);
        if (latency > SLOW_MS) {
          const dueS = (due - started) / 1000;
          slow.count++;
          slow.firstDueS = Math.min(slow.firstDueS, dueS);
          slow.lastDueS = Math.max(slow.lastDueS, dueS);
        }
        if (!ok(status)) errors++;
      }),
    );
  }
  await Promise.all(inFlight);
  delay.disable();
  return {
    ...summarise(latencies, errors, (performance.now() - started) / 1000),
    generatorDelay: { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    slow: slow.count > 0 ? slow : { count: 0, firstDueS: 0, lastDueS: 0 },
  };
}
