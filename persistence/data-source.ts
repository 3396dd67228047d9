import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/sections';
import { entities } from './entities';
import { migrations } from './migrations';

export function createDataSource(config: DatabaseConfig, options: { poolSize?: number } = {}): DataSource {
  if (config.kind === 'mariadb') {
    return new DataSource({
      type: 'mysql',
      url: config.url,
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      poolSize: options.poolSize ?? 20,
      // BIGINT money comes back as a JavaScript number while it is a safe integer.
      supportBigNumbers: true,
      bigNumberStrings: false,
      connectTimeout: 5000,
      entities,
      migrations,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
    });
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
