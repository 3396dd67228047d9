import {
  createShipmentRowActivities,
  createShippingActivities,
} from '../activities/shipping/shipping.activities';
import { createCourierWebhookRoutes } from '../api/shipping/courier-webhook.routes';
import { CourierWebhooks } from '../api/shipping/courier-webhooks';
import { createSellerShipmentRoutes } from '../api/shipping/seller-shipments.routes';
import { createTrackingRoutes } from '../api/shipping/tracking.routes';
import type { ShippingOrderOwners } from '../domain/shipping/ports';
import { parseSweetTrackerCallback } from '../integrations/shipping/sweettracker-callback';
import { TypeOrmShipmentRepository } from '../persistence/shipping/typeorm-shipment.repository';
import { opened, type ContextInfra, type HttpWiring, type Routes } from './context-infra';

export interface ShippingContext {
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createShippingActivities>;
  /** Opening and closing a shipment row, without a courier (OrderLifecycle's worker runs them too). */
  rowActivities(): ReturnType<typeof createShipmentRowActivities>;
}

/** Shipments and tracking: courier webhooks, the buyer's timeline, sellers' lists, the Shipment steps. */
export function createShippingContext(
  infra: ContextInfra,
  deps: {
    /** The ordering context's orders, read for ownership of `GET /orders/{id}/tracking`. */
    orders: ShippingOrderOwners;
  },
): ShippingContext {
  const { newId, now } = infra;
  const shipments = new TypeOrmShipmentRepository(infra.dataSource, newId, infra.reads);
  return {
    routes: ({ authenticate }) => [
      createCourierWebhookRoutes({
        webhooks: new CourierWebhooks({
          shipments,
          secret: infra.api?.courierWebhookSecret,
          temporal: infra.temporal,
          now,
          readCallback: parseSweetTrackerCallback,
        }),
      }),
      createTrackingRoutes({ shipments, orders: deps.orders, authenticate }),
      createSellerShipmentRoutes({ shipments, authenticate }),
    ],
    rowActivities: () => createShipmentRowActivities({ shipments, newId, now }),
    activities: () => {
      const courierTracking = opened(infra.vendors.courierTracking, 'courierTracking');
      return createShippingActivities({
        shipments,
        tracker: courierTracking.tracker,
        callbackUrl: courierTracking.callbackUrl,
        logger: infra.logger,
        newId,
        now,
      });
    },
  };
}
