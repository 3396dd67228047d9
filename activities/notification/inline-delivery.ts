import { Context } from '@temporalio/activity';
import type { Notification, NotificationChannel } from '../../domain/notification';
import {
  ALIMTALK_MAX_ATTEMPTS,
  isAccepted,
  type ChannelOutcome,
  type DeliverySteps,
  type PreparedNotice,
} from './delivery-steps';

/**
 * The most tries an inline notice takes inside its caller's activity: NOTIFICATION_RETRY's
 * `maximumAttempts`, and the bound for callers retried without one (the digest's page activity).
 */
export const INLINE_MAX_ATTEMPTS = 10;

/** Where the current activity stands in its retries; undefined outside an activity. */
export interface InlineTry {
  attempt: number;
  /** The try after which nobody retries: it hands the notice over to its workflow instead. */
  lastAttempt: number;
}

/**
 * The running activity's try. Outside an activity (a test calling the function directly) there is
 * no retry to count on, so inline delivery is not used at all.
 */
export function currentTry(): InlineTry | undefined {
  let info: Context['info'];
  try {
    info = Context.current().info;
  } catch {
    return undefined;
  }
  const allowed = info.retryPolicy?.maximumAttempts;
  return {
    attempt: info.attempt,
    lastAttempt: Math.min(allowed && allowed > 0 ? allowed : INLINE_MAX_ATTEMPTS, INLINE_MAX_ATTEMPTS),
  };
}

interface PhoneOutcome {
  deliveredVia?: NotificationChannel;
  /** NHN accepted the AlimTalk with its own SMS fallback; Kakao's report is not in yet. */
  awaitingReport: boolean;
}

/**
 * Delivers a notice inside the `sendNotification` activity, with no workflow
 * (docs/notifications.md#two-delivery-paths): AlimTalk with NHN's own SMS fallback (대체발송), our
 * SMS when NHN refuses the AlimTalk or its retries run out, the e-mail alongside, then the
 * notification completed. A transient failure throws: Temporal retries the activity, and the
 * attempt rows make each retry resume where the last one stopped.
 */
export async function deliverInline(
  steps: DeliverySteps,
  notification: Notification,
  at: InlineTry,
  /** Registered by this call: nothing of it was sent before. */
  fresh = false,
): Promise<void> {
  const notice = await steps.prepare(notification, fresh);
  // The last AlimTalk try comes before the caller's last try, so our SMS still has one.
  const maxAttempts = Math.max(1, Math.min(ALIMTALK_MAX_ATTEMPTS, at.lastAttempt - 1));
  const [phone, mail] = await Promise.allSettled([
    byPhone(steps, notice, { attempt: at.attempt, maxAttempts }),
    steps.sendEmail(notice),
  ]);
  if (phone.status === 'rejected') throw phone.reason;
  if (mail.status === 'rejected') throw mail.reason;

  let { deliveredVia } = phone.value;
  if (!deliveredVia && isAccepted(mail.value)) deliveredVia = 'EMAIL';
  await steps.complete(
    notification.id,
    {
      deliveredVia,
      failed: deliveredVia === undefined,
      awaitingReport: phone.value.awaitingReport && deliveredVia === 'ALIMTALK',
    },
    notification,
  );
}

async function byPhone(
  steps: DeliverySteps,
  notice: PreparedNotice,
  options: { attempt: number; maxAttempts: number },
): Promise<PhoneOutcome> {
  // Once our own SMS was decided on (its row exists), a retry finishes that SMS and does not go back to AlimTalk.
  if (await steps.hasOwnSms(notice)) return viaSms(await steps.sendSms(notice));
  const step = await steps.sendAlimTalk(notice, { ...options, providerFallback: true });
  switch (step.action) {
    case 'DONE':
      return { deliveredVia: step.via === 'ALIMTALK' ? 'ALIMTALK' : undefined, awaitingReport: false };
    case 'AWAIT_REPORT':
      // NHN has it: Kakao delivers it, or NHN sends the SMS/LMS itself.
      return { deliveredVia: 'ALIMTALK', awaitingReport: true };
    case 'SEND_SMS':
      return viaSms(await steps.sendSms(notice));
    default:
      return { awaitingReport: false };
  }
}

const viaSms = (sms: ChannelOutcome): PhoneOutcome => ({
  deliveredVia: isAccepted(sms) && 'channel' in sms ? sms.channel : undefined,
  awaitingReport: false,
});
