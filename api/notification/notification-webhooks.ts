import type { Client } from '@temporalio/client';
import type {
  DeliveryEvent,
  DeliveryWebhookReaders,
  NotificationAttempt,
  NotificationStore,
} from '../../domain/notification';
import { notificationWorkflowId } from '../../domain/notification';
import { deliveryReportedSignal } from '../../workflows/notification/notification.messages';
import { ProblemError } from '../problem';

export interface WebhookSecrets {
  nhnSignature?: string;
  sendgridPublicKey?: string;
}

export interface WebhookOutcome {
  received: number;
  applied: number;
}

/**
 * Applies provider callbacks to the send log. Each provider event is recorded once (a replay changes
 * nothing); a status only moves forward; the notification's workflow is told to re-check.
 */
export class NotificationWebhooks {
  constructor(
    private readonly deps: {
      store: NotificationStore;
      temporal: () => Client;
      secrets: WebhookSecrets;
      readers: DeliveryWebhookReaders;
      now: () => Date;
      newId: () => string;
    },
  ) {}

  async nhn(headers: Headers, rawBody: string): Promise<WebhookOutcome> {
    const signature = this.deps.secrets.nhnSignature;
    if (!signature || !this.deps.readers.nhnSignatureMatches(headers, signature)) {
      throw new ProblemError('WEBHOOK_SIGNATURE_INVALID', 'The NHN webhook signature does not match.');
    }
    const payload = this.parse(() => this.deps.readers.readNhn(rawBody));
    let applied = 0;
    for (const report of payload.reports) {
      const attempt = report.correlationKey
        ? await this.deps.store.attemptOf(report.correlationKey, 'ALIMTALK')
        : await this.deps.store.findAttemptByProviderMessageId('nhn-alimtalk', report.requestId);
      // Not one of ours (or not recorded yet): leave the event unrecorded; the workflow's own look-up covers it.
      if (!attempt || (attempt.recipientSeq !== undefined && attempt.recipientSeq !== report.recipientSeq))
        continue;
      const fresh = await this.record(
        'nhn-alimtalk',
        `${payload.hooksId}:${report.requestId}:${report.recipientSeq}`,
        attempt,
        report.delivery,
        report.receivedAt,
      );
      if (!fresh) continue;
      applied++;
      if (report.delivery === 'DELIVERED' || report.delivery === 'FAILED') {
        await this.deps.store.updateAttempt(
          attempt.id,
          {
            status: report.delivery,
            failureReason: report.reason,
            providerCode: report.providerCode,
            updatedAt: this.deps.now(),
          },
          { onlyIfOpen: true },
        );
      }
      await this.wakeWorkflow(attempt.notificationId);
    }
    return { received: payload.reports.length, applied };
  }

  async sendgrid(headers: Headers, rawBody: string, now: Date): Promise<WebhookOutcome> {
    const publicKey = this.deps.secrets.sendgridPublicKey;
    if (!publicKey || !this.deps.readers.sendGridVerified({ rawBody, headers, publicKey, now }))
      throw new ProblemError('WEBHOOK_SIGNATURE_INVALID', 'The SendGrid event signature does not verify.');
    const events = this.parse(() => this.deps.readers.readSendGrid(rawBody));
    let applied = 0;
    for (const event of events) {
      const attempt = await this.emailAttemptOf(event);
      if (!attempt) continue;
      if (
        !(await this.record('sendgrid', event.eventId, attempt, event.status, event.occurredAt, event.detail))
      )
        continue;
      applied++;
      const status =
        event.status === 'DELIVERED' ? 'DELIVERED' : event.status === 'FAILED' ? 'FAILED' : undefined;
      if (status) {
        await this.deps.store.updateAttempt(
          attempt.id,
          { status, providerMessage: event.detail, updatedAt: this.deps.now() },
          { onlyIfOpen: true },
        );
      }
    }
    return { received: events.length, applied };
  }

  private async emailAttemptOf(event: DeliveryEvent): Promise<NotificationAttempt | null> {
    if (event.notificationId) return this.deps.store.attemptOf(event.notificationId, 'EMAIL');
    return event.providerMessageId
      ? this.deps.store.findAttemptByProviderMessageId('sendgrid', event.providerMessageId)
      : null;
  }

  private record(
    provider: NotificationAttempt['provider'],
    eventId: string,
    attempt: NotificationAttempt,
    status: string,
    occurredAt?: Date,
    detail?: string,
  ) {
    const now = this.deps.now();
    return this.deps.store.recordEvent({
      id: this.deps.newId(),
      provider,
      eventId,
      attemptId: attempt.id,
      status,
      detail,
      occurredAt: occurredAt ?? now,
      receivedAt: now,
    });
  }

  private parse<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      throw new ProblemError('WEBHOOK_MALFORMED', (error as Error).message);
    }
  }

  /** Best effort: a finished workflow needs no news, and a missed signal is covered by its own look-ups. */
  private async wakeWorkflow(notificationId: string): Promise<void> {
    try {
      await this.deps
        .temporal()
        .workflow.getHandle(notificationWorkflowId(notificationId))
        .signal(deliveryReportedSignal);
    } catch {
      // the workflow has completed, or Temporal is briefly unreachable: nothing is lost
    }
  }
}
