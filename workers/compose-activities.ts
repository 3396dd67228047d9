import { inventoryActivitiesFor } from '../activities/inventory/inventory-worker';
import { chatActivitiesFor } from '../activities/chat/chat-worker';
import { notificationActivitiesFor } from '../activities/notification/notification-worker';
import { paymentActivitiesFor } from '../activities/payment/payment-worker';
import { orderingActivitiesFor } from '../activities/ordering/ordering-worker';
import { shippingActivitiesFor } from '../activities/shipping/shipping-worker';
import { settlementActivitiesFor } from '../activities/settlement/settlement-worker';
import type { SettlementVendors } from '../integrations/settlement/settlement-vendors';
import type { CourierTracking } from '../integrations/shipping/courier-vendors';
import type { PaymentGateways } from '../integrations/payment/payment-vendors';
import type { Metrics } from '../platform/observability/metrics';
import type { IdentitySettings } from '../config/identity-secrets';
import type { NotificationVendors } from '../integrations/notification/notification-vendors';
import type { Infrastructure } from '../platform/infrastructure';
import type { Logger } from '../platform/observability/logger';
import type { TaskQueue } from './task-queues';

export interface ActivityRuntime {
  infrastructure: Infrastructure;
  logger: Logger;
  publicBaseUrl: string;
  identity: IdentitySettings;
  notificationVendors: NotificationVendors;
  paymentGateways: PaymentGateways;
  /** The process's metrics (dead_letters_total is counted by activities). */
  metrics: Metrics;
  /** The courier tracker (SweetTracker, or the sandbox simulator) and our callback URL for its pushes. */
  courierTracking: CourierTracking;
  /** Payout (firm banking) and tax-invoice (Popbill) adapters, or their sandbox simulators. */
  settlementVendors: SettlementVendors;
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
