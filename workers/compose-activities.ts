import type { IdentitySettings } from '../config/identity-secrets';
import { contextInfra, type ContextInfra } from '../contexts/context-infra';
import type { ElasticsearchWiring } from '../contexts/catalog.context';
import { createContexts, type Contexts } from '../contexts/create-contexts';
import type { PointsSettings } from '../domain/payment/points-earning';
import type { RetentionSettings } from '../domain/retention/retention';
import type { Vendors } from '../integrations/open-vendors';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { Metrics } from '../platform/observability/metrics';
import type { TaskQueue } from './task-queues';

/** The vendors (integrations/open-vendors.ts) and what else the activities run over. */
export interface ActivityRuntime extends Vendors {
  infrastructure: Infrastructure;
  logger: Logger;
  publicBaseUrl: string;
  identity: IdentitySettings;
  /** The process's metrics (dead_letters_total is counted by activities). */
  metrics: Metrics;
  /** Product images on local disk (IMAGE_STORAGE_DIR): released stock goes back on sale through the catalog. */
  imageStorageDir: string;
  /** RETENTION_*: the data-retention run; absent: the defaults. */
  retention?: RetentionSettings;
  /** POINTS_*: earning rate and validity; absent: the defaults. */
  points?: PointsSettings;
  /** ELASTICSEARCH_URL: the projection indexes there too (contexts/open-search.ts). */
  elasticsearch?: ElasticsearchWiring;
}

/** The infrastructure of a worker process's contexts: every vendor is open in it. */
export function workerContextInfra(runtime: ActivityRuntime): ContextInfra {
  const { notificationVendors, paymentGateways, courierTracking, settlementVendors } = runtime;
  return contextInfra({
    ...runtime,
    vendors: { notificationVendors, paymentGateways, courierTracking, settlementVendors },
  });
}

/** The contexts of a worker process. */
export function workerContexts(runtime: ActivityRuntime): Contexts {
  return createContexts(workerContextInfra(runtime));
}

/** The activities each context's task queue runs, built by the contexts over injected dependencies. */
export function composeActivities(contexts: Contexts): Record<TaskQueue, object> {
  return {
    inventory: contexts.inventory.activities(),
    // Generation-3 orders settle their payment attempt and open their shipment rows themselves:
    // those steps run here too (local activities, and the PG calls on the order's own queue).
    ordering: {
      ...contexts.payment.activities(),
      ...contexts.shipping.rowActivities(),
      ...contexts.ordering.activities(),
    },
    payment: contexts.payment.activities(),
    shipping: contexts.shipping.activities(),
    settlement: contexts.settlement.activities(),
    notification: contexts.notification.activities(),
    chat: contexts.chat.activities(),
    // The cross-context queue: data retention and the KPI rollup (docs/kpis.md).
    retention: { ...contexts.retention.activities(), ...contexts.kpi.activities() },
  };
}
