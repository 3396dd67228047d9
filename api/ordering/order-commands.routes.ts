import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Order } from '../../domain/ordering/order';
import { orderNotFound } from '../../domain/ordering/ordering-errors';
import type { OrderRepository } from '../../domain/ordering/ports';
import {
  cancelOrderUpdate,
  confirmPurchaseUpdate,
  requestReturnUpdate,
  type CommandAnswer,
} from '../../workflows/ordering/order-lifecycle.messages';
import type { AppEnv } from '../app-env';
import { bearerSecurity, problemResponse } from '../identity/identity-fields';
import type { Authenticate } from '../middleware/authenticate';
import { principalOf, requireRole } from '../middleware/authorize';
import { ProblemError } from '../problem';
import { createRouter } from '../router';
import {
  cancelOrderBody,
  checkoutView,
  commandAnswerView,
  confirmPaymentBody,
  confirmPurchaseBody,
  idempotencyKeyHeader,
  paymentOutcomeView,
  requestReturnBody,
  returnView,
} from './after-sale.schemas';
import type { OrderCheckouts } from './order-checkout';
import type { OrderLifecycleClient, PaymentOutcome } from './order-lifecycle.client';
import { orderIdParam } from './ordering.schemas';
import { preferredLanguage } from '../messages/language';
import { fieldOf, issueText, type ZodIssueLike } from '../messages/validation';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** How long the order workflow's `submitPayment` update waits for the attempt before the confirm call answers 202 (the client then polls the order). */
export const CONFIRM_WAIT_MS = 20_000;

export interface OrderCommandDeps {
  orders: OrderRepository;
  lifecycle: OrderLifecycleClient;
  checkouts: OrderCheckouts;
  authenticate: Authenticate;
  newId: () => string;
  confirmWaitMs?: number;
}

/** PAID → 200, still running → 202; a decline or a failed order is a problem with the PG's reason. */
export function paymentOutcomeAnswer(c: Context<AppEnv>, outcome: PaymentOutcome) {
  if (outcome.status === 'PAID')
    return c.json(
      {
        orderId: outcome.orderId,
        attempt: outcome.attempt,
        status: 'PAID' as const,
        approvedAt: outcome.approvedAt,
      },
      200,
    );
  if (outcome.status === 'PROCESSING')
    return c.json({ orderId: outcome.orderId, attempt: outcome.attempt, status: 'PROCESSING' as const }, 202);
  throw new ProblemError(
    outcome.status === 'DECLINED' ? 'PAYMENT_DECLINED' : 'PAYMENT_FAILED',
    outcome.status === 'DECLINED'
      ? `The payment was declined: ${outcome.message}. Pay again before the deadline.`
      : `The payment could not be completed (${outcome.code}); the order was closed and its stock released.`,
    { reason: outcome.code, attempt: outcome.attempt },
  );
}

/** The one part a command concerns: the named seller's, or the only one. */
function partSeller(order: Order, sellerId: string | undefined): string {
  if (sellerId) {
    if (!order.parts.some((p) => p.sellerId === sellerId))
      throw new ProblemError(
        'VALIDATION_FAILED',
        `body.sellerId: seller ${sellerId} has no part in this order`,
        {
          errors: [{ field: 'body.sellerId', message: 'not a seller of this order' }],
        },
      );
    return sellerId;
  }
  if (order.parts.length === 1) return order.parts[0]!.sellerId;
  throw new ProblemError('VALIDATION_FAILED', 'body.sellerId: this order has several sellers; name one', {
    errors: [{ field: 'body.sellerId', message: 'required for an order with several sellers' }],
  });
}

