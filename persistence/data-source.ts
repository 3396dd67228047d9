import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/sections';
import { entities } from './entities';
import { migrations } from './migrations';
import { primaryReads, ReadReplicas, replicaName, type ReadRouter } from './read-replicas';

/** A replica read that takes longer than this counts as the replica failing (its reads go to the primary). */
const REPLICA_READ_TIMEOUT_MS = 3000;

function mysqlDataSource(url: string, options: { poolSize: number; connectTimeout: number }): DataSource {
  return new DataSource({
    type: 'mysql',
    url,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize: options.poolSize,
    // BIGINT money comes back as a JavaScript number while it is a safe integer.
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: options.connectTimeout,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}

export function createDataSource(config: DatabaseConfig, options: { poolSize?: number } = {}): DataSource {
  if (config.kind === 'mariadb') {
    // Never TypeORM's `replication` mode: there every find() outside a transaction goes to a replica.
    return mysqlDataSource(config.url, { poolSize: options.poolSize ?? 20, connectTimeout: 5000 });
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: config.path,
    // WAL lets readers proceed while the single writer commits; busy_timeout waits out short locks.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}

/**
 * The read route over DATABASE_READ_URLS: one DataSource per replica, opened in the background (a
 * replica down at start-up delays nothing); without replicas every read stays on the primary.
 */
export function createReadRouter(
  primary: DataSource,
  config: DatabaseConfig,
  options: { timeoutMs?: number } = {},
): ReadRouter {
  if (config.kind !== 'mariadb' || !config.replicas) return primaryReads(primary);
  return new ReadReplicas(
    primary,
    config.replicas.urls.map((url) => ({
      name: replicaName(url),
      dataSource: mysqlDataSource(url, { poolSize: 10, connectTimeout: 2000 }),
    })),
    {
      retryAfterMs: config.replicas.retryAfterSeconds * 1000,
      timeoutMs: options.timeoutMs ?? REPLICA_READ_TIMEOUT_MS,
    },
  );
}
