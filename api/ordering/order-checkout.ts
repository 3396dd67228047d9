import type { PaymentGatewayDirectory } from '../../domain/payment/payment-gateway';
import type { Order } from '../../domain/ordering/order';
import { itemSummary } from '../../domain/ordering/order-summary';
import type { AfterSaleStore } from '../../domain/ordering/ports';
import { ProblemError } from '../problem';

/** The return URLs given to a PG: GET or POST, handled by api/ordering/payment-return.routes.ts. */
export const paymentReturnPath = (
  provider: string,
  orderId: string,
  outcome: 'success' | 'fail' | 'cancel',
) => `/api/v1/payments/return/${provider.toLowerCase()}/${orderId}/${outcome}`;

export interface CheckoutView {
  /** A page a browser opens to pay (the PG's window; the simulator's in sandbox mode); null for points-only orders. */
  checkoutUrl: string | null;
  /** What a PG JS SDK call needs, for apps that open the window themselves. */
  clientParams?: Record<string, string | number | boolean>;
  expiresAt?: string;
  /** Apps that receive the PG's result themselves hand it here. */
  confirmUrl: string;
}

/**
 * Prepares the PG window of an order. Toss-like PGs only need parameters; KakaoPay/NaverPay
 * reserve on their side, and the handle they return is kept for the approval.
 */
export class OrderCheckouts {
  constructor(
    private readonly deps: {
      gateways?: PaymentGatewayDirectory;
      store: Pick<AfterSaleStore, 'saveCheckout' | 'latestCheckout'>;
      publicBaseUrl: string;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  /** The latest prepared checkout, or a new one (`fresh`: after a declined attempt, a new window). */
  async forOrder(order: Order, options: { fresh?: boolean } = {}): Promise<CheckoutView> {
    const confirmUrl = `${this.deps.publicBaseUrl}/api/v1/orders/${order.id}/payments/confirm`;
    const provider = order.payment.provider;
    if (order.payment.payableAmount === 0 || !provider) return { checkoutUrl: null, confirmUrl };
    if (!options.fresh) {
      const stored = await this.deps.store.latestCheckout(order.id);
      if (stored)
        return { checkoutUrl: stored.checkoutUrl, expiresAt: stored.expiresAt?.toISOString(), confirmUrl };
    }
    if (!this.deps.gateways)
      throw new ProblemError('SERVICE_UNAVAILABLE', 'Payments are not configured in this process.');
    const base = this.deps.publicBaseUrl;
    const result = await this.deps.gateways.gateway(provider).prepareCheckout({
      orderId: order.id,
      orderName: itemSummary(order.parts.flatMap((p) => p.lines)),
      amount: order.payment.payableAmount,
      method: order.payment.method === 'POINTS' ? 'CARD' : order.payment.method,
      cardScope: order.payment.cardScope ?? undefined,
      successUrl: `${base}${paymentReturnPath(provider, order.id, 'success')}`,
      failUrl: `${base}${paymentReturnPath(provider, order.id, 'fail')}`,
      cancelUrl: `${base}${paymentReturnPath(provider, order.id, 'cancel')}`,
      customerKey: order.userId,
    });
    if (result.kind !== 'ready')
      throw new ProblemError(
        'PAYMENT_PROVIDER_UNAVAILABLE',
        `The payment window could not be prepared (${result.code}); try again shortly.`,
        { provider },
      );
    await this.deps.store.saveCheckout({
      id: this.deps.newId(),
      orderId: order.id,
      provider,
      pgReference: result.pgReference ?? null,
      checkoutUrl: result.checkoutUrl ?? null,
      expiresAt: result.expiresAt ? new Date(result.expiresAt) : null,
      createdAt: this.deps.now(),
    });
    return {
      checkoutUrl: result.checkoutUrl ?? null,
      clientParams: result.clientParams,
      expiresAt: result.expiresAt,
      confirmUrl,
    };
  }

  async pgReferenceOf(orderId: string): Promise<string | undefined> {
    return (await this.deps.store.latestCheckout(orderId))?.pgReference ?? undefined;
  }
}
