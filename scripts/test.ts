import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { createDataSource } from '../persistence/data-source';
import { recreateDatabase } from '../test/support/database';
import { databaseNameOf, TEST_DATABASE_URL, TEST_REDIS_URL } from '../test/support/services';
import { buildConsole } from './console-build';
import { resolveBinary, TEMPORAL_CLI, TEMPORAL_TEST_SERVER } from './temporal-binaries';

/**
 * `npm test`: prepares what the suites need on a fresh machine (Temporal binaries, a fresh test
 * database with every migration), then runs every *.test.ts file with node's test runner.
 * Arguments narrow the run to files whose path contains one of them.
 *
 * `npm run test:unit` (`--unit`) is the fast tier: every test that needs neither MariaDB nor Redis
 * (domain rules, pure adapters against their simulators, deploy and lint checks, workflow tests whose
 * activities are stubs, history replay). It neither checks for nor touches the database.
 */
const ROOT = resolve(__dirname, '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'var', '.tools', '.git']);
/** Suites that drive MariaDB, Redis or whole processes; a `*.unit.test.ts` file among them needs none. */
const SERVICE_SUITES = ['test/integration/', 'test/e2e/', 'test/workflows/', 'test/console/'];

function isUnitTest(file: string): boolean {
  return file.endsWith('.unit.test.ts') || !SERVICE_SUITES.some((dir) => file.startsWith(dir));
}

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : findTests(join(dir, entry.name));
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, join(dir, entry.name))] : [];
  });
}

async function requireMariaDb(): Promise<void> {
  const server = new URL(TEST_DATABASE_URL);
  server.pathname = '/';
  try {
    const connection = await createConnection({ uri: server.toString(), connectTimeout: 3000 });
    await connection.end();
  } catch (error) {
    fail(
      `MariaDB is not reachable at ${server.host} (${(error as Error).message}).\n` +
        '  Start it (e.g. `start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`) or set TEST_DATABASE_URL.',
    );
  }
}

async function requireRedis(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    fail(
      `Redis is not reachable at ${TEST_REDIS_URL} (${(error as Error).message}).\n` +
        '  Start it (e.g. `redis-server --daemonize yes --port 6379`) or set TEST_REDIS_URL.',
    );
  } finally {
    redis.disconnect();
  }
}

function fail(message: string): never {
  console.error(`\nnpm test cannot run: ${message}\n`);
  process.exit(2);
}

async function prepareDatabase(): Promise<void> {
  const url = await recreateDatabase(databaseNameOf(TEST_DATABASE_URL));
  const dataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 1 }).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`prepared ${databaseNameOf(url)}: ${applied.length} migrations applied`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(args: string[]): Promise<void> {
  const unitOnly = args.includes('--unit');
  const filters = args.filter((arg) => arg !== '--unit');
  if (!unitOnly) {
    await requireMariaDb();
    await requireRedis();
  }
  const temporalCli = resolveBinary(TEMPORAL_CLI);
  const testServer = resolveBinary(TEMPORAL_TEST_SERVER);
  if (!unitOnly) await prepareDatabase();

  const files = findTests(ROOT)
    .filter((file) => !unitOnly || isUnitTest(file))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
  if (files.length === 0) fail(`no test files match ${filters.join(' ')}`);
  // Browser tests drive the built console: built once here, from the sources as they are now.
  if (files.some((file) => file.startsWith('test/console/') && !file.endsWith('.unit.test.ts'))) {
    await buildConsole();
    console.log('built the console for the browser tests');
  }
  console.log(`running ${files.length} ${unitOnly ? 'unit ' : ''}test files`);

  // A test process that outlives its file's timeout (open handles) keeps the runner waiting; the
  // whole run is stopped well before CI's own limit instead.
  const deadline = Date.now() + Number(process.env.TEST_RUN_TIMEOUT_MS ?? 25 * 60_000);
  const env = { TEMPORAL_CLI_PATH: temporalCli, TEMPORAL_TEST_SERVER_PATH: testServer };
  const first = await runFiles(files, env, deadline);
  const hung = hungFiles(first.output);
  // The time-skipping test server can leave its time-skipping lock behind (temporalio/sdk-java#1138):
  // a suite then waits on a timer in real time and its file times out with every test so far
  // passed. Such a file, and only such a run (no test failed), runs once more, said out loud.
  if (first.code !== 0 && hung.length > 0 && failedCount(first.output) === 0) {
    console.log(
      `\n${hung.length} test file(s) timed out with no failing test; running them once more: ${hung.join(', ')}`,
    );
    const again = await runFiles(hung, env, deadline);
    process.exit(again.code);
  }
  process.exit(first.code);
}

/** Runs the files with node's test runner, echoing and keeping its report. */
function runFiles(
  files: string[],
  env: Record<string, string>,
  deadline: number,
): Promise<{ code: number; output: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
      // A hung test fails by name instead of holding CI until its own time limit.
      `--test-timeout=${process.env.TEST_TIMEOUT_MS ?? 180_000}`,
      ...files,
    ],
    {
      cwd: ROOT,
      stdio: ['inherit', 'pipe', 'inherit'],
      // Its own process group, so the watchdog below can stop every test process it started.
      detached: true,
      env: { ...process.env, NODE_ENV: 'test', ...env },
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString('utf8');
  });
  const watchdog = setTimeout(
    () => {
      console.error('\nthe test run exceeded its time limit: stopping it');
      process.kill(-child.pid!, 'SIGKILL');
    },
    Math.max(deadline - Date.now(), 1_000),
  );
  const stop = (signal: NodeJS.Signals) => process.kill(-child.pid!, signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

/** Test files the runner stopped at its per-file timeout. */
function hungFiles(report: string): string[] {
  const hung = [...report.matchAll(/✖ (\S+\.test\.ts) \([\d.]+ms\)\n\s+'test timed out after \d+ms'/g)];
  return [...new Set(hung.map((match) => relative(ROOT, match[1]!)))];
}

/** The runner's closing count of failed tests (a file's timeout counts as cancelled, not failed). */
function failedCount(report: string): number {
  const counts = [...report.matchAll(/^ℹ fail (\d+)$/gm)];
  return counts.length > 0 ? Number(counts.at(-1)![1]) : 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
