import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createShippingActivities } from '../../activities/shipping/shipping.activities';
import { SANDBOX_COURIER_WEBHOOK_SECRET } from '../../config/courier-vendors';
import type { NotificationRequest } from '../../domain/notification/notification';
import type { PollingPlan } from '../../domain/shipping/tracking-policy';
import { COURIER_WEBHOOK_PATH } from '../../integrations/shipping/courier-vendors';
import { SweetTrackerTracker } from '../../integrations/shipping/sweettracker.tracker';
import { TypeOrmShipmentRepository } from '../../persistence/shipping/typeorm-shipment.repository';
import { listen, type RunningServer } from '../../platform/http-server';
import { uuidv7 } from '../../platform/ids';
import { createLogger } from '../../platform/observability/logger';
import {
  createCourierSimulator,
  SANDBOX_SWEETTRACKER_KEY,
  type CourierFaults,
  type CourierSimulator,
} from '../../simulators/courier/courier.simulator';
import type { ServedSimulator } from '../../simulators/shared/serve-app';
import { SHIPPING_TASK_QUEUE } from '../../workflows/shipping/shipment.messages';
import { freePort } from './free-port';
import { createNotificationRecorder } from './notification-recorder';
import { createTestApp, type TestApp } from './test-app';

/**
 * The shipping context on one machine: the courier simulator (SweetTracker, manual steps unless
 * `stepIntervalMs`), the real app over the test database listening on a port (so the simulator's
 * pushes reach the courier webhook), a shipping worker with the real activities, and a notification
 * stand-in that records what would be sent.
 */
export interface ShippingSandbox {
  simulator: CourierSimulator;
  simulatorUrl: string;
  app: TestApp;
  baseUrl: string;
  shipments: TypeOrmShipmentRepository;
  sent: NotificationRequest[];
  faults(knobs: Partial<CourierFaults>): void;
  close(): Promise<void>;
}

export async function openShippingSandbox(
  env: TestWorkflowEnvironment,
  options: { pollingPlan?: PollingPlan; stepIntervalMs?: number } = {},
): Promise<ShippingSandbox> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const simulator = createCourierSimulator({
    stepIntervalMs: options.stepIntervalMs,
    callbackRetryDelaysMs: [200, 400],
  });
  const running: ServedSimulator = await simulator.start();
  const app = await createTestApp({ temporal: env, publicBaseUrl: baseUrl });
  const server: RunningServer = await listen(app.app.fetch, port, '127.0.0.1');
  const shipments = new TypeOrmShipmentRepository(app.dataSource, uuidv7);
  const activities = createShippingActivities({
    shipments,
    tracker: new SweetTrackerTracker({
      apiBaseUrl: running.url,
      apiKey: SANDBOX_SWEETTRACKER_KEY,
      push: { baseUrl: running.url },
      timeoutMs: 2_000,
      pollingPlan: options.pollingPlan,
    }),
    callbackUrl: `${baseUrl}${COURIER_WEBHOOK_PATH}?token=${SANDBOX_COURIER_WEBHOOK_SECRET}`,
    logger: createLogger({ level: 'silent' }),
    newId: uuidv7,
    now: () => new Date(),
  });
  const recorder = await createNotificationRecorder(env);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: SHIPPING_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    activities,
  });
  const runs = [worker.run(), recorder.worker.run()];
  return {
    simulator,
    simulatorUrl: running.url,
    app,
    baseUrl,
    shipments,
    sent: recorder.sent,
    faults: (knobs) => void simulator.setFaults(knobs),
    async close() {
      worker.shutdown();
      recorder.worker.shutdown();
      await Promise.all(runs);
      await simulator.flushCallbacks();
      await server.close();
      await running.close();
      await app.close();
    },
  };
}

/** Polls `check` in real time until it holds (activities and webhooks run in real time). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 25));
  }
}
