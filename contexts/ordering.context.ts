import { createHash, randomInt } from 'node:crypto';
import { createOrderingActivities } from '../activities/ordering/ordering.activities';
import { createAddressBookRoutes } from '../api/ordering/address-book.routes';
import { createAdminOrderRoutes } from '../api/ordering/admin-orders.routes';
import { createCartRoutes } from '../api/ordering/cart.routes';
import { createExchangeRoutes } from '../api/ordering/exchanges.routes';
import { createOrderCommandRoutes } from '../api/ordering/order-commands.routes';
import { OrderCheckouts, type CheckoutView } from '../api/ordering/order-checkout';
import { OrderLifecycleClient } from '../api/ordering/order-lifecycle.client';
import { createOrderPlacementRoutes, type OnOrderPlaced } from '../api/ordering/order-placement.routes';
import { createOrderRoutes } from '../api/ordering/orders.routes';
import { createPaymentReturnRoutes } from '../api/ordering/payment-return.routes';
import { clientAddressReader } from '../api/identity/client-address';
import { DEFAULT_ABUSE_LIMITS } from '../application/shared/abuse-limits';
import { RateLimiter } from '../application/shared/rate-limiter';
import { createSellerFulfilmentRoutes } from '../api/ordering/seller-fulfilment.routes';
import { createSellerOrderRoutes } from '../api/ordering/seller-orders.routes';
import { createSellerReturnRoutes } from '../api/ordering/seller-returns.routes';
import { createShippingPolicyRoutes } from '../api/ordering/shipping-policy.routes';
import { ProblemError } from '../api/problem';
import type { ProductBrowsing } from '../application/catalog/product-browsing';
import type { InventoryService } from '../application/inventory/inventory';
import { AddressBookService } from '../application/ordering/address-book';
import { AdminOrderLookup } from '../application/ordering/admin-order-lookup';
import { CatalogVariantOffers } from '../application/ordering/catalog-variant-offers';
import { OrderPersonalDataEraser } from '../application/ordering/erase-order-personal-data';
import { CartService } from '../application/ordering/manage-cart';
import { OrderPlacementService, type OrderPlacementDeps } from '../application/ordering/place-order';
import { recordTransition, type TransitionRequest } from '../application/ordering/record-transition';
import { SellerShippingPolicies } from '../application/ordering/seller-shipping-policy';
import { ORDER_SERIAL_LIMIT } from '../domain/ordering/order-number';
import type { OrderStatus } from '../domain/ordering/order-status';
import type {
  BuyerDirectory,
  OrderRefundsPort,
  PointsBalancePort,
  RestockHolds,
  VariantCatalog,
} from '../domain/ordering/ports';
import { TypeOrmUnitOfWork } from '../persistence/inventory/typeorm-unit-of-work';
import { TypeOrmAddressBookStore } from '../persistence/ordering/typeorm-address-book.store';
import { TypeOrmAdminOrderSearch } from '../persistence/ordering/typeorm-admin-order-search';
import { TypeOrmAfterSaleStore } from '../persistence/ordering/typeorm-after-sale.store';
import { TypeOrmCartRepository } from '../persistence/ordering/typeorm-cart.repository';
import { TypeOrmExchangeStore } from '../persistence/ordering/typeorm-exchange.store';
import { TypeOrmOrderRepository } from '../persistence/ordering/typeorm-order.repository';
import { TypeOrmShippingPolicyStore } from '../persistence/ordering/typeorm-shipping-policy.store';
import { TemporalOrderLifecycleStarter } from '../workflows/ordering/order-lifecycle.starter';
import type { ContextInfra, HttpWiring, Routes } from './context-infra';

/**
 * An ordering context built without the payment context (suites that test ordering alone): nobody
 * has points, so any use of points is refused with POINTS_INSUFFICIENT by the split.
 */
export const noPoints: PointsBalancePort = { availablePoints: async () => 0 };

