import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import { normaliseInvoice } from '../../domain/shipping/invoice';
import { preferredLanguage } from '../messages/language';
import type { AfterSaleStore, OrderRepository } from '../../domain/ordering/ports';
import {
  decideReturnUpdate,
  shipPartUpdate,
  startPreparingUpdate,
  type ReturnDecision,
} from '../../workflows/ordering/order-lifecycle.messages';
import type { AppEnv } from '../app-env';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { checkSellerAccess, principalOf, requireSellerAccess, sellerAccessOf } from '../middleware/authorize';
import { ProblemError } from '../problem';
import { createRouter } from '../router';
import {
  approveReturnBody,
  commandAnswerView,
  rejectReturnBody,
  returnIdParam,
  returnView,
  shipmentAnswerView,
  shipPartBody,
} from './after-sale.schemas';
import type { OrderLifecycleClient } from './order-lifecycle.client';
import { commandJson } from './order-commands.routes';
import { orderIdParam } from './ordering.schemas';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/**
 * A seller's (or its manager's, or an admin's) fulfilment commands. Each goes to the order's
 * OrderLifecycle, which checks it against the state machine and against a concurrent cancel.
 */
export function createSellerFulfilmentRoutes(deps: {
  orders: OrderRepository;
  afterSale: Pick<AfterSaleStore, 'findReturn'>;
  lifecycle: OrderLifecycleClient;
  authenticate: Authenticate;
}) {
  const router = createRouter();
  const sellerPart = async (c: Context<AppEnv>, orderId: string) => {
    const { sellerId } = sellerAccessOf(c);
    const order = await deps.orders.findById(orderId);
    if (!order || !order.parts.some((p) => p.sellerId === sellerId)) throw orderNotFound(orderId);
    return { order, sellerId, actorId: principalOf(c).userId };
  };

  router.openapi(
    createRoute({
      method: 'post',
      path: '/seller/orders/{id}/prepare',
      tags: ['ordering'],
      summary: 'Mark your part of a paid order as being prepared (상품 준비중)',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('ORDERS')],
      request: { params: orderIdParam },
      responses: {
        200: { description: 'preparing', ...json(commandAnswerView) },
        404: problemResponse('ORDER_NOT_FOUND (also an order without your part)'),
        409: problemResponse('ORDER_TRANSITION_NOT_ALLOWED'),
      },
    }),
    async (c) => {
      const { order, sellerId, actorId } = await sellerPart(c, c.req.valid('param').id);
      const answer = await deps.lifecycle.command(order.id, startPreparingUpdate, { sellerId, actorId });
      return c.json(commandJson(order.id, answer), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/seller/orders/{id}/shipments',
      tags: ['ordering'],
      summary: 'Register the courier and invoice number of your part: it ships',
      description:
        'Couriers: CJ (CJ대한통운), LOTTE (롯데택배), HANJIN (한진택배), EPOST (우체국택배), LOGEN (로젠택배), KDEXP (경동택배), DAESIN (대신택배). The invoice is normalised; a failed check digit is only a warning. ' +
        'Sending another invoice for a shipped part corrects it.',
      security: bearerSecurity,
      middleware: [deps.authenticate, requireSellerAccess('ORDERS')],
      request: { params: orderIdParam, body: { ...json(shipPartBody), required: true } },
      responses: {
        201: { description: 'shipped', ...json(shipmentAnswerView) },
        400: problemResponse('VALIDATION_FAILED: courier or invoiceNumber'),
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse('ORDER_TRANSITION_NOT_ALLOWED: not paid, cancelled, or delivered'),
      },
    }),
    async (c) => {
      const { order, sellerId, actorId } = await sellerPart(c, c.req.valid('param').id);
      const invoice = normaliseInvoice(
        c.req.valid('json'),
        preferredLanguage(c.req.header('accept-language')),
      );
      if (!invoice.ok) {
        const errors = invoice.errors.map((e) => ({ field: `body.${e.field}`, message: e.message }));
        throw new ProblemError(
          'VALIDATION_FAILED',
          errors.map((e) => `${e.field}: ${e.message}`).join('; '),
          { errors },
        );
      }
      const { courier, invoiceNumber, warnings } = invoice.value;
      const answer = await deps.lifecycle.command(order.id, shipPartUpdate, {
        sellerId,
        actorId,
        courier,
        invoiceNumber,
      });
      return c.json({ ...commandJson(order.id, answer), courier, invoiceNumber, warnings }, 201);
    },
  );

  const decide = async (
    c: Context<AppEnv>,
    returnId: string,
    decision: Pick<ReturnDecision, 'approve' | 'deductionAmount' | 'deductionAdjustment' | 'reason'>,
  ) => {
    const request = await deps.afterSale.findReturn(returnId);
    if (!request) throw new ProblemError('RETURN_NOT_FOUND', `No return request ${returnId}.`);
    checkSellerAccess(c, request.sellerId, 'ORDERS');
    const answer = await deps.lifecycle.command(request.orderId, decideReturnUpdate, {
      sellerId: request.sellerId,
      actorId: principalOf(c).userId,
      returnId,
      ...decision,
    });
    return { ...commandJson(request.orderId, answer), returnId };
  };

  router.openapi(
    createRoute({
      method: 'post',
      path: '/seller/returns/{id}/approve',
      tags: ['ordering'],
      summary: 'Approve a return: the units go back on sale and the buyer is refunded (less any deduction)',
      security: bearerSecurity,
      middleware: [deps.authenticate],
      request: { params: returnIdParam, body: { ...json(approveReturnBody), required: true } },
      responses: {
        200: { description: 'returned and refunded', ...json(returnView) },
        403: problemResponse('FORBIDDEN: not your seller’s return'),
        404: problemResponse('RETURN_NOT_FOUND'),
        409: problemResponse('ORDER_TRANSITION_NOT_ALLOWED: already decided'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await decide(c, c.req.valid('param').id, { approve: true, ...body }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/seller/returns/{id}/reject',
      tags: ['ordering'],
      summary: 'Refuse a return: the part counts as delivered again',
      security: bearerSecurity,
      middleware: [deps.authenticate],
      request: { params: returnIdParam, body: { ...json(rejectReturnBody), required: true } },
      responses: {
        200: { description: 'refused', ...json(returnView) },
        403: problemResponse('FORBIDDEN'),
        404: problemResponse('RETURN_NOT_FOUND'),
        409: problemResponse('ORDER_TRANSITION_NOT_ALLOWED'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await decide(c, c.req.valid('param').id, { approve: false, reason: body.reason }), 200);
    },
  );

  return router;
}
