import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { API_NODE_FLAGS } from '../config/api-node-flags';
import { resolveBinary, TEMPORAL_CLI } from '../scripts/temporal-binaries';
import { freePort } from '../test/support/free-port';

/** What the benchmarks share: a fresh database, a Temporal, and the shop's processes started as production runs them. */

const ROOT = resolve(__dirname, '..');

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
export const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function recreateDatabase(url: string): Promise<void> {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/';
  const connection = await createConnection(server.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

/**
 * The Temporal the shop runs on: a dev server on this machine, or BENCH_TEMPORAL_ADDRESS (a cluster
 * elsewhere, namespace `default`), where its CPU is not this machine's.
 */
export async function openTemporal(): Promise<{ address: string; client: Client; close(): Promise<void> }> {
  const external = process.env.BENCH_TEMPORAL_ADDRESS;
  if (external) {
    const connection = await Connection.connect({ address: external });
    return { address: external, client: new Client({ connection }), close: () => connection.close() };
  }
  const server = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: resolveBinary(TEMPORAL_CLI, { install: false }) },
      ip: '127.0.0.1',
      log: { format: 'json', level: 'error' },
    },
  });
  return { address: server.address, client: server.client, close: () => server.teardown() };
}

/**
 * What a bench's shop starts from: a recreated database, an emptied Redis database (sessions and
 * sign-in throttles of earlier runs gone), a Temporal, ports, and the environment its processes share.
 */
export async function prepareShop(databaseUrl: string, redisUrl: string) {
  await recreateDatabase(databaseUrl);
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  const temporal = await openTemporal();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    WORKER_HTTP_PORT: String(await freePort()),
    PUBLIC_BASE_URL: baseUrl,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    TEMPORAL_ADDRESS: temporal.address,
  };
  return { temporal, baseUrl, env };
}

export interface ShopRunner {
  /** Starts one of the shop's entry points (`api/server.ts`, `workers/main.ts` …) with the bench's environment. */
  run(script: string, args?: string[], extraEnv?: NodeJS.ProcessEnv): ChildProcess;
  compiled: boolean;
}

/**
 * Runs the compiled build (`npm run build` first: JavaScript and the prebuilt workflow bundle), as
 * production does; BENCH_RUNTIME=tsx runs the TypeScript sources instead. BENCH_PROFILE=<dir> writes
 * V8 CPU profiles of the processes there when they stop; BENCH_NODE_FLAGS adds Node or V8 flags to
 * every process (`--trace-gc`, `--trace-opt --trace-deopt`: what a cold start spends its time on).
 */
export async function shopRunner(env: NodeJS.ProcessEnv): Promise<ShopRunner> {
  const compiled = process.env.BENCH_RUNTIME !== 'tsx';
  const profile = [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  if (compiled) await exited(spawn('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' }));
  return {
    compiled,
    run: (script, args = [], extraEnv = {}) => {
      // The API runs with the flags production gives it (config/api-node-flags.ts).
      const flags = [...(script === 'api/server.ts' ? API_NODE_FLAGS : []), ...profile];
      return spawn(
        process.execPath,
        compiled
          ? [...flags, resolve(ROOT, 'dist', script.replace(/\.ts$/, '.js')), ...args]
          : [...flags, '--import', 'tsx', script, ...args],
        { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] },
      );
    },
  };
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((done, fail) =>
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`exit code ${code}`)))),
  );

/** Waits until every URL answers 2xx, failing when one of the processes exits first. */
export async function untilReady(processes: ChildProcess[], urls: string[], seconds = 120): Promise<void> {
  for (let i = 0; ; i++) {
    if (processes.some((p) => p.exitCode !== null)) throw new Error('the shop exited before it was ready');
    try {
      const answers = await Promise.all(urls.map((url) => fetch(url)));
      if (answers.every((answer) => answer.ok)) return;
    } catch {
      // starting
    }
    if (i > seconds * 5) throw new Error(`the shop was not ready within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}
