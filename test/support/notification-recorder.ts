import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  validateNotificationRequest,
  type NotificationRequest,
} from '../../domain/notification/notification';
import type { SellerAlert } from '../../domain/notification/seller-alert';
import { createOrderNoticeActivities } from '../../activities/notification/order-notices.activities';

/**
 * A worker on the `notification` queue standing in for the notification context in other
 * contexts' workflow tests: it records each request and refuses what the real activity would.
 */
export async function createNotificationRecorder(
  env: TestWorkflowEnvironment,
): Promise<{ sent: NotificationRequest[]; alerts: SellerAlert[]; worker: Worker; hold: HoldNotices }> {
  const sent: NotificationRequest[] = [];
  /** Seller alerts, kept apart so the buyer's messages of an order read as before. */
  const alerts: SellerAlert[] = [];
  const held = new Map<string, Promise<void>>();
  const hold: HoldNotices = (templateCode) => {
    let release!: () => void;
    held.set(templateCode, new Promise<void>((done) => (release = done)));
    return () => {
      held.delete(templateCode);
      release();
    };
  };
  const activities = {
    async sendNotification(input: NotificationRequest) {
      validateNotificationRequest(input);
      await held.get(input.templateCode);
      sent.push(input);
      return { notificationId: `recorded-${sent.length}`, created: true };
    },
    async sendSellerAlert(alert: SellerAlert) {
      validateNotificationRequest({ ...alert, recipient: { userId: alert.sellerId } });
      alerts.push(alert);
      return { recipients: 1 };
    },
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'notification',
    activities: { ...activities, ...createOrderNoticeActivities(activities) },
  });
  return { sent, alerts, worker, hold };
}

/** Makes every send of a template wait (a stalled vendor or a dead notification worker) until released. */
export type HoldNotices = (templateCode: string) => () => void;

/**
 * A context's worker (its workflows and the given activities on its queue) beside a notification
 * recorder, both running until `stop()`.
 */
export async function runContextWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  activities: object,
): Promise<{
  sent: NotificationRequest[];
  alerts: SellerAlert[];
  hold: HoldNotices;
  stop(): Promise<void>;
}> {
  const recorder = await createNotificationRecorder(env);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../workflows'),
    activities,
  });
  const runs = [worker.run(), recorder.worker.run()];
  return {
    sent: recorder.sent,
    alerts: recorder.alerts,
    hold: recorder.hold,
    async stop() {
      worker.shutdown();
      recorder.worker.shutdown();
      await Promise.all(runs);
    },
  };
}
