import { inventoryActivitiesFor } from '../activities/inventory/inventory-worker';
import { chatActivitiesFor } from '../activities/chat/chat-worker';
import { notificationActivitiesFor } from '../activities/notification/notification-worker';
import { paymentActivitiesFor } from '../activities/payment/payment-worker';
import { orderingActivitiesFor } from '../activities/ordering/ordering-worker';
import { shippingActivitiesFor } from '../activities/shipping/shipping-worker';
import { settlementActivitiesFor } from '../activities/settlement/settlement-worker';
import type { Vendors } from '../integrations/open-vendors';
import type { Metrics } from '../platform/observability/metrics';
import type { IdentitySettings } from '../config/identity-secrets';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
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
}

/** The activities each context's task queue runs, built over injected dependencies. */
export function composeActivities(runtime: ActivityRuntime): Record<TaskQueue, object> {
  return {
    inventory: inventoryActivitiesFor(runtime),
    ordering: orderingActivitiesFor(runtime),
    payment: paymentActivitiesFor(runtime),
    shipping: shippingActivitiesFor(runtime),
    settlement: settlementActivitiesFor(runtime),
    notification: notificationActivitiesFor(runtime),
    chat: chatActivitiesFor(runtime),
  };
}
