import type { ChildProcess } from 'node:child_process';
import type { Pool } from 'mysql2/promise';
import { DOCUMENT_TABLE } from '../persistence/catalog/search/search-document-rows';
import { freePort } from '../test/support/free-port';
import { openLoop, type LoadResult } from './load-generator';
import { twoWordQuery } from './search-catalog';
import { exited, ms, recreateDatabase, untilReady, type ShopRunner } from './shop-processes';

/**
 * The p95 ratio of two catalogue sizes measured under the same conditions (search-bench.ts): a
 * second API process answers from a copy of the small catalogue's read model while the large one
 * is measured, and the two take turns in short rounds at the same arrival rate.
 */

/** Whose searches the small catalogue answers: an API over a database holding its read model only. */
export interface Twin {
  api: ChildProcess;
  baseUrl: string;
}

/** Copies the read model as it is now into `<database>_small` and starts an API process over it. */
export async function startTwin(run: ShopRunner['run'], pool: Pool, databaseUrl: string): Promise<Twin> {
  const url = new URL(databaseUrl);
  const source = url.pathname.slice(1);
  url.pathname = `/${source}_small`;
  await recreateDatabase(url.toString());
  await exited(run('persistence/migrate.ts', ['up'], { DATABASE_URL: url.toString() }));
  await pool.query(
    `INSERT INTO \`${source}_small\`.${DOCUMENT_TABLE} SELECT * FROM \`${source}\`.${DOCUMENT_TABLE}`,
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = run('api/server.ts', [], {
    DATABASE_URL: url.toString(),
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
  });
  await untilReady([api], [`${baseUrl}/readyz`]);
  return { api, baseUrl };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * `rounds` rounds; in each, both APIs get the same distinct two-word queries at `rate` searches/s
 * for `seconds`, the small one first in even rounds and the large one first in odd ones, so load
 * from other work on the machine falls on both alike. Reports each size's median p95 (and its
 * spread) and the ratio of the medians, with the spread of the rounds' own ratios.
 */
export async function pairedRounds(
  small: { label: string; baseUrl: string },
  large: { label: string; baseUrl: string },
  options: { rounds: number; seconds: number; rate: number; firstQuery: number },
): Promise<string[]> {
  const results: [LoadResult, LoadResult][] = [];
  for (let round = 0; round < options.rounds; round++) {
    const from = options.firstQuery + round * options.rate * options.seconds;
    const load = (baseUrl: string) =>
      openLoop(baseUrl, {
        rate: options.rate,
        seconds: options.seconds,
        next: (i) => `/api/v1/products?q=${encodeURIComponent(twoWordQuery(from + i))}`,
      });
    if (round % 2 === 0) {
      const s = await load(small.baseUrl);
      results.push([s, await load(large.baseUrl)]);
    } else {
      const l = await load(large.baseUrl);
      results.push([await load(small.baseUrl), l]);
    }
  }
  const p95s = (side: 0 | 1) => results.map((pair) => pair[side].p95);
  const describe = (label: string, side: 0 | 1) => {
    const values = p95s(side);
    const errors = results.reduce((sum, pair) => sum + pair[side].errors, 0);
    return `  ${label.padEnd(16)} p95 median ${ms(median(values))} (rounds ${ms(Math.min(...values))}–${ms(Math.max(...values))}), errors ${errors}`;
  };
  const ratios = results.map(([s, l]) => l.p95 / s.p95);
  return [
    `paired rounds: ${options.rounds} × ${options.seconds} s per size at ${options.rate} uncached two-word searches/s, sizes alternating`,
    describe(small.label, 0),
    describe(large.label, 1),
    `search p95 at ${large.label} ÷ at ${small.label} (paired, medians): ${(median(p95s(1)) / median(p95s(0))).toFixed(2)}× (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×)`,
  ];
}
