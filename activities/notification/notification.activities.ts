import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  attemptForRecipient,
  decideAfterAlimTalkReport,
  decideAfterAlimTalkSend,
  isLookupFailure,
  maskEmail,
  recipientVariables,
  validateNotificationRequest,
  maskPhone,
  renderTemplate,
  type AlimTalkSender,
  type Contact,
  type EmailSender,
  type FallbackDecision,
  type Notification,
  type NotificationAttempt,
  type NotificationChannel,
  type NotificationRequest,
  type NotificationStore,
  type RecipientDirectory,
  type SendResult,
  type SmsSender,
} from '../../domain/notification';
import { DomainError } from '../../domain/shared/domain-error';

/** How many times the AlimTalk send activity runs before the workflow falls back to SMS. */
export const ALIMTALK_MAX_ATTEMPTS = 5;

export interface NotificationActivityDeps {
  store: NotificationStore;
  directory: RecipientDirectory;
  alimtalk: AlimTalkSender;
  sms: SmsSender;
  email: EmailSender;
  emailProvider: 'sendgrid' | 'smtp';
  /**
   * Starts the notification's workflow; succeeds when it is already running. `after`: the dedupe
   * key of the notification whose delivery must end first.
   */
  startDelivery(notificationId: string, after?: string): Promise<void>;
  /** Counts a send that ended (`notifications_total`): the provider accepted or refused it, or SMS took over. */
  countSend?(channel: NotificationChannel, outcome: 'sent' | 'failed' | 'fallback'): void;
  newId(): string;
  now(): Date;
}

/** What a delivery step tells the workflow; ids and statuses only (histories carry no personal data). */
export type DeliveryStep =
  FallbackDecision | { action: 'SKIPPED'; why: 'NO_TEMPLATE_FOR_CHANNEL' | 'NO_CONTACT' };

export type ChannelOutcome =
  { channel: NotificationChannel; status: NotificationAttempt['status'] } | { status: 'SKIPPED' };

const transient = (message: string, retryAfter?: Date, now?: Date) =>
  ApplicationFailure.create({
    type: 'NotificationTransientFailure',
    message,
    nonRetryable: false,
    ...(retryAfter && now && { nextRetryDelay: Math.max(1000, retryAfter.getTime() - now.getTime()) }),
  });

