import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { prepareExchange } from '../../application/ordering/prepare-exchange';
import type { ExchangeRecord } from '../../domain/ordering/exchange';
import type { ExchangeStore } from '../../domain/ordering/exchange-ports';
import type { Order } from '../../domain/ordering/order';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import type { OrderRepository, VariantCatalog } from '../../domain/ordering/ports';
import { normaliseInvoice } from '../../domain/shipping/invoice';
import { preferredLanguage } from '../messages/language';
import {
  decideExchangeUpdate,
  requestExchangeUpdate,
  shipExchangeUpdate,
} from '../../workflows/ordering/order-lifecycle.messages';
import type { AppEnv } from '../app-env';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import {
  checkSellerAccess,
  principalOf,
  requireRole,
  requireSellerAccess,
  sellerAccessOf,
} from '../middleware/authorize';
import { ProblemError } from '../problem';
import { createRouter } from '../router';
import { idempotencyKeyHeader } from './after-sale.schemas';
import {
  approveExchangeBody,
  exchangeAnswerView,
  exchangeIdParam,
  rejectExchangeBody,
  requestExchangeBody,
  sellerExchangesPage,
  sellerExchangesQuery,
  shipExchangeBody,
} from './exchange.schemas';
import { exchangeJson } from './exchange-views';
import type { OrderLifecycleClient } from './order-lifecycle.client';
import { orderIdParam } from './ordering.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const fieldProblem = (field: string, message: string) =>
  new ProblemError('VALIDATION_FAILED', `${field}: ${message}`, { errors: [{ field, message }] });

/** The part an exchange concerns: the named seller's, or the only one. */
function partSeller(order: Order, sellerId: string | undefined): string {
  if (sellerId) {
    if (!order.parts.some((p) => p.sellerId === sellerId))
      throw fieldProblem('body.sellerId', 'not a seller of this order');
    return sellerId;
  }
  if (order.parts.length === 1) return order.parts[0]!.sellerId;
  throw fieldProblem('body.sellerId', 'required for an order with several sellers');
}

/**
 * Exchanges (교환, docs/ordering.md#exchanges): the buyer asks for another option of the same product;
 * the seller (its ORDERS managers, an admin naming it) lists, approves or rejects, and registers the
 * replacement's invoice. Every command goes to the order's OrderLifecycle.
 */