/** An optional JSON body: absent or empty is `{}`, anything else must match the schema. */
async function optionalBody<T>(
  c: Context<AppEnv>,
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
  },
): Promise<T> {
  const text = await c.req.text();
  let value: unknown = {};
  try {
    if (text.trim()) value = JSON.parse(text);
  } catch {
    throw new ProblemError('MALFORMED_REQUEST', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const language = preferredLanguage(c.req.header('accept-language'));
  const errors = parsed.error.issues.map((i) => ({
    field: fieldOf('body', i.path),
    message: issueText(language, i as ZodIssueLike),
  }));
  throw new ProblemError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

export const commandJson = (orderId: string, answer: CommandAnswer) => ({ orderId, ...answer });

/** The buyer's commands on an order: pay, cancel, confirm the purchase, ask for a return. */
export function createOrderCommandRoutes(deps: OrderCommandDeps) {
  const router = createRouter();
  const consumer = [deps.authenticate, requireRole('CONSUMER')] as const;
  const ownOrder = async (c: Context<AppEnv>, id: string): Promise<Order> => {
    const order = await deps.orders.findById(id);
    if (!order || order.userId !== principalOf(c).userId) throw orderNotFound(id);
    return order;
  };
  /** The confirm needs only the order's owner: one row, nothing decrypted. */
  const ownOrderId = async (c: Context<AppEnv>, id: string): Promise<{ id: string; userId: string }> => {
    const userId = await deps.orders.buyerOf(id);
    if (userId === null || userId !== principalOf(c).userId) throw orderNotFound(id);
    return { id, userId };
  };

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/payments/confirm',
      tags: ['ordering'],
      summary: 'Hand the PG window’s result to the server, which confirms the payment',
      description:
        'For apps that receive the PG result themselves (browsers come back through the PG return URL instead). ' +
        'The amount is checked against the order on the server. Answers 200 when paid, 202 while the PG is still answering ' +
        '(poll GET /orders/{id}). Send an `Idempotency-Key`: a repeat returns the same attempt and answer.',
      security: bearerSecurity,
      middleware: [...consumer],
      request: {
        params: orderIdParam,
        headers: idempotencyKeyHeader,
        body: { ...json(confirmPaymentBody), required: true },
      },
      responses: {
        200: { description: 'paid', ...json(paymentOutcomeView) },
        202: { description: 'the PG has not answered yet', ...json(paymentOutcomeView) },
        402: problemResponse(
          'PAYMENT_DECLINED: pay again (a new window: POST /orders/{id}/payments/checkout)',
        ),
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse('ORDER_NOT_PAYABLE, PAYMENT_WINDOW_CLOSED, PAYMENT_FAILED'),
      },
    }),
    async (c) => {
      const order = await ownOrderId(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      const outcome = await deps.lifecycle.pay(
        order.id,
        {
          pgReturn: { token: body.paymentKey, amount: body.amount, params: body.params },
          pgReference: await deps.checkouts.pgReferenceOf(order.id),
        },
        key ? `confirm:${order.userId}:${key}` : `token:${body.paymentKey}`,
        deps.confirmWaitMs ?? CONFIRM_WAIT_MS,
      );
      return paymentOutcomeAnswer(c, outcome);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/payments/checkout',
      tags: ['ordering'],
      summary: 'A new payment window for an unpaid order (after a decline or a closed window)',
      security: bearerSecurity,
      middleware: [...consumer],
      request: { params: orderIdParam },
      responses: {
        200: { description: 'the window to open', ...json(checkoutView) },
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse('ORDER_NOT_PAYABLE'),
      },
    }),
    async (c) => {
      const order = await ownOrder(c, c.req.valid('param').id);
      if (order.status !== 'PENDING_PAYMENT')
        throw new ProblemError(
          'ORDER_NOT_PAYABLE',
          `Order ${order.orderNumber} is ${order.status}, not awaiting payment.`,
        );
      return c.json(await deps.checkouts.forOrder(order, { fresh: true }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/cancel',
      tags: ['ordering'],
      summary: 'Cancel the order (or one seller’s part) until the seller ships',
      description:
        'Before payment the stock is released; after payment the stock goes back and the money is refunded (PG first, then points). ' +
        'Refused with ORDER_TRANSITION_NOT_ALLOWED once the part has shipped: ask for a return instead.',
      security: bearerSecurity,
      middleware: [...consumer],
      request: { params: orderIdParam },
      responses: {
        200: { description: 'cancelled', ...json(commandAnswerView) },
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse('ORDER_TRANSITION_NOT_ALLOWED'),
      },
    }),
    async (c) => {
      const order = await ownOrder(c, c.req.valid('param').id);
      const body = await optionalBody(c, cancelOrderBody);
      if (body.sellerId) partSeller(order, body.sellerId);
      const answer = await deps.lifecycle.command(order.id, cancelOrderUpdate, {
        actorId: order.userId,
        reason: body.reason,
        sellerId: body.sellerId,
      });
      return c.json(commandJson(order.id, answer), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/confirm-purchase',
      tags: ['ordering'],
      summary: 'Confirm the purchase of a delivered part (otherwise automatic 7 days after delivery)',
      security: bearerSecurity,
      middleware: [...consumer],
      request: { params: orderIdParam },
      responses: {
        200: { description: 'confirmed', ...json(commandAnswerView) },
        400: problemResponse('VALIDATION_FAILED: name the seller of a multi-seller order'),
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse('ORDER_TRANSITION_NOT_ALLOWED: not delivered yet'),
      },
    }),
    async (c) => {
      const order = await ownOrder(c, c.req.valid('param').id);
      const body = await optionalBody(c, confirmPurchaseBody);
      const sellerId = partSeller(order, body.sellerId);
      const answer = await deps.lifecycle.command(order.id, confirmPurchaseUpdate, {
        actorId: order.userId,
        sellerId,
      });
      return c.json(commandJson(order.id, answer), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/orders/{id}/returns',
      tags: ['ordering'],
      summary: 'Ask to return a shipped or delivered part',
      description:
        'The seller (or its manager, or an admin) approves it: the units go back on sale and the money is refunded.',
      security: bearerSecurity,
      middleware: [...consumer],
      request: { params: orderIdParam, body: { ...json(requestReturnBody), required: true } },
      responses: {
        201: { description: 'requested', ...json(returnView) },
        400: problemResponse('VALIDATION_FAILED'),
        404: problemResponse('ORDER_NOT_FOUND'),
        409: problemResponse(
          'ORDER_TRANSITION_NOT_ALLOWED: not shipped yet (cancel instead) or already confirmed',
        ),
      },
    }),
    async (c) => {
      const order = await ownOrder(c, c.req.valid('param').id);
      const body = c.req.valid('json');
      const sellerId = partSeller(order, body.sellerId);
      const returnId = deps.newId();
      const answer = await deps.lifecycle.command(order.id, requestReturnUpdate, {
        actorId: order.userId,
        sellerId,
        returnId,
        reason: body.reason,
        reasonCode: body.reasonCode,
        lineIds: body.lineIds,
      });
      return c.json({ ...commandJson(order.id, answer), returnId }, 201);
    },
  );

  return router;
}
