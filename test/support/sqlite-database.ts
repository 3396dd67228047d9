import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../persistence/data-source';

/** The embedded shop's database: a migrated SQLite file in a fresh directory of its own. */
export async function openSqliteDatabase(
  prefix: string,
): Promise<{ directory: string; dataSource: DataSource }> {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const dataSource = await createDataSource({
    kind: 'sqlite',
    path: join(directory, 'shop.sqlite'),
  }).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return { directory, dataSource };
}