export function createExchangeRoutes(deps: {
  orders: Pick<OrderRepository, 'findById'>;
  exchanges: ExchangeStore;
  variants: VariantCatalog;
  lifecycle: OrderLifecycleClient;
  authenticate: Authenticate;
  newId: () => string;
}) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/exchanges',
      tags: ['ordering'],
      summary: 'Ask to exchange delivered items for another option of the same product (교환)',
      description:
        'Allowed after delivery and before the purchase is confirmed, one pending return or exchange per part. ' +
        'The new option must be sold at the line’s unit price (an exchange moves no money for goods). ' +
        'The round-trip shipping is the buyer’s for CHANGE_OF_MIND (paid to the seller off the platform), otherwise the seller’s. ' +
        'Send an `Idempotency-Key`: a repeat returns the first answer.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireRole('CONSUMER')],
      request: {
        params: orderIdParam,
        headers: idempotencyKeyHeader,
        body: { ...json(requestExchangeBody), required: true },
      },
      responses: {
        201: { description: 'requested', ...json(exchangeAnswerView) },
        400: problemResponse(
          'VALIDATION_FAILED: a line not held, the same option, an option of another product',
        ),
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse(
          'EXCHANGE_PRICE_DIFFERS, EXCHANGE_VARIANT_UNAVAILABLE, ORDER_TRANSITION_NOT_ALLOWED (not delivered, confirmed, or a return or exchange pending)',
        ),
      },
    }),
    async (c) => {
      const order = await deps.orders.findById(c.req.valid('param').id);
      const { userId } = principalOf(c);
      if (!order || order.userId !== userId) throw orderNotFound(c.req.valid('param').id);
      const body = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      const sellerId = partSeller(order, body.sellerId);
      const prepared = await prepareExchange({ variants: deps.variants }, order, sellerId, body);
      const answer = await deps.lifecycle.command(
        order.id,
        requestExchangeUpdate,
        {
          actorId: userId,
          sellerId,
          exchangeId: deps.newId(),
          reasonCode: body.reasonCode,
          reason: body.reason,
          ...prepared,
        },
        key ? `exchange:${userId}:${key}` : undefined,
      );
      return c.json({ orderId: order.id, ...answer }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/seller/exchanges',
      tags: ['ordering'],
      summary: 'Exchanges of the seller you act for, newest request first',
      description:
        'Each with its reason, the items from → to (product name and options), the round-trip shipping and who bears it, and the buyer’s order number. ' +
        'Decide REQUESTED ones with POST /seller/exchanges/{id}/approve or /reject; ship APPROVED ones with POST /seller/exchanges/{id}/shipment.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('ORDERS')],
      request: { query: sellerExchangesQuery },
      responses: {
        200: { description: 'a page of exchanges', ...json(sellerExchangesPage) },
        400: problemResponse('VALIDATION_FAILED (status, cursor, size) or SELLER_REQUIRED'),
        401: problemResponse('not signed in'),
        403: problemResponse('FORBIDDEN: not a seller, or a manager without ORDERS'),
      },
    }),
    async (c) => {
      const { cursor, size, status } = c.req.valid('query');
      const page = await deps.exchanges.exchangesOfSeller(sellerAccessOf(c).sellerId, {
        status,
        cursor,
        limit: size,
      });
      const numbers = new Map<string, string>();
      for (const exchange of page.items)
        if (!numbers.has(exchange.orderId))
          numbers.set(exchange.orderId, (await deps.orders.findById(exchange.orderId))?.orderNumber ?? '');
      const tracking = await deps.exchanges.trackingOf(page.items.map((e) => e.id));
      const items = page.items.map((e) =>
        exchangeJson(e, numbers.get(e.orderId)!, tracking.get(e.id) ?? null, 'SELLER'),
      );
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  const sellerExchange = async (c: Context<AppEnv>, id: string): Promise<ExchangeRecord> => {
    const exchange = await deps.exchanges.find(id);
    if (!exchange) throw new ProblemError('EXCHANGE_NOT_FOUND', `No exchange request ${id}.`);
    checkSellerAccess(c, exchange.sellerId, 'ORDERS');
    return exchange;
  };
  const decide = async (c: Context<AppEnv>, id: string, approve: boolean, reason: string | undefined) => {
    const exchange = await sellerExchange(c, id);
    const answer = await deps.lifecycle.command(exchange.orderId, decideExchangeUpdate, {
      sellerId: exchange.sellerId,
      actorId: principalOf(c).userId,
      exchangeId: exchange.id,
      approve,
      reason,
    });
    return { orderId: exchange.orderId, ...answer };
  };
  const commandRoute = <B extends z.ZodType>(path: string, summary: string, body: B, ok: string) =>
    createRoute({
      method: 'post',
      path,
      tags: ['ordering'],
      summary,
      security: bearerSecurity,
      middleware: [deps.authenticate],
      request: { params: exchangeIdParam, body: { ...json(body), required: true } },
      responses: {
        200: { description: ok, ...json(exchangeAnswerView) },
        400: problemResponse('VALIDATION_FAILED'),
        403: problemResponse('FORBIDDEN: not your seller’s exchange'),
        404: problemResponse('EXCHANGE_NOT_FOUND'),
        409: problemResponse(
          'ORDER_TRANSITION_NOT_ALLOWED; OUT_OF_STOCK (approve: the new option is sold out)',
        ),
      },
    });

  router.openapi(
    commandRoute(
      '/seller/exchanges/{id}/approve',
      'Approve an exchange: the new option leaves your stock, the returned unit goes back on sale',
      approveExchangeBody,
      'approved',
    ),
    async (c) => c.json(await decide(c, c.req.valid('param').id, true, c.req.valid('json').reason), 200),
  );

  router.openapi(
    commandRoute(
      '/seller/exchanges/{id}/reject',
      'Refuse an exchange: the part counts as delivered again and the confirmation clock goes on',
      rejectExchangeBody,
      'refused',
    ),
    async (c) => c.json(await decide(c, c.req.valid('param').id, false, c.req.valid('json').reason), 200),
  );

  router.openapi(
    commandRoute(
      '/seller/exchanges/{id}/shipment',
      'Register the replacement’s courier and invoice: it is tracked like any shipment',
      shipExchangeBody,
      'shipped',
    ),
    async (c) => {
      const exchange = await sellerExchange(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const invoice = normaliseInvoice(
        { courier: body.courierCode, invoiceNumber: body.invoiceNumber },
        preferredLanguage(c.req.header('accept-language')),
      );
      if (!invoice.ok) {
        const errors = invoice.errors.map((e) => ({
          field: e.field === 'courier' ? 'body.courierCode' : `body.${e.field}`,
          message: e.message,
        }));
        throw new ProblemError(
          'VALIDATION_FAILED',
          errors.map((e) => `${e.field}: ${e.message}`).join('; '),
          {
            errors,
          },
        );
      }
      const answer = await deps.lifecycle.command(exchange.orderId, shipExchangeUpdate, {
        sellerId: exchange.sellerId,
        actorId: principalOf(c).userId,
        exchangeId: exchange.id,
        courier: invoice.value.courier,
        invoiceNumber: invoice.value.invoiceNumber,
      });
      return c.json({ orderId: exchange.orderId, ...answer }, 200);
    },
  );

  return router;
}