/** The order statuses `orders_total{event}` counts, when the order as a whole reaches them. */
const ORDER_EVENTS: Partial<Record<OrderStatus, string>> = {
  PAID: 'paid',
  CANCELLED: 'cancelled',
  RETURNED: 'returned',
};

/** SHA-256 in hex: the digest of a placement request kept with its Idempotency-Key. */
const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface OrderingContextDeps {
  catalog: Pick<ProductBrowsing, 'productDetail'>;
  inventory: InventoryService;
  /** The waiting queue's restock holds (absent: nobody holds anything). */
  holds?: RestockHolds;
  /** Buyers by e-mail or phone (identity's keyed hashes), for the admin order list. */
  buyers?: BuyerDirectory;
  points?: PointsBalancePort;
  /** The order's refunds and whether the money is back (the payment context's). */
  refunds?: OrderRefundsPort;
  /** Tests slow or break placement at a named point. */
  placement?: Partial<
    Pick<OrderPlacementDeps, 'afterReservation' | 'inFlightWaitMs' | 'inFlightTtlMs' | 'orderSerial'>
  >;
}

export interface OrderingContext {
  orders: TypeOrmOrderRepository;
  carts: TypeOrmCartRepository;
  cart: CartService;
  placement: OrderPlacementService;
  variants: VariantCatalog;
  shippingPolicies: SellerShippingPolicies;
  eraser: OrderPersonalDataEraser;
  /** The one writer of order statuses (the OrderLifecycle activities call it). */
  recordTransition(orderId: string, request: TransitionRequest): ReturnType<typeof recordTransition>;
  routes(http: HttpWiring): Routes;
  activities(): ReturnType<typeof createOrderingActivities>;
}

