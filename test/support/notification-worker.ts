import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NotificationContext } from '../../contexts/notification.context';
import type { NotificationRequest, OrderNotices } from '../../domain/notification';
import {
  openNotificationVendors,
  type NotificationVendors,
} from '../../integrations/notification/notification-vendors';
import { listen } from '../../platform/http-server';
import { uuidv7 } from '../../platform/ids';
import { notificationSandbox } from '../../sandbox/notification';
import { NOTIFICATION_TASK_QUEUE } from '../../workflows/shared/task-queues';
import { testContexts } from './contexts';
import { createTimeSkippingEnvironment } from './temporal';
import { createTestApp, type TestApp } from './test-app';
import { testIdentitySettings } from './test-identity';

export interface NotificationWorker {
  env: TestWorkflowEnvironment;
  app: TestApp;
  vendors: NotificationVendors;
  activities: ReturnType<NotificationContext['activities']>;
  /**
   * Sends as a workflow does: `sendNotification` run as an activity by a caller workflow, retried by
   * Temporal (the inline path for a notice outside any sequence). Resolves when the activity completed.
   */
  sendAsActivity(request: NotificationRequest): Promise<{ notificationId: string; created: boolean }>;
  /** `sendOrderNotices` called by a workflow, as an order calls it. */
  sendTogether(batch: OrderNotices): Promise<{ sent: number }>;
  close(): Promise<void>;
}

/**
 * A time-skipping server with the app listening (the sandbox vendors post their delivery reports to
 * it) and a notification worker running the real notification activities over the sandbox vendors,
 * the real workflows and a caller workflow (`sendAsActivity`).
 */
export async function openNotificationWorker(): Promise<NotificationWorker> {
  const env = await createTimeSkippingEnvironment();
  const closers: Array<() => Promise<void>> = [() => env.teardown()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const app = await createTestApp({ temporal: env, identity: testIdentitySettings() });
    closers.push(() => app.close());
    const server = await listen(app.app.fetch, 0, '127.0.0.1');
    closers.push(() => server.close());
    const vendors = await openNotificationVendors(
      {
        nhn: { kind: 'sandbox' },
        email: { kind: 'sandbox' },
        mailFrom: { email: 'no-reply@jangteo.test', name: '장터' },
      },
      { webhookBaseUrl: `http://127.0.0.1:${server.port}`, sandbox: notificationSandbox },
    );
    closers.push(() => vendors.close());
    const activities = testContexts(app, {
      vendors: { notificationVendors: vendors },
    }).notification.activities();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: NOTIFICATION_TASK_QUEUE,
      workflowsPath: require.resolve('./notification-callers.workflow'),
      activities,
    });
    const running = worker.run();
    closers.push(async () => {
      worker.shutdown();
      await running;
    });
    const sendAsActivity = (request: NotificationRequest) =>
      env.client.workflow.execute('noticeCallerWorkflow', {
        taskQueue: NOTIFICATION_TASK_QUEUE,
        workflowId: `notice-caller:${request.dedupeKey}:${Date.now()}`,
        args: [request],
      }) as Promise<{ notificationId: string; created: boolean }>;
    const sendTogether = (batch: OrderNotices) =>
      env.client.workflow.execute('orderNoticesCallerWorkflow', {
        taskQueue: NOTIFICATION_TASK_QUEUE,
        workflowId: `order-notices-caller:${uuidv7()}`,
        args: [batch],
      }) as Promise<{ sent: number }>;
    return { env, app, vendors, activities, sendAsActivity, sendTogether, close };
  } catch (error) {
    await close();
    throw error;
  }
}
