import type { TestWorkflowEnvironment } from '@temporalio/testing';
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
import { runContextWorker } from './notification-recorder';
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
  const workers = await runContextWorker(env, SHIPPING_TASK_QUEUE, activities);
  return {
    simulator,
    simulatorUrl: running.url,
    app,
    baseUrl,
    shipments,
    sent: workers.sent,
    faults: (knobs) => void simulator.setFaults(knobs),
    async close() {
      await workers.stop();
      await simulator.flushCallbacks();
      await server.close();
      await running.close();
      await app.close();
    },
  };
}

export { eventually } from './eventually';
