import type { Client } from '@temporalio/client';
import { paymentStatusFromPg, type PaymentRepository } from '../../domain/payment';
import type { PaymentGateways } from '../../integrations/payment/payment-vendors';
import { paymentAttemptWorkflowId, pgStatusChangedSignal } from '../../workflows/payment/payment.messages';
import { ProblemError } from '../problem';

export interface PaymentWebhookOutcome {
  received: true;
  /** The payments row changed (false for replays, stale or uninteresting events). */
  applied: boolean;
  duplicate: boolean;
}

/**
 * PG callbacks. Toss does not sign PAYMENT_STATUS_CHANGED, so the adapter fetches the payment again
 * and only Toss's answer is used; DEPOSIT_CALLBACK must carry the payment's stored secret. Each
 * verified event is recorded once (a replay changes nothing), the payment row only moves forward
 * (so a callback racing the workflow's own confirm, or arriving out of order, cannot undo anything),
 * and the attempt's workflow is told to look at the PG now if it is waiting.
 */
export class PaymentWebhooks {
  constructor(
    private readonly deps: {
      payments: PaymentRepository;
      gateways?: PaymentGateways;
      temporal: () => Client;
      newId: () => string;
      now: () => Date;
    },
  ) {}

  async toss(headers: Headers, rawBody: string): Promise<PaymentWebhookOutcome> {
    if (!this.deps.gateways)
      throw new ProblemError('SERVICE_UNAVAILABLE', 'Payments are not configured in this process.');
    const lowerCased: Record<string, string> = {};
    headers.forEach((value, name) => void (lowerCased[name.toLowerCase()] = value));
    const result = await this.deps.gateways
      .gateway('TOSS')
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
    if (result.kind === 'ignored') return { received: true, applied: false, duplicate: false };

    const { event } = result;
    const fresh = await this.deps.payments.recordEvent({
      id: this.deps.newId(),
      provider: 'TOSS',
      eventId: event.eventId,
      eventType: event.type,
      orderId: event.orderId,
      pgTransactionId: event.pgTransactionId,
      pgStatus: event.payment.status,
      stale: event.stale,
      receivedAt: this.deps.now(),
    });
    if (!fresh) return { received: true, applied: false, duplicate: true };

    const record = await this.deps.payments.findForPg(event.orderId, event.pgTransactionId);
    if (!record) return { received: true, applied: false, duplicate: false };
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
    await this.wake(paymentAttemptWorkflowId(record.orderId, record.attempt), event.payment.status);
    return { received: true, applied, duplicate: false };
  }

  /** Best effort: a finished attempt needs no news, and a waiting one looks the PG up on its own anyway. */
  private async wake(workflowId: string, pgStatus: string): Promise<void> {
    try {
      await this.deps.temporal().workflow.getHandle(workflowId).signal(pgStatusChangedSignal, { pgStatus });
    } catch {
      // completed, never started in this namespace, or Temporal briefly unreachable
    }
  }
}
