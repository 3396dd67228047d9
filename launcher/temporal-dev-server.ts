import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import type { Logger } from '../platform/observability/logger';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with its state in a file, so workflows survive a restart of the
 * shop, and waits until its frontend answers.
 */
export async function startTemporalDevServer(options: {
  cliPath: string;
  port: number;
  uiPort: number;
  dbPath: string;
  namespace: string;
  logger: Logger;
}): Promise<DevServer> {
  mkdirSync(dirname(options.dbPath), { recursive: true });
  const child = spawn(
    options.cliPath,
    [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--ui-port',
      String(options.uiPort),
      '--db-filename',
      options.dbPath,
      '--namespace',
      options.namespace,
      // Orders are found by number in the UI (workflows/ordering/order-search-attributes.ts).
      '--search-attribute',
      'OrderNumber=Keyword',
      '--log-level',
      'warn',
      '--log-format',
      'json',
    ],
    // Its own process group: a terminal's Ctrl-C reaches the launcher alone, which stops the server
    // last, after the workers that poll it.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const log = options.logger.child({ component: 'temporal-dev-server' });
  // While it stops, its internal pollers complain of connections closing: expected, so only debug.
  let stopping = false;
  child.stdout?.on('data', (chunk: Buffer) => log.debug(chunk.toString().trim()));
  child.stderr?.on('data', (chunk: Buffer) => log[stopping ? 'debug' : 'warn'](chunk.toString().trim()));
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const address = `127.0.0.1:${options.port}`;
  await waitForFrontend(address, child);
  return {
    address,
    uiUrl: `http://localhost:${options.uiPort}`,
    stop: () => {
      stopping = true;
      return stopChild(child).finally(() => process.removeListener('exit', killOnExit));
    },
  };
}

async function waitForFrontend(address: string, child: ChildProcess, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null)
      throw new Error(
        `temporal dev server exited with code ${exited} during start-up (is port ${address} taken?)`,
      );
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`temporal dev server did not answer on ${address} within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
