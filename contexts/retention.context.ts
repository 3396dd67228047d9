import { createRetentionActivities } from '../activities/retention/retention.activities';
import { createAdminRetentionRoutes } from '../api/retention/admin-retention.routes';
import { DEFAULT_RETENTION } from '../domain/retention/retention';
import { TypeOrmRetentionStore } from '../persistence/retention/typeorm-retention.store';
import type { ContextInfra, HttpWiring, Routes } from './context-infra';

export interface RetentionContext {
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createRetentionActivities>;
}

/** Data retention (docs/retention.md): it deletes across contexts' tables, always on the primary. */
export function createRetentionContext(infra: ContextInfra): RetentionContext {
  return {
    routes: ({ authenticate }) => [
      createAdminRetentionRoutes({ temporal: infra.temporal, authenticate, newId: infra.newId }),
    ],
    activities: () =>
      createRetentionActivities({
        store: new TypeOrmRetentionStore(infra.dataSource),
        settings: infra.retention ?? DEFAULT_RETENTION,
        now: infra.now,
        logger: infra.logger.child({ context: 'retention' }),
        metrics: infra.metrics,
      }),
  };
}
