import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { orderWorkflowId } from '../../domain/ordering/workflow-ids';
import type { PaymentGatewayDirectory } from '../../domain/payment/payment-gateway';
import {
  paymentStatusFromPg,
  type PaymentRepository,
  type PgProvider,
  type WebhookAck,
} from '../../domain/payment';
import { paymentAttemptWorkflowId, pgStatusChangedSignal } from '../../workflows/payment/payment.messages';
import { ProblemError } from '../problem';

export interface PaymentWebhookOutcome {
  received: true;
  /** The payments row changed (false for replays, stale or uninteresting events). */
  applied: boolean;
  duplicate: boolean;
}

/** What the route answers: the outcome, and the PG's own acknowledgement (NicePay wants text `OK`). */
export interface PaymentWebhookAnswer {
  outcome: PaymentWebhookOutcome;
  ack: WebhookAck;
}

/** The `{pg}` path segments of `POST /webhooks/payments/{pg}`. */
export const WEBHOOK_PGS: Record<string, PgProvider> = {
  toss: 'TOSS',
  nicepay: 'NICEPAY',
  inicis: 'INICIS',
  kakaopay: 'KAKAOPAY',
  naverpay: 'NAVERPAY',
};

/**
 * PG callbacks, one adapter per PG verifies its own (signatures, secrets, or a look-up). Toss does not sign PAYMENT_STATUS_CHANGED, so the adapter fetches the payment again
 * and only Toss's answer is used; DEPOSIT_CALLBACK must carry the payment's stored secret. Each
 * verified event is recorded once (a replay changes nothing), the payment row only moves forward
 * (so a callback racing the workflow's own confirm, or arriving out of order, cannot undo anything),
 * and the attempt's workflow is told to look at the PG now if it is waiting.
 */
export class PaymentWebhooks {
  constructor(
    private readonly deps: {
      payments: PaymentRepository;
      gateways?: PaymentGatewayDirectory;
      temporal: () => Client;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  async receive(pg: string, headers: Headers, rawBody: string): Promise<PaymentWebhookAnswer> {
    const provider = Object.hasOwn(WEBHOOK_PGS, pg) ? WEBHOOK_PGS[pg] : undefined;
    if (!provider)
      throw new ProblemError('PAYMENT_WEBHOOK_UNKNOWN_PG', `No PG called ${pg} sends webhooks to Jangteo.`, {
        pg,
      });
    if (!this.deps.gateways)
      throw new ProblemError('SERVICE_UNAVAILABLE', 'Payments are not configured in this process.');
    const lowerCased: Record<string, string> = {};
    headers.forEach((value, name) => void (lowerCased[name.toLowerCase()] = value));
    const result = await this.deps.gateways
      .gateway(provider)
      .parseWebhook(
        { headers: lowerCased, rawBody },
        { storedCallbackSecret: (orderId) => this.deps.payments.callbackSecretOf(orderId) },
      );
    if (result.kind === 'rejected')
      throw new ProblemError('PAYMENT_WEBHOOK_REJECTED', `The webhook was not accepted: ${result.reason}.`);
    if (result.kind === 'retry_later')
      throw new ProblemError(
        'SERVICE_UNAVAILABLE',
        `The payment could not be verified now (${result.reason}); deliver it again later.`,
      );
    if (result.kind === 'ignored')
      return { outcome: { received: true, applied: false, duplicate: false }, ack: result.ack };

    const { event } = result;
    const fresh = await this.deps.payments.recordEvent({
      id: this.deps.newId(),
      provider,
      eventId: event.eventId,
      eventType: event.type,
      orderId: event.orderId,
      pgTransactionId: event.pgTransactionId,
      pgStatus: event.payment.status,
      stale: event.stale,
      receivedAt: this.deps.now(),
    });
    if (!fresh) return { outcome: { received: true, applied: false, duplicate: true }, ack: result.ack };

    const record = await this.deps.payments.findForPg(event.orderId, event.pgTransactionId);
    if (!record) return { outcome: { received: true, applied: false, duplicate: false }, ack: result.ack };
    const status = paymentStatusFromPg(event.payment.status);
    const cancelled = event.payment.cancels.reduce((sum, c) => sum + c.amount, 0);
    const applied = status
      ? await this.deps.payments.advance(
          record.id,
          {
            status,
            pgTransactionId: event.pgTransactionId,
            pgStatus: event.payment.status,
            rawResponse: event.payment.raw,
            callbackSecret: event.payment.callbackSecret,
            approvedAt: event.payment.approvedAt ? new Date(event.payment.approvedAt) : undefined,
            cancelledAmount: cancelled > 0 ? cancelled : undefined,
          },
          this.deps.now(),
        )
      : false;
    // The deposit: this event moved the row out of AWAITING_DEPOSIT (a repeat or a second callback did not).
    const deposited = record.status === 'AWAITING_DEPOSIT' && applied && status !== 'AWAITING_DEPOSIT';
    await this.wake(record.orderId, record.attempt, deposited, event.payment.status);
    return { outcome: { received: true, applied, duplicate: false }, ack: result.ack };
  }

  /**
   * Best effort: a finished attempt needs no news, and a waiting one looks the PG up on its own
   * anyway. An attempt of its own workflow (orders before generation 3, an operator's retry) is
   * always told. An attempt settled inside its order is told only of a deposit: the order's hourly
   * look-ups would otherwise keep the buyer waiting, while any other news finds its confirm call in
   * flight or done, or a retry pause of seconds (docs/payments.md, "Webhooks").
   */
  private async wake(orderId: string, attempt: number, deposited: boolean, pgStatus: string): Promise<void> {
    const signal = (workflowId: string) =>
      this.deps.temporal().workflow.getHandle(workflowId).signal(pgStatusChangedSignal, { pgStatus });
    try {
      await signal(paymentAttemptWorkflowId(orderId, attempt));
      return;
    } catch (error) {
      // completed, never started in this namespace, or Temporal briefly unreachable
      if (!(error instanceof WorkflowNotFoundError) || !deposited) return;
    }
    try {
      await signal(orderWorkflowId(orderId));
    } catch {
      // the order ended meanwhile, or Temporal briefly unreachable
    }
  }
}
