import { z } from '@hono/zod-openapi';
import { idCursor } from '../cursor';
import { COURIER_NAMES } from '../../domain/shipping/courier';
import { SHIPMENT_STATUSES, TRACKING_STATUSES } from '../../domain/shipping/shipment-status';

/** Groups a seller filters by: what still has to go out, and what is on its way. */
export const SELLER_SHIPMENT_FILTERS = ['TO_SHIP', 'SHIPPING', ...SHIPMENT_STATUSES] as const;

const page = {
  cursor: idCursor,
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Page size, at most 100' }),
};

export const orderIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const courierProviderParam = z.object({
  provider: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'provider', in: 'path' }, example: 'sweettracker' }),
});

export const courierWebhookQuery = z.object({
  token: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'The secret the callback URL was registered with' }),
});

export const sellerShipmentsQuery = z.object({
  ...page,
  status: z.enum(SELLER_SHIPMENT_FILTERS).optional().openapi({
    description:
      'TO_SHIP (paid, no invoice yet), SHIPPING (invoice registered, not delivered) or one status; absent: both groups',
  }),
});
export const pageQuery = z.object(page);

const courier = z.enum(COURIER_NAMES);

export const trackingEventView = z.object({
  status: z.enum(TRACKING_STATUSES),
  at: z.string().openapi({ description: 'ISO-8601, as the courier reported it' }),
  where: z.string(),
  description: z.string().openapi({ example: '집화처리' }),
});

export const orderTrackingView = z
  .object({
    orderId: z.string(),
    shipments: z.array(
      z.object({
        sellerId: z.string(),
        exchangeId: z.string().nullable().openapi({
          description: 'Set on an exchange’s replacement parcel (교환 재배송); null for the first parcel',
        }),
        courier: courier.nullable(),
        courierName: z.string().nullable().openapi({ example: 'CJ대한통운' }),
        invoiceNumber: z.string().nullable(),
        status: z.enum(SHIPMENT_STATUSES),
        statusLabel: z.string().openapi({ example: '배송중' }),
        deliveredAt: z.string().nullable(),
        events: z.array(trackingEventView),
      }),
    ),
  })
  .openapi('OrderTracking');

export const shipmentSummaryView = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    sellerId: z.string(),
    exchangeId: z.string().nullable().openapi({
      description: 'Set on an exchange’s replacement parcel (교환 재배송); null for the first parcel',
    }),
    kind: z
      .enum(['ORDER', 'EXCHANGE'])
      .openapi({ description: 'ORDER: the part’s first parcel; EXCHANGE: an exchange’s replacement' }),
    itemSummary: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    courier: courier.nullable(),
    invoiceNumber: z.string().nullable(),
    registeredAt: z.string().nullable(),
    lastMovementAt: z.string().nullable(),
    stalledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ShipmentSummary');

export const shipmentsPage = z
  .object({ items: z.array(shipmentSummaryView), nextCursor: z.string().nullable() })
  .openapi('ShipmentsPage');

export const courierWebhookAck = z
  .object({
    received: z.literal(true),
    applied: z.boolean().openapi({ description: 'new steps were passed on to the shipment' }),
    duplicate: z.boolean(),
  })
  .openapi('CourierWebhookAck');
