import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { PaymentGateways } from '../../integrations/payment/payment-vendors';
import { TypeOrmAfterSaleStore } from '../../persistence/ordering/typeorm-after-sale.store';
import type { Logger } from '../../platform/observability/logger';
import { ProblemError } from '../problem';
import { createOrderCommandRoutes } from './order-commands.routes';
import { OrderCheckouts, type CheckoutView } from './order-checkout';
import { OrderLifecycleClient } from './order-lifecycle.client';
import { createPaymentReturnRoutes } from './payment-return.routes';
import { createSellerFulfilmentRoutes } from './seller-fulfilment.routes';
import type { PiiCipher } from '../../domain/identity/ports';
import type { PointsBalancePort } from '../../domain/ordering/ports';
import type { ProductBrowsing } from '../../application/catalog/product-browsing';
import type { InventoryService } from '../../application/inventory/inventory';
import { createOrdering, type OrderingServices } from '../../persistence/ordering/ordering-module';
import type { KeyValueStore } from '../../platform/cache/key-value-store';
import type { AppEnv } from '../app-env';
import type { Authenticate } from '../middleware/authenticate';
import { createCartRoutes } from './cart.routes';
import { createOrderPlacementRoutes, type OnOrderPlaced } from './order-placement.routes';
import { createOrderRoutes } from './orders.routes';
import { createSellerOrderRoutes } from './seller-orders.routes';

export interface OrderingModule extends OrderingServices {
  routes: OpenAPIHono<AppEnv>[];
  lifecycle: OrderLifecycleClient;
  checkouts: OrderCheckouts;
}

/** The ordering context (cart and orders) behind HTTP. */
export function createOrderingModule(input: {
  dataSource: DataSource;
  kv: KeyValueStore;
  cipher: PiiCipher;
  catalog: Pick<ProductBrowsing, 'productDetail'>;
  inventory: InventoryService;
  points?: PointsBalancePort;
  newId: () => string;
  authenticate: Authenticate;
  temporalClient: () => Client;
  gateways?: PaymentGateways;
  publicBaseUrl: string;
  /** Where the browser lands after the PG window; default the server's own result page. */
  paymentResultUrl?: string;
  logger: Logger;
}): OrderingModule {
  const services = createOrdering(input);
  const afterSale = new TypeOrmAfterSaleStore(input.dataSource);
  const lifecycle = new OrderLifecycleClient(input.temporalClient);
  const checkouts = new OrderCheckouts({
    gateways: input.gateways,
    store: afterSale,
    publicBaseUrl: input.publicBaseUrl,
    newId: input.newId,
    now: () => new Date(),
  });
  // The order and its reservation are stored; OrderLifecycle starts in the same request (a replay
  // with the same Idempotency-Key finds it running, or starts it if this process died in between).
  const onPlaced: OnOrderPlaced = async (order) => {
    try {
      await lifecycle.start(order);
    } catch (error) {
      input.logger.error({ err: error, orderId: order.id }, 'order stored but its workflow did not start');
      throw new ProblemError(
        'SERVICE_UNAVAILABLE',
        'The order was stored but could not be started; repeat the request with the same Idempotency-Key.',
        { orderId: order.id },
      );
    }
    try {
      return { ...(await checkouts.forOrder(order)) } satisfies CheckoutView;
    } catch (error) {
      input.logger.warn({ err: error, orderId: order.id }, 'payment window not prepared');
      return {
        checkoutUrl: null,
        confirmUrl: `${input.publicBaseUrl}/api/v1/orders/${order.id}/payments/confirm`,
        checkoutError:
          'The payment window could not be prepared; ask for one with POST /orders/{id}/payments/checkout.',
      };
    }
  };
  const routeDeps = { orders: services.orders, lifecycle, checkouts, authenticate: input.authenticate };
  return {
    ...services,
    lifecycle,
    checkouts,
    routes: [
      createCartRoutes({ cart: services.cart, authenticate: input.authenticate }),
      createOrderPlacementRoutes({
        placement: services.placement,
        authenticate: input.authenticate,
        onPlaced,
      }),
      createOrderRoutes({ orders: services.orders, authenticate: input.authenticate }),
      createSellerOrderRoutes({ orders: services.orders, authenticate: input.authenticate }),
      createOrderCommandRoutes({ ...routeDeps, newId: input.newId }),
      createSellerFulfilmentRoutes({ ...routeDeps, afterSale }),
      createPaymentReturnRoutes({
        ...routeDeps,
        gateways: input.gateways,
        resultPageUrl: input.paymentResultUrl ?? `${input.publicBaseUrl}/api/v1/payments/result`,
      }),
    ],
  };
}
