import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  decideAfterAlimTalkReport,
  deliversInOneStep,
  isLookupFailure,
  validateNotificationRequest,
  type Notification,
  type NotificationChannel,
  type NotificationRequest,
} from '../../domain/notification';
import { DomainError } from '../../domain/shared/domain-error';
import {
  ALIMTALK_MAX_ATTEMPTS,
  createDeliverySteps,
  transient,
  type ChannelOutcome,
  type DeliveryDeps,
  type DeliveryStep,
} from './delivery-steps';
import { currentTry, deliverInline } from './inline-delivery';

export { ALIMTALK_MAX_ATTEMPTS, type ChannelOutcome, type DeliveryStep };

export interface NotificationActivityDeps extends DeliveryDeps {
  /**
   * Starts the notification's workflow; succeeds when it is already running. `after`: the dedupe
   * key of the notification whose delivery must end first.
   */
  startDelivery(notificationId: string, after?: string): Promise<void>;
}

export function createNotificationActivities(deps: NotificationActivityDeps) {
  const steps = createDeliverySteps(deps);

  return {
    /**
     * Registers a notification once per dedupe key and delivers it (docs/notifications.md#two-delivery-paths):
     * a notice outside any sequence right here, inside this activity (AlimTalk with NHN's own SMS
     * fallback); a notice in a sequence (`after`, or one a later notice waits for) by its workflow.
     * Other contexts call this as an activity on the `notification` queue.
     */
    async sendNotification(
      request: NotificationRequest,
    ): Promise<{ notificationId: string; created: boolean }> {
      try {
        validateNotificationRequest(request);
      } catch (error) {
        if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
        throw error;
      }
      const now = deps.now();
      const { notification, created } = await deps.store.register({
        id: deps.newId(),
        dedupeKey: request.dedupeKey,
        templateCode: request.templateCode,
        recipientUserId: 'userId' in request.recipient ? request.recipient.userId : undefined,
        contact: 'userId' in request.recipient ? undefined : request.recipient,
        variables: request.variables,
        attachment: request.attachment,
        orderId: request.orderId,
        afterKey: request.after,
        status: 'PENDING',
        createdAt: now,
        updatedAt: now,
      });
      if (notification.status === 'PENDING') await deliver(notification, created);
      return { notificationId: notification.id, created };
    },

    /**
     * Has the delivery of the notification registered under `dedupeKey` ended (sent, delivered or
     * failed)? Throws a retryable failure while it has not, so Temporal's retries are the wait (the
     * workflow bounds them). A predecessor not registered yet is waited for like an unfinished one.
     */
    async awaitPredecessor(input: { dedupeKey: string }): Promise<{ status: Notification['status'] }> {
      const predecessor = await deps.store.findByDedupeKey(input.dedupeKey);
      if (!predecessor || predecessor.status === 'PENDING')
        throw ApplicationFailure.create({
          type: 'PredecessorPending',
          message: `notification ${input.dedupeKey} still being delivered`,
        });
      return { status: predecessor.status };
    },

    /** AlimTalk first, Jangteo deciding on the fallback itself (the workflow's step). */
    async deliverAlimTalk(input: { notificationId: string }): Promise<DeliveryStep> {
      const notice = await steps.prepare(await steps.load(input.notificationId));
      return steps.sendAlimTalk(notice, {
        attempt: Context.current().info.attempt,
        maxAttempts: ALIMTALK_MAX_ATTEMPTS,
        providerFallback: false,
      });
    },

    /** After a webhook or a quiet while: did Kakao deliver it, or must SMS take over? */
    async checkAlimTalkDelivery(input: { notificationId: string }): Promise<DeliveryStep> {
      const attempt = await deps.store.attemptOf(input.notificationId, 'ALIMTALK');
      if (attempt?.status === 'DELIVERED') return { action: 'DONE', via: 'ALIMTALK' };
      if (!attempt?.providerMessageId || attempt.recipientSeq === undefined) {
        return { action: 'SEND_SMS', reason: 'PROVIDER_ERROR', alert: false };
      }
      const report = await deps.alimtalk.getDeliveryReport(attempt.providerMessageId, attempt.recipientSeq);
      if (isLookupFailure(report)) {
        if (report.classification === 'transient')
          throw transient(`AlimTalk look-up failed (${report.reason})`);
        return { action: 'SEND_SMS', reason: report.reason, alert: false };
      }
      if (report.delivery === 'DELIVERED' || report.delivery === 'FAILED') {
        await deps.store.updateAttempt(
          attempt.id,
          {
            status: report.delivery,
            failureReason: report.reason,
            providerCode: report.providerCode,
            providerMessage: report.providerMessage,
            updatedAt: deps.now(),
          },
          { onlyIfOpen: true },
        );
      }
      return decideAfterAlimTalkReport(report, { providerFallbackRequested: false });
    },

    /** The SMS/LMS fallback (or the only channel when AlimTalk has no template). */
    async deliverSms(input: { notificationId: string; reason: string }): Promise<ChannelOutcome> {
      return steps.sendSms(await steps.prepare(await steps.load(input.notificationId)));
    },

    /** E-mail for templates that have one (statements, receipts). */
    async deliverEmail(input: { notificationId: string }): Promise<ChannelOutcome> {
      return steps.sendEmail(await steps.prepare(await steps.load(input.notificationId)));
    },

    async completeNotification(input: {
      notificationId: string;
      deliveredVia?: NotificationChannel;
      failed: boolean;
    }): Promise<void> {
      await steps.complete(input.notificationId, input);
    },
  };

  /**
   * Inline when the notice stands alone and this runs as an activity with a retry left after this
   * one; otherwise (a sequenced notice, the last try, no activity around) its workflow delivers it.
   */
  async function deliver(notification: Notification, fresh: boolean): Promise<void> {
    const at = currentTry();
    const inline =
      at !== undefined &&
      at.attempt < at.lastAttempt &&
      deliversInOneStep({ templateCode: notification.templateCode, after: notification.afterKey });
    if (inline) await deliverInline(steps, notification, at, fresh);
    else await deps.startDelivery(notification.id, notification.afterKey);
  }
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
