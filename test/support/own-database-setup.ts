import { createDataSource } from '../../persistence/data-source';
import { dropDatabase, recreateDatabase } from './database';
import { databaseNameOf } from './services';
import { OWN_DATABASE_URL } from './own-database';

/** Creates the suite's own database with every migration (see own-database.ts). */
export async function prepareOwnDatabase(): Promise<void> {
  const url = await recreateDatabase(databaseNameOf(OWN_DATABASE_URL));
  const dataSource = await createDataSource({ kind: 'mariadb', url }, { poolSize: 1 }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export const dropOwnDatabase = () => dropDatabase(OWN_DATABASE_URL);
