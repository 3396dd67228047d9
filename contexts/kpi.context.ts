import { createKpiActivities } from '../activities/kpi/kpi.activities';
import { createAdminKpiRoutes } from '../api/kpi/admin-kpis.routes';
import { recordViewSession } from '../api/kpi/view-session';
import { recordProductView } from '../application/kpi/record-product-view';
import { BatchedViewSessions } from '../persistence/kpi/batched-view-sessions';
import { TypeOrmKpiStore } from '../persistence/kpi/typeorm-kpi.store';
import type { ContextInfra, HttpWiring, Routes } from './context-infra';

export interface KpiContext {
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createKpiActivities>;
  /** Middleware for the product page (catalog's route takes it): counts its anonymous view sessions. */
  productViews: ReturnType<typeof recordViewSession>;
  /** Writes the views still in memory (shutdown, tests). */
  flushViews(): Promise<void>;
}

/** KPIs for admins (docs/kpis.md): view sessions, the daily rollup, the report. */
export function createKpiContext(infra: ContextInfra): KpiContext {
  const logger = infra.logger.child({ context: 'kpi' });
  const store = new TypeOrmKpiStore(infra.dataSource, infra.reads);
  const sink = new BatchedViewSessions(infra.dataSource, logger);
  const views = { sink, keyedHash: (value: string) => infra.cipher.lookupHash(value), now: infra.now };
  return {
    routes: ({ authenticate }) => [
      createAdminKpiRoutes({
        readModel: store,
        temporal: infra.temporal,
        authenticate,
        newId: infra.newId,
        now: infra.now,
      }),
    ],
    activities: () => createKpiActivities({ store, now: infra.now, logger }),
    productViews: recordViewSession({
      record: (sessionId) => recordProductView(views, sessionId),
      secureCookie: infra.publicBaseUrl.startsWith('https:'),
    }),
    flushViews: () => sink.flush(),
  };
}