/** Cart and orders; POST /orders starts OrderLifecycle, whose updates carry every later command. */
export function createOrderingContext(infra: ContextInfra, deps: OrderingContextDeps): OrderingContext {
  const { dataSource, newId, now } = infra;
  const logger = infra.logger.child({ context: 'ordering' });
  const transactions = new TypeOrmUnitOfWork(dataSource);
  const orders = new TypeOrmOrderRepository(dataSource, infra.cipher, newId, infra.reads);
  const carts = new TypeOrmCartRepository(dataSource);
  const afterSale = new TypeOrmAfterSaleStore(dataSource);
  const exchanges = new TypeOrmExchangeStore(dataSource);
  const addressStore = new TypeOrmAddressBookStore(dataSource, infra.cipher);
  const addresses = new AddressBookService({ transactions, store: addressStore, now, newId });
  const variants = new CatalogVariantOffers(deps.catalog, deps.inventory);
  const shippingPolicyStore = new TypeOrmShippingPolicyStore(dataSource);
  const shippingPolicies = new SellerShippingPolicies({ store: shippingPolicyStore, now });
  const placement = new OrderPlacementService({
    transactions,
    orders,
    carts,
    catalog: variants,
    holds: deps.holds,
    shippingPolicies: shippingPolicyStore,
    addresses: addressStore,
    stock: deps.inventory,
    points: deps.points ?? noPoints,
    inFlight: infra.kv,
    onGuardUnavailable: (error) =>
      logger.warn({ err: error }, 'Idempotency-Key guard unavailable: the unique key alone guards'),
    now,
    newId,
    digest: sha256Hex,
    ...deps.placement,
    orderSerial: deps.placement?.orderSerial ?? (() => randomInt(ORDER_SERIAL_LIMIT)),
  });
  const transition = async (orderId: string, request: TransitionRequest) => {
    const result = await recordTransition({ transactions, orders }, orderId, request);
    // Only the order's own status changes count (a repeated step records no history).
    for (const entry of result.history) {
      const event = entry.sellerId === null ? ORDER_EVENTS[entry.toStatus] : undefined;
      if (event) infra.metrics?.orders.inc({ event });
      // The one approved attempt of an order (declines are counted by the payment activities).
      if (event === 'paid')
        infra.metrics?.paymentAttempts.inc({
          pg: result.order.payment.provider ?? 'POINTS',
          outcome: 'approved',
        });
    }
    return result;
  };
  const cart = new CartService({
    carts,
    catalog: variants,
    holds: deps.holds,
    shippingPolicies: shippingPolicyStore,
    now,
    newId,
  });

  function routes({ authenticate }: HttpWiring): Routes {
    const { publicBaseUrl } = infra;
    const gateways = infra.vendors.paymentGateways;
    const lifecycle = new OrderLifecycleClient(infra.temporal);
    const checkouts = new OrderCheckouts({ gateways, store: afterSale, publicBaseUrl, newId, now });
    // The order and its reservation are stored; OrderLifecycle starts in the same request (a replay
    // with the same Idempotency-Key finds it running, or starts it if this process died in between).
    const onPlaced: OnOrderPlaced = async (order, { created }) => {
      if (created) infra.metrics?.orders.inc({ event: 'placed' });
      try {
        await lifecycle.start(order);
      } catch (error) {
        logger.error({ err: error, orderId: order.id }, 'order stored but its workflow did not start');
        throw new ProblemError(
          'SERVICE_UNAVAILABLE',
          'The order was stored but could not be started; repeat the request with the same Idempotency-Key.',
          { orderId: order.id },
        );
      }
      try {
        return { ...(await checkouts.forOrder(order)) } satisfies CheckoutView;
      } catch (error) {
        logger.warn({ err: error, orderId: order.id }, 'payment window not prepared');
        return {
          checkoutUrl: null,
          confirmUrl: `${publicBaseUrl}/api/v1/orders/${order.id}/payments/confirm`,
          checkoutError:
            'The payment window could not be prepared; ask for one with POST /orders/{id}/payments/checkout.',
        };
      }
    };
    const routeDeps = { orders, lifecycle, checkouts, authenticate };
    return [
      createCartRoutes({ cart, authenticate }),
      createAddressBookRoutes({ addresses, authenticate }),
      createAdminOrderRoutes({
        lookup: new AdminOrderLookup({
          search: new TypeOrmAdminOrderSearch(dataSource, infra.cipher),
          buyers: deps.buyers,
        }),
        history: (orderId) => orders.history(orderId),
        temporalUi: infra.api?.temporalUi,
        authenticate,
      }),
      createShippingPolicyRoutes({ policies: shippingPolicies, authenticate }),
      createOrderPlacementRoutes({ placement, authenticate, onPlaced }),
      createOrderRoutes({ orders, refunds: deps.refunds, returns: afterSale, exchanges, authenticate }),
      createSellerOrderRoutes({ orders, refunds: deps.refunds, authenticate }),
      createOrderCommandRoutes({ ...routeDeps, newId }),
      createSellerFulfilmentRoutes({ ...routeDeps, afterSale }),
      createSellerReturnRoutes({ orders, afterSale, authenticate }),
      createExchangeRoutes({ orders, exchanges, variants, lifecycle, authenticate, newId }),
      createPaymentReturnRoutes({
        ...routeDeps,
        gateways,
        resultPageUrl: infra.api?.paymentResultUrl ?? `${publicBaseUrl}/api/v1/payments/result`,
        limit: {
          rates: new RateLimiter(infra.kv, infra.logger),
          rule: (infra.api?.abuse?.limits ?? DEFAULT_ABUSE_LIMITS).paymentReturnPerClient,
          clientOf: clientAddressReader(infra.api?.abuse?.trustedProxyHops),
        },
      }),
    ];
  }

  return {
    orders,
    carts,
    cart,
    placement,
    variants,
    shippingPolicies,
    eraser: new OrderPersonalDataEraser(orders, carts, addressStore),
    recordTransition: transition,
    routes,
    activities: () =>
      createOrderingActivities({
        recordTransition: transition,
        awaitingPaymentBefore: (cutoff, limit) => orders.awaitingPaymentBefore(cutoff, limit),
        lifecycles: new TemporalOrderLifecycleStarter(infra.temporal),
        now,
        inventory: deps.inventory,
        afterSale,
        logger,
        exchanges: { exchanges, inventory: deps.inventory },
      }),
  };
}
