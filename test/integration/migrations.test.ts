import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../config/sections';
import { createDataSource } from '../../persistence/data-source';
import { migrations } from '../../persistence/migrations';
import { dropDatabase, recreateDatabase } from '../support/database';

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> =
    dataSource.options.type === 'better-sqlite3'
      ? await dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await dataSource.query(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
        );
  return rows
    .map((row) => row.name)
    .filter((name) => name !== 'migrations')
    .sort();
}

/** Applies every migration, then reverts them one by one, checking the schema at each step. */
async function upAndDown(config: DatabaseConfig) {
  const dataSource = await createDataSource(config, { poolSize: 1 }).initialize();
  try {
    assert.deepEqual(await tables(dataSource), []);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    assert.equal(applied.length, migrations.length);
    const full = await tables(dataSource);
    assert.ok(full.includes('dead_letters'), `tables after up: ${full.join(', ')}`);
    assert.equal((await dataSource.runMigrations()).length, 0, 'a second run applies nothing');

    for (let i = migrations.length; i > 0; i--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      const executed: Array<unknown> = await dataSource.query('SELECT * FROM migrations');
      assert.equal(executed.length, i - 1);
    }
    assert.deepEqual(await tables(dataSource), [], 'every table is gone after reverting everything');
  } finally {
    await dataSource.destroy();
  }
}

describe('migrations', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test('apply and revert every migration on a fresh MariaDB database', async () => {
    const url = await recreateDatabase(`jangteo_migrations_${process.pid}`);
    cleanups.push(() => dropDatabase(url));
    await upAndDown({ kind: 'mariadb', url });
  });

  test('the same migrations apply and revert on embedded SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jangteo-sqlite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    await upAndDown({ kind: 'sqlite', path: join(dir, 'shop.sqlite') });
  });

  test('CHECK constraints are enforced by MariaDB itself', async () => {
    const url = await recreateDatabase(`jangteo_checks_${process.pid}`);
    cleanups.push(() => dropDatabase(url));
    const dataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 1 }).initialize();
    try {
      await dataSource.runMigrations();
      await assert.rejects(
        dataSource.query(
          "INSERT INTO dead_letters (id, kind, reference, status, input, last_error, created_at) VALUES ('1', 'payment', 'o-1', 'BOGUS', '{}', 'x', NOW())",
        ),
        /CONSTRAINT/,
      );
    } finally {
      await dataSource.destroy();
    }
  });
});
