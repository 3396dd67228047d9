import type { Context } from 'hono';
import type { RateLimit, RateLimiter } from '../../application/shared/rate-limiter';
import type { PaymentGatewayDirectory } from '../../domain/payment/payment-gateway';
import { isPgProvider, type PgReturnOutcome } from '../../domain/payment';
import type { OrderRepository } from '../../domain/ordering/ports';
import type { AppEnv } from '../app-env';
import type { ClientOf } from '../identity/client-address';
import { rateLimitPerClient } from '../middleware/rate-limit';
import { createRouter } from '../router';
import type { OrderCheckouts } from './order-checkout';
import type { OrderLifecycleClient, PaymentOutcome } from './order-lifecycle.client';
import { CONFIRM_WAIT_MS } from './order-commands.routes';
import { paymentResultPage } from './payment-result-page';

const OUTCOMES: readonly PgReturnOutcome[] = ['success', 'fail', 'cancel'];

/** Refusals meaning the order can no longer be paid at all (cancelled, expired or already settled). */
const CLOSED_CODES: readonly string[] = ['ORDER_NOT_PAYABLE', 'PAYMENT_WINDOW_CLOSED'];

/**
 * Where the PG window sends the browser back (GET with a query, or a form POST): the server reads
 * the PG's parameters, confirms the payment through OrderLifecycle, and redirects the browser to
 * the result page. However often the same return is called (reloads, a double submit, a replay),
 * it makes one payment attempt: OrderLifecycle answers a PG transaction it has seen with the attempt
 * it started for it. The URL needs no sign-in, so calls are limited per client address.
 */

export function createPaymentReturnRoutes(deps: {
  orders: OrderRepository;
  lifecycle: OrderLifecycleClient;
  checkouts: OrderCheckouts;
  gateways?: PaymentGatewayDirectory;
  /** Where the browser lands; default the server's own page `/api/v1/payments/result`. */
  resultPageUrl: string;
  confirmWaitMs?: number;
  /** RATE_LIMIT_PAYMENT_RETURN per client address; absent (some tests): no limit. */
  limit?: { rates: RateLimiter; rule: RateLimit; clientOf: ClientOf };
}) {
  const router = createRouter();
  if (deps.limit) {
    const { rates, rule, clientOf } = deps.limit;
    router.use(
      '/payments/return/*',
      rateLimitPerClient({ limiter: rates, clientOf, name: 'payment-return', what: '결제 결과', rule }),
    );
  }

  const redirectTo = (c: Context<AppEnv>, query: Record<string, string | undefined>) => {
    const url = new URL(deps.resultPageUrl);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, value);
    return c.redirect(url.toString(), 303);
  };

  const handle = async (c: Context<AppEnv>) => {
    const { provider: providerName, orderId, outcome } = c.req.param() as Record<string, string>;
    const provider = providerName!.toUpperCase();
    if (!isPgProvider(provider) || !OUTCOMES.includes(outcome as PgReturnOutcome) || !deps.gateways)
      return redirectTo(c, { orderId, status: 'ERROR', code: 'UNKNOWN_RETURN' });
    const order = await deps.orders.findById(orderId!);
    if (!order || order.payment.provider !== provider)
      return redirectTo(c, { orderId, status: 'ERROR', code: 'ORDER_NOT_FOUND' });
    const params: Record<string, string> = { ...c.req.query() };
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody().catch(() => ({}));
      for (const [key, value] of Object.entries(form)) if (typeof value === 'string') params[key] = value;
    }
    const pgReference = await deps.checkouts.pgReferenceOf(order.id);
    const parsed = deps.gateways.gateway(provider).parseReturn({
      orderId: order.id,
      outcome: outcome as PgReturnOutcome,
      params,
      pgReference,
    });
    if (parsed.kind === 'rejected')
      return redirectTo(c, { orderId, status: 'ERROR', code: 'RETURN_REJECTED' });
    const shown = { orderId, orderNumber: order.orderNumber };
    // A window left open past a cancellation or the deadline: the page must not offer to pay again.
    const failedStatus = (code: string | undefined, otherwise: 'FAILED' | 'CANCELED') =>
      order.status !== 'PENDING_PAYMENT' || (code && CLOSED_CODES.includes(code)) ? 'CLOSED' : otherwise;
    if (parsed.kind === 'failed')
      return redirectTo(c, {
        ...shown,
        status: failedStatus(parsed.code, parsed.buyerCanceled ? 'CANCELED' : 'FAILED'),
        code: parsed.code,
        message: parsed.message,
      });
    let result: PaymentOutcome;
    try {
      result = await deps.lifecycle.pay(
        order.id,
        { pgReturn: parsed.pgReturn, pgReference },
        `return:${provider}:${parsed.pgReturn.token}`,
        deps.confirmWaitMs ?? CONFIRM_WAIT_MS,
      );
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'PAYMENT_FAILED';
      return redirectTo(c, { ...shown, status: failedStatus(code, 'FAILED'), code });
    }
    if (result.status === 'PAID' || result.status === 'PROCESSING')
      return redirectTo(c, { ...shown, status: result.status });
    return redirectTo(c, {
      ...shown,
      status: failedStatus(result.code, 'FAILED'),
      code: result.code,
      message: result.message,
    });
  };

  router.get('/payments/return/:provider/:orderId/:outcome', handle);
  router.post('/payments/return/:provider/:orderId/:outcome', handle);
  router.get('/payments/result', (c) => c.html(paymentResultPage(c.req.query())));
  return router;
}