export function createNotificationActivities(deps: NotificationActivityDeps) {
  async function load(notificationId: string): Promise<Notification> {
    const notification = await deps.store.get(notificationId);
    if (!notification)
      throw ApplicationFailure.nonRetryable(
        `notification ${notificationId} does not exist`,
        'NotificationMissing',
      );
    return notification;
  }

  /** The template rendered for this recipient: the caller's values plus the recipient's own (고객명). */
  function render(notification: Notification, contact: Contact) {
    return renderTemplate(notification.templateCode, {
      ...recipientVariables(contact),
      ...notification.variables,
    });
  }

  async function contactOf(notification: Notification): Promise<Contact> {
    if (notification.contact) return notification.contact;
    if (!notification.recipientUserId) return {};
    return (await deps.directory.contactOf(notification.recipientUserId)) ?? {};
  }

  /** The attempt of this channel, saved before the provider is called so a crash or an early webhook finds it. */
  async function openAttempt(
    notification: Notification,
    channel: NotificationChannel,
    provider: NotificationAttempt['provider'],
    maskedRecipient: string,
    fallbackOf?: string,
  ): Promise<NotificationAttempt> {
    const existing = await deps.store.attemptOf(notification.id, channel);
    if (existing) return existing;
    const now = deps.now();
    const attempt: NotificationAttempt = {
      id: deps.newId(),
      notificationId: notification.id,
      channel,
      provider,
      maskedRecipient,
      status: 'SENDING',
      tries: 0,
      fallbackOf,
      createdAt: now,
      updatedAt: now,
    };
    await deps.store.saveAttempt(attempt);
    return attempt;
  }

  /**
   * Applies a send result to the attempt row. A webhook may already have reported the outcome
   * (providers call back before their HTTP answer arrives), so a final status is never overwritten.
   */
  async function record(attempt: NotificationAttempt, result: SendResult): Promise<NotificationAttempt> {
    const recipient = result.recipients[0];
    const classification =
      result.classification === 'ok' ? (recipient?.classification ?? 'ok') : result.classification;
    const now = deps.now();
    await deps.store.updateAttempt(attempt.id, {
      provider: result.provider,
      tries: attempt.tries + 1,
      providerMessageId: result.providerMessageId,
      recipientSeq: recipient?.recipientSeq,
      providerCode: recipient?.providerCode ?? result.providerCode,
      providerMessage: recipient?.providerMessage ?? result.providerMessage,
      updatedAt: now,
    });
    if (classification !== 'transient') {
      await deps.store.updateAttempt(
        attempt.id,
        classification === 'ok'
          ? { status: 'ACCEPTED' }
          : { status: 'FAILED', failureReason: recipient?.reason ?? result.reason },
        { onlyIfOpen: true },
      );
      deps.countSend?.(attempt.channel, classification === 'ok' ? 'sent' : 'failed');
      if (attempt.fallbackOf) deps.countSend?.('ALIMTALK', 'fallback');
    }
    return (await deps.store.attemptOf(attempt.notificationId, attempt.channel))!;
  }

  return {
    /**
     * Registers a notification once per dedupe key and starts its delivery workflow. Other contexts
     * call this (as an activity on the `notification` queue, or directly from the API).
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
      if (notification.status === 'PENDING') await deps.startDelivery(notification.id, notification.afterKey);
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

    /** AlimTalk first. Idempotent: the notification id is NHN's duplicate-request key. */
    async deliverAlimTalk(input: { notificationId: string }): Promise<DeliveryStep> {
      const notification = await load(input.notificationId);
      const contact = await contactOf(notification);
      const rendered = render(notification, contact);
      if (!rendered.alimtalk) return { action: 'SKIPPED', why: 'NO_TEMPLATE_FOR_CHANNEL' };
      const { phone } = contact;
      if (!phone) return { action: 'SKIPPED', why: 'NO_CONTACT' };

      const attempt = await openAttempt(notification, 'ALIMTALK', 'nhn-alimtalk', maskPhone(phone));
      if (attempt.status === 'ACCEPTED') return { action: 'AWAIT_REPORT' };
      if (attempt.status === 'DELIVERED') return { action: 'DONE', via: 'ALIMTALK' };
      const result = await deps.alimtalk.send({
        templateCode: rendered.alimtalk.templateCode,
        recipients: [{ phone, variables: rendered.alimtalk.parameters, correlationKey: notification.id }],
        correlationKey: notification.id,
        idempotencyKey: notification.id,
      });
      const recorded = await record(attempt, result);
      // Kakao's report came back before the send's own answer: nothing left to wait for.
      if (recorded.status === 'DELIVERED') return { action: 'DONE', via: 'ALIMTALK' };
      const decision = decideAfterAlimTalkSend(attemptForRecipient(result), {
        attempt: Context.current().info.attempt,
        maxAttempts: ALIMTALK_MAX_ATTEMPTS,
      });
      if (decision.action === 'RETRY_ALIMTALK') {
        throw transient(
          `AlimTalk not accepted (${result.reason ?? result.providerCode ?? 'transient'})`,
          decision.retryAfter,
          deps.now(),
        );
      }
      return decision;
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
      const notification = await load(input.notificationId);
      const contact = await contactOf(notification);
      const rendered = render(notification, contact);
      const { phone } = contact;
      if (!rendered.sms || !phone) return { status: 'SKIPPED' };
      const channel = rendered.sms.type;
      const alimtalk = await deps.store.attemptOf(notification.id, 'ALIMTALK');
      const attempt = await openAttempt(notification, channel, 'nhn-sms', maskPhone(phone), alimtalk?.id);
      if (attempt.status !== 'SENDING') return { channel, status: attempt.status };
      const result = await deps.sms.send({
        type: rendered.sms.type,
        title: rendered.sms.title,
        body: rendered.sms.body,
        recipients: [{ phone, correlationKey: notification.id }],
        correlationKey: notification.id,
      });
      const updated = await record(attempt, result);
      if (updated.status === 'SENDING')
        throw transient(`SMS not accepted (${result.reason ?? 'transient'})`, result.retryAfter, deps.now());
      return { channel, status: updated.status };
    },

    /** E-mail for templates that have one (statements, receipts). */
    async deliverEmail(input: { notificationId: string }): Promise<ChannelOutcome> {
      const notification = await load(input.notificationId);
      const contact = await contactOf(notification);
      const rendered = render(notification, contact);
      const { email } = contact;
      if (!rendered.email || !email) return { status: 'SKIPPED' };
      const attempt = await openAttempt(notification, 'EMAIL', deps.emailProvider, maskEmail(email));
      if (attempt.status !== 'SENDING') return { channel: 'EMAIL', status: attempt.status };
      const attachment =
        rendered.email.attachment && notification.attachment !== undefined
          ? [{ ...rendered.email.attachment, content: notification.attachment }]
          : undefined;
      const result = await deps.email.send({
        to: [{ email }],
        subject: rendered.email.subject,
        html: rendered.email.html,
        text: rendered.email.text,
        attachments: attachment,
        notificationId: notification.id,
      });
      const updated = await record(attempt, result);
      if (updated.status === 'SENDING')
        throw transient(
          `e-mail not accepted (${result.reason ?? 'transient'})`,
          result.retryAfter,
          deps.now(),
        );
      return { channel: 'EMAIL', status: updated.status };
    },

    async completeNotification(input: {
      notificationId: string;
      deliveredVia?: NotificationChannel;
      failed: boolean;
    }): Promise<void> {
      const notification = await load(input.notificationId);
      await deps.store.update({
        ...notification,
        status: input.failed ? 'FAILED' : input.deliveredVia === 'ALIMTALK' ? 'DELIVERED' : 'SENT',
        deliveredVia: input.deliveredVia,
        updatedAt: deps.now(),
      });
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
