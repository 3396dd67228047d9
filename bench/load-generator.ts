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
}

type NextPath = (i: number) => string;

async function timed(url: string, latencies: number[]): Promise<boolean> {
  const started = performance.now();
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    return response.ok;
  } catch {
    return false;
  }
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

/** Saturation: `connections` callers each sending the next request as soon as the last is answered. */
export async function closedLoop(
  baseUrl: string,
  options: { connections: number; seconds: number; next: NextPath },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const stopAt = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < stopAt) {
        if (!(await timed(`${baseUrl}${options.next(sent++)}`, latencies))) errors++;
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/**
 * A steady arrival rate whatever the answers (no coordinated omission): requests are sent in small
 * batches every 10 ms, so a slow answer delays nobody behind it.
 */
export async function openLoop(
  baseUrl: string,
  options: { rate: number; seconds: number; next: NextPath },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 10) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      timed(`${baseUrl}${options.next(i)}`, latencies).then((ok) => {
        if (!ok) errors++;
      }),
    );
  }
  await Promise.all(inFlight);
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}
