import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, cp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';
import { eventually } from './eventually';
import { freePort } from './free-port';

const run = promisify(execFile);
const MARIADBD = process.env.MARIADBD_PATH ?? '/usr/sbin/mariadbd';
/** Small buffers and redo log: two extra servers on a shared CI machine. */
const SMALL = ['--innodb-buffer-pool-size=16M', '--innodb-log-file-size=8M', '--skip-name-resolve'];
const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];

export interface PrivateServer {
  port: number;
  serverId: number;
  /** mysql://root@127.0.0.1:<port>/<database> */
  url(database: string): string;
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  /** SIGKILL: the server vanishes as a crashed host would. */
  kill(): Promise<void>;
  readonly killed: boolean;
}

export interface ReplicatedPair {
  primary: PrivateServer;
  replica: PrivateServer;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(): Promise<void>;
  /** Stops both servers and removes their data directories. */
  close(): Promise<void>;
}

/**
 * A MariaDB primary (binary log on) and a replica of it, both private to one test, each with its
 * own data directory under a temp dir, port and socket. The shared test server runs without a
 * binary log, and turning it on needs a restart, so replication is tested between these two.
 * Grants are skipped: both listen on 127.0.0.1 only and live for the test's duration.
 */
export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const dir = await mkdtemp(join(tmpdir(), 'jangteo-replica-'));
  const servers: PrivateServer[] = [];
  try {
    await run(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'base')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...asRoot,
        ...SMALL,
      ],
      { timeout: 30_000 },
    );
    await Promise.all([
      cp(join(dir, 'base'), join(dir, 'primary'), { recursive: true }),
      cp(join(dir, 'base'), join(dir, 'replica'), { recursive: true }),
    ]);
    const [primary, replica] = await Promise.all([
      startServer(dir, 'primary', 1, [`--log-bin=${join(dir, 'primary', 'binlog')}`, '--binlog-format=ROW']),
      startServer(dir, 'replica', 2, ['--skip-slave-start']),
    ]);
    servers.push(primary, replica);
    await replica.query(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=slave_pos`,
    );
    await replica.query('START SLAVE');
    const pair: ReplicatedPair = {
      primary,
      replica,
      async caughtUp() {
        const [{ pos }] = await primary.query<{ pos: string }[]>('SELECT @@gtid_binlog_pos AS pos');
        await replica.query('SELECT MASTER_GTID_WAIT(?, 20) AS waited', [pos]);
      },
      async close() {
        await Promise.allSettled(servers.map((server) => server.kill()));
        await rm(dir, { recursive: true, force: true });
      },
    };
    return pair;
  } catch (error) {
    await Promise.allSettled(servers.map((server) => server.kill()));
    const log = await readFile(join(dir, 'primary.err'), 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `could not start a private MariaDB pair: ${(error as Error).message}\n${log.slice(-2000)}`,
      { cause: error },
    );
  }
}

async function startServer(
  dir: string,
  name: string,
  serverId: number,
  extra: string[],
): Promise<PrivateServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    MARIADBD,
    [
      '--no-defaults',
      ...asRoot,
      `--datadir=${join(dir, name)}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, `${name}.sock`)}`,
      `--pid-file=${join(dir, `${name}.pid`)}`,
      `--log-error=${join(dir, `${name}.err`)}`,
      `--server-id=${serverId}`,
      '--skip-grant-tables',
      ...SMALL,
      ...extra,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let connection: Connection | undefined;
  let killed = false;
  const connect = () => createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
  connection = await eventually(() => connect().catch(() => undefined), {
    what: `the ${name} MariaDB on port ${port}`,
    timeoutMs: 20_000,
    everyMs: 100,
  });
  return {
    port,
    serverId,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    async query<T>(sql: string, params: unknown[] = []) {
      connection ??= await connect();
      const [rows] = await connection.query(sql, params);
      return rows as T;
    },
    async kill() {
      if (killed) return;
      killed = true;
      connection?.destroy();
      connection = undefined;
      child.kill('SIGKILL');
      await exited;
    },
    get killed() {
      return killed;
    },
  };
}
