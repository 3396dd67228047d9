import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { ShippingOrderOwners } from '../../domain/shipping/ports';
import { TypeOrmShipmentRepository } from '../../persistence/shipping/typeorm-shipment.repository';
import type { AppEnv } from '../app-env';
import type { Authenticate } from '../middleware/authenticate';
import { createCourierWebhookRoutes } from './courier-webhook.routes';
import { CourierWebhooks } from './courier-webhooks';
import { createSellerShipmentRoutes } from './seller-shipments.routes';
import { createTrackingRoutes } from './tracking.routes';

/** The shipping context's HTTP side: courier webhooks, the buyer's tracking, sellers' and admins' lists. */
export function createShippingModule(input: {
  dataSource: DataSource;
  /** The ordering context's orders, read for ownership of `GET /orders/{id}/tracking`. */
  orders: ShippingOrderOwners;
  temporalClient: () => Client;
  authenticate: Authenticate;
  /** The secret every registered callback URL carries (config/courier-vendors.ts). */
  webhookSecret?: string;
  newId: () => string;
  now?: () => Date;
}): { routes: OpenAPIHono<AppEnv>[] } {
  const now = input.now ?? (() => new Date());
  const shipments = new TypeOrmShipmentRepository(input.dataSource, input.newId);
  return {
    routes: [
      createCourierWebhookRoutes({
        webhooks: new CourierWebhooks({
          shipments,
          secret: input.webhookSecret,
          temporal: input.temporalClient,
          now,
        }),
      }),
      createTrackingRoutes({ shipments, orders: input.orders, authenticate: input.authenticate }),
      createSellerShipmentRoutes({ shipments, authenticate: input.authenticate }),
    ],
  };
}
