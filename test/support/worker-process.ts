import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { testIdentitySettings } from './test-identity';
import { freePort } from './free-port';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './services';

const ROOT = resolve(__dirname, '..', '..');

/** A worker process as production runs it (`workers/main.ts all`), over the test database and keys. */
export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  /** Its /metrics (the worker's HTTP port). */
  metricsUrl: string;
  /** Waits until its /healthz answers (workers polling), or fails with its output. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hooks, in-flight activities are lost mid-call. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const identity = testIdentitySettings();
  const output: string[] = [];
  const launch = (port: number) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts', 'all'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH!,
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        WORKER_HTTP_PORT: String(port),
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: TEST_REDIS_URL,
        PII_ENCRYPTION_KEYS: identity.piiKeys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(','),
        PII_HASH_KEY: identity.piiHashKey.toString('base64'),
        JWT_SECRET: 'worker-processes-never-verify-tokens-0123456789',
        ADMIN_EMAIL: identity.bootstrapAdmin.email,
        ADMIN_PASSWORD: identity.bootstrapAdmin.password,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    return { child, port, exited, outputFrom: output.length };
  };
  let current = launch(await freePort());
  // The port was free when asked for, but any outgoing connection (the worker's own, to MariaDB,
  // Redis or Temporal, made before it listens) may take it first. Such a start is made again on
  // another port.
  const portTaken = () => output.slice(current.outputFrom).join('').includes('EADDRINUSE');

  return {
    get child() {
      return current.child;
    },
    output,
    get metricsUrl() {
      return `http://127.0.0.1:${current.port}/metrics`;
    },
    async ready(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      let relaunches = 0;
      while (Date.now() < deadline) {
        if (portTaken() && relaunches++ < 3) {
          if (current.child.exitCode === null) current.child.kill('SIGKILL');
          await current.exited;
          output.push(`(port ${current.port} taken before the worker bound it: started again)\n`);
          current = launch(await freePort());
        }
        if (current.child.exitCode !== null) throw new Error(`worker exited early:\n${output.join('')}`);
        try {
          const health = await fetch(`http://127.0.0.1:${current.port}/healthz`, {
            signal: AbortSignal.timeout(2_000),
          });
          if (health.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`worker not ready within ${timeoutMs} ms:\n${output.join('')}`);
    },
    async kill() {
      if (current.child.exitCode === null) current.child.kill('SIGKILL');
      await current.exited;
    },
    async stop() {
      if (current.child.exitCode === null) current.child.kill('SIGTERM');
      await current.exited;
    },
  };
}
