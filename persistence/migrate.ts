import { loadMigrateConfig } from '../config/migrate.config';
import { createLogger } from '../platform/observability/logger';
import { createDataSource } from './data-source';

/** `migrate up` applies pending migrations; `migrate down` reverts the newest one. */
async function main(direction: string | undefined): Promise<void> {
  if (direction !== 'up' && direction !== 'down') {
    console.error('usage: migrate up|down');
    process.exit(64);
  }
  const config = loadMigrateConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'migrate' });
  const dataSource = await createDataSource(config.database, { poolSize: 1 }).initialize();
  try {
    if (direction === 'up') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      logger.info(
        { applied: applied.map((m) => m.name), database: config.database.kind },
        'migrations applied',
      );
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      logger.info({ database: config.database.kind }, 'last migration reverted');
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
