import { ActivityFailure, condition, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type {
  ChannelOutcome,
  DeliveryStep,
  NotificationActivities,
} from '../../activities/notification/notification.activities';
import type { NotificationChannel } from '../../domain/notification/send-result';
import { deliveryReportedSignal } from './notification.messages';

/** Must equal ALIMTALK_MAX_ATTEMPTS of the activities: on the last attempt the activity decides on SMS instead of failing. */
const ALIMTALK_ATTEMPTS = 5;
/** How long to wait for Kakao's delivery report before looking it up, and how often to look. */
const FIRST_CHECK_AFTER = '1 minute';
const LATER_CHECKS_EVERY = '5 minutes';
const MAX_CHECKS = 12;

/**
 * Patch id (docs/ordering.md, "Changing a workflow"): a notice that follows another (`after`) waits
 * until that one's delivery has ended. Histories before it had no `after` and never waited.
 */
export const WAIT_FOR_PREDECESSOR = 'notice-waits-for-predecessor';
/** A predecessor that never finishes must not hold its successor back for longer than this. */
export const PREDECESSOR_MAX_WAIT = '15 minutes';

// Temporal's retries are the wait: no history event per look, and it survives a worker crash.
const turn = proxyActivities<NotificationActivities>({
  scheduleToCloseTimeout: PREDECESSOR_MAX_WAIT,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
const alimtalk = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: ALIMTALK_ATTEMPTS,
  },
});
const channels = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 20,
  },
});

/**
 * Delivers one notification: AlimTalk first, SMS/LMS when Kakao cannot deliver it, e-mail alongside
 * when the template has one. Each step is an idempotent activity; the workflow only keeps ids.
 */
export async function notificationWorkflow(input: {
  notificationId: string;
  /** The dedupe key of the notification whose delivery must end before this one starts. */
  after?: string;
}): Promise<{ deliveredVia?: NotificationChannel; failed: boolean }> {
  const { notificationId } = input;
  let reported = false;
  setHandler(deliveryReportedSignal, () => void (reported = true));
  if (input.after && patched(WAIT_FOR_PREDECESSOR)) await waitForPredecessor(notificationId, input.after);

  const email = channels.deliverEmail({ notificationId });

  let step: DeliveryStep = await alimtalk.deliverAlimTalk({ notificationId });
  for (let checks = 0; step.action === 'AWAIT_REPORT'; checks++) {
    if (checks === MAX_CHECKS) {
      step = { action: 'SEND_SMS', reason: 'RETRIES_EXHAUSTED', alert: false };
      break;
    }
    reported = false;
    await condition(() => reported, checks === 0 ? FIRST_CHECK_AFTER : LATER_CHECKS_EVERY);
    step = await channels.checkAlimTalkDelivery({ notificationId });
  }

  let deliveredVia: NotificationChannel | undefined;
  if (step.action === 'DONE' && step.via === 'ALIMTALK') deliveredVia = 'ALIMTALK';
  if (step.action === 'DONE' && step.via === 'PROVIDER_SMS') deliveredVia = 'SMS';
  if (step.action === 'SEND_SMS') {
    const sms: ChannelOutcome = await channels.deliverSms({ notificationId, reason: step.reason });
    if (sms.status === 'ACCEPTED' || sms.status === 'DELIVERED')
      deliveredVia = 'channel' in sms ? sms.channel : 'SMS';
  }
  const mail = await email;
  if (!deliveredVia && (mail.status === 'ACCEPTED' || mail.status === 'DELIVERED')) deliveredVia = 'EMAIL';

  const failed = deliveredVia === undefined;
  await channels.completeNotification({ notificationId, deliveredVia, failed });
  return { deliveredVia, failed };
}

/** Waits (bounded) until the notice this one follows has been sent, delivered or given up. */
async function waitForPredecessor(notificationId: string, after: string): Promise<void> {
  try {
    await turn.awaitPredecessor({ dedupeKey: after });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('the notice this one follows has not ended: sent anyway', {
      notificationId,
      after,
      maxWait: PREDECESSOR_MAX_WAIT,
    });
  }
}
