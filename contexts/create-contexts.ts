import { buyerDirectory } from '../application/identity/buyer-directory';
import type { PersonalDataEraser } from '../domain/identity/ports';
import { createCatalogContext, type CatalogContext } from './catalog.context';
import { createChatContext, type ChatContext } from './chat.context';
import type { ContextInfra } from './context-infra';
import { projectionRetrier } from './events.context';
import { createIdentityContext, type IdentityContext } from './identity.context';
import { createKpiContext, type KpiContext } from './kpi.context';
import { createInventoryContext, type InventoryContext } from './inventory.context';
import { createNotificationContext, type NotificationContext } from './notification.context';
import { createOrderingContext, type OrderingContext } from './ordering.context';
import { createPaymentContext, type PaymentContext } from './payment.context';
import { createRetentionContext, type RetentionContext } from './retention.context';
import { createSettlementContext, type SettlementContext } from './settlement.context';
import { createShippingContext, type ShippingContext } from './shipping.context';

export interface Contexts {
  identity: IdentityContext;
  catalog: CatalogContext;
  inventory: InventoryContext;
  ordering: OrderingContext;
  payment: PaymentContext;
  shipping: ShippingContext;
  settlement: SettlementContext;
  notification: NotificationContext;
  chat: ChatContext;
  retention: RetentionContext;
  kpi: KpiContext;
}

/**
 * Every context over one infrastructure, each given the published parts of the others it uses.
 * The API takes their routes, a worker their activities, the embedded launcher both.
 */
export function createContexts(infra: ContextInfra): Contexts {
  // Contexts that hold personal data push an eraser here; withdrawal (DELETE /me) runs them all.
  const personalDataErasers: PersonalDataEraser[] = [];
  const identity = createIdentityContext(infra, { personalDataErasers });
  // Inventory reports stock changes to the catalog, which reads stock from inventory.
  const inventory = createInventoryContext(infra, {
    catalog: () => catalog,
    sellerAlerts: () => notification.sellerAlerts,
  });
  const kpi = createKpiContext(infra);
  const catalog = createCatalogContext(infra, {
    inventory: inventory.inventory,
    elasticsearch: infra.elasticsearch,
    productViews: kpi.productViews,
  });
  const settlement = createSettlementContext(infra, { identity: identity.deps });
  const payment = createPaymentContext(infra, {
    // `ordering` is created just below; dead letters are retried only once everything is wired.
    orderStatusOf: async (orderId) => (await ordering.orders.findById(orderId))?.status ?? null,
    deadLetterRetriers: { settlement: settlement.deadLetterRetrier, projection: projectionRetrier(infra) },
    userExists: async (userId) => (await identity.deps.users.findAccess(userId)) !== null,
  });
  const ordering = createOrderingContext(infra, {
    catalog: catalog.catalog.browsing,
    inventory: inventory.inventory,
    holds: inventory.waitlist,
    buyers: buyerDirectory(identity.deps.users),
    points: payment.pointsBalance,
    refunds: payment.refunds,
  });
  personalDataErasers.push(ordering.eraser);
  const shipping = createShippingContext(infra, { orders: ordering.orders });
  const notification = createNotificationContext(infra, { identity: identity.deps });
  identity.deps.notices = notification.accountNotices;
  const chat = createChatContext(infra, {
    principals: identity.sessions,
    sellers: {
      isActiveSeller: async (userId) => {
        const access = await identity.deps.users.findAccess(userId);
        return access?.role === 'SELLER' && access.status === 'ACTIVE';
      },
    },
    products: {
      sellerOfProduct: async (productId) =>
        (await catalog.catalog.browsing.productDetail(productId))?.sellerId ?? null,
    },
  });
  personalDataErasers.push(notification.eraser, chat.eraser, inventory.eraser);
  const retention = createRetentionContext(infra);
  return {
    identity,
    catalog,
    inventory,
    ordering,
    payment,
    shipping,
    settlement,
    notification,
    chat,
    retention,
    kpi,
  };
}
