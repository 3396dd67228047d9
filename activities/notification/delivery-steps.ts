import { ApplicationFailure } from '@temporalio/activity';
import {
  attemptForRecipient,
  decideAfterAlimTalkSend,
  maskEmail,
  maskPhone,
  recipientVariables,
  renderTemplate,
  type AlimTalkSender,
  type Contact,
  type EmailSender,
  type FallbackDecision,
  type Notification,
  type NotificationAttempt,
  type NotificationChannel,
  type NotificationStore,
  type RecipientDirectory,
  type RenderedNotification,
  type SendResult,
  type SmsSender,
} from '../../domain/notification';

/** How many times the AlimTalk send runs before SMS takes over (the workflow's activity retries, or an inline notice's). */
export const ALIMTALK_MAX_ATTEMPTS = 5;

export interface DeliveryDeps {
  store: NotificationStore;
  directory: RecipientDirectory;
  alimtalk: AlimTalkSender;
  sms: SmsSender;
  email: EmailSender;
  emailProvider: 'sendgrid' | 'smtp';
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

/** A notification with its recipient's contact and its template rendered for them. */
export interface PreparedNotice {
  notification: Notification;
  contact: Contact;
  rendered: RenderedNotification;
  /** Registered by this very call: no attempt of it can exist yet, so none is looked up. */
  fresh?: boolean;
}

export const transient = (message: string, retryAfter?: Date, now?: Date) =>
  ApplicationFailure.create({
    type: 'NotificationTransientFailure',
    message,
    nonRetryable: false,
    ...(retryAfter && now && { nextRetryDelay: Math.max(1000, retryAfter.getTime() - now.getTime()) }),
  });

const definedOnly = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

export const isAccepted = (outcome: ChannelOutcome) =>
  outcome.status === 'ACCEPTED' || outcome.status === 'DELIVERED';

/**
 * The steps of one notification's delivery, shared by the notification workflow's activities and
 * the inline delivery of `sendNotification` (docs/notifications.md#two-delivery-paths). Each step is
 * idempotent through the attempt rows: an attempt is saved before its provider is called, and an
 * accepted or delivered one is never sent again.
 */
export function createDeliverySteps(deps: DeliveryDeps) {
  async function load(notificationId: string): Promise<Notification> {
    const notification = await deps.store.get(notificationId);
    if (!notification)
      throw ApplicationFailure.nonRetryable(
        `notification ${notificationId} does not exist`,
        'NotificationMissing',
      );
    return notification;
  }

  async function contactOf(notification: Notification): Promise<Contact> {
    if (notification.contact) return notification.contact;
    if (!notification.recipientUserId) return {};
    return (await deps.directory.contactOf(notification.recipientUserId)) ?? {};
  }

  /** The template rendered for this recipient: the caller's values plus the recipient's own (고객명). */
  async function prepare(notification: Notification, fresh = false): Promise<PreparedNotice> {
    const contact = await contactOf(notification);
    const rendered = renderTemplate(notification.templateCode, {
      ...recipientVariables(contact),
      ...notification.variables,
    });
    return { notification, contact, rendered, fresh };
  }

  /** The attempt of this channel, saved before the provider is called so a crash or an early webhook finds it. */
  async function openAttempt(
    { notification, fresh }: PreparedNotice,
    channel: NotificationChannel,
    provider: NotificationAttempt['provider'],
    maskedRecipient: string,
    fallbackOf?: string,
  ): Promise<NotificationAttempt> {
    const existing = fresh ? null : await deps.store.attemptOf(notification.id, channel);
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
    const sent = {
      provider: result.provider,
      tries: attempt.tries + 1,
      providerMessageId: result.providerMessageId,
      recipientSeq: recipient?.recipientSeq,
      providerCode: recipient?.providerCode ?? result.providerCode,
      providerMessage: recipient?.providerMessage ?? result.providerMessage,
      updatedAt: deps.now(),
    };
    if (classification !== 'transient') {
      const ended =
        classification === 'ok'
          ? { status: 'ACCEPTED' as const }
          : { status: 'FAILED' as const, failureReason: recipient?.reason ?? result.reason };
      const applied = await deps.store.updateAttempt(attempt.id, { ...sent, ...ended }, { onlyIfOpen: true });
      deps.countSend?.(attempt.channel, classification === 'ok' ? 'sent' : 'failed');
      if (attempt.fallbackOf) deps.countSend?.('ALIMTALK', 'fallback');
      // The row was still open: it is now what we wrote, in one statement.
      if (applied) return { ...attempt, ...definedOnly(sent), ...definedOnly(ended) };
    }
    // Not final yet, or a report came first: the send is recorded and the reported status stays.
    await deps.store.updateAttempt(attempt.id, sent);
    return (await deps.store.attemptOf(attempt.notificationId, attempt.channel))!;
  }

  /**
   * AlimTalk. Idempotent: the notification id is NHN's duplicate-request key. With
   * `providerFallback`, NHN sends the template's SMS/LMS itself when Kakao cannot deliver
   * (resendParameter, 대체발송). Throws a retryable failure before the last of `maxAttempts`.
   */
  async function sendAlimTalk(
    notice: PreparedNotice,
    options: { attempt: number; maxAttempts: number; providerFallback: boolean },
  ): Promise<DeliveryStep> {
    const { notification, contact, rendered } = notice;
    if (!rendered.alimtalk) return { action: 'SKIPPED', why: 'NO_TEMPLATE_FOR_CHANNEL' };
    const { phone } = contact;
    if (!phone) return { action: 'SKIPPED', why: 'NO_CONTACT' };

    const attempt = await openAttempt(notice, 'ALIMTALK', 'nhn-alimtalk', maskPhone(phone));
    if (attempt.status === 'ACCEPTED') return { action: 'AWAIT_REPORT' };
    if (attempt.status === 'DELIVERED') return { action: 'DONE', via: 'ALIMTALK' };
    const smsFallback =
      options.providerFallback && rendered.sms
        ? {
            type: rendered.sms.type,
            content: rendered.sms.body,
            ...(rendered.sms.title && { title: rendered.sms.title }),
          }
        : undefined;
    const result = await deps.alimtalk.send({
      templateCode: rendered.alimtalk.templateCode,
      recipients: [
        {
          phone,
          variables: rendered.alimtalk.parameters,
          correlationKey: notification.id,
          ...(smsFallback && { smsFallback }),
        },
      ],
      correlationKey: notification.id,
      idempotencyKey: notification.id,
    });
    const recorded = await record(attempt, result);
    // Kakao's report came back before the send's own answer: nothing left to wait for.
    if (recorded.status === 'DELIVERED') return { action: 'DONE', via: 'ALIMTALK' };
    const decision = decideAfterAlimTalkSend(attemptForRecipient(result), options);
    if (decision.action === 'RETRY_ALIMTALK') {
      throw transient(
        `AlimTalk not accepted (${result.reason ?? result.providerCode ?? 'transient'})`,
        decision.retryAfter,
        deps.now(),
      );
    }
    return decision;
  }

  /** Our own SMS/LMS: the fallback when AlimTalk cannot be delivered and NHN will not fall back itself. */
  async function sendSms(notice: PreparedNotice): Promise<ChannelOutcome> {
    const { notification, contact, rendered } = notice;
    const { phone } = contact;
    if (!rendered.sms || !phone) return { status: 'SKIPPED' };
    const channel = rendered.sms.type;
    const alimtalk = await deps.store.attemptOf(notification.id, 'ALIMTALK');
    const attempt = await openAttempt(notice, channel, 'nhn-sms', maskPhone(phone), alimtalk?.id);
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
  }

  /** E-mail for templates that have one (statements, receipts). */
  async function sendEmail(notice: PreparedNotice): Promise<ChannelOutcome> {
    const { notification, contact, rendered } = notice;
    const { email } = contact;
    if (!rendered.email || !email) return { status: 'SKIPPED' };
    const attempt = await openAttempt(notice, 'EMAIL', deps.emailProvider, maskEmail(email));
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
      throw transient(`e-mail not accepted (${result.reason ?? 'transient'})`, result.retryAfter, deps.now());
    return { channel: 'EMAIL', status: updated.status };
  }

  /** Whether our own SMS/LMS was decided on before (its attempt row exists). */
  async function hasOwnSms({ notification, rendered, fresh }: PreparedNotice): Promise<boolean> {
    if (!rendered.sms || fresh) return false;
    return (await deps.store.attemptOf(notification.id, rendered.sms.type)) !== null;
  }

  /**
   * Ends the notification: FAILED when no channel took it, DELIVERED when Kakao confirmed the
   * AlimTalk, SENT otherwise (an SMS or e-mail accepted, or an AlimTalk NHN accepted with its own
   * fallback and no report yet — the attempt row then shows Kakao's outcome when it comes).
   */
  async function complete(
    notificationId: string,
    outcome: { deliveredVia?: NotificationChannel; failed: boolean; awaitingReport?: boolean },
    /** The notification in hand, if the caller has it: not read again. */
    known?: Notification,
  ): Promise<void> {
    const notification = known ?? (await load(notificationId));
    const confirmed = outcome.deliveredVia === 'ALIMTALK' && !outcome.awaitingReport;
    await deps.store.update({
      ...notification,
      status: outcome.failed ? 'FAILED' : confirmed ? 'DELIVERED' : 'SENT',
      deliveredVia: outcome.deliveredVia,
      updatedAt: deps.now(),
    });
  }

  return { load, prepare, sendAlimTalk, sendSms, sendEmail, hasOwnSms, complete };
}

export type DeliverySteps = ReturnType<typeof createDeliverySteps>;
