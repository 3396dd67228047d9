import { after, before } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { loadCourierVendorConfig } from '../../config/courier-vendors';
import { loadSettlementVendorConfig } from '../../config/settlement-vendors';
import { openSettlementVendors } from '../../integrations/settlement/settlement-vendors';
import { openCourierTracking } from '../../integrations/shipping/courier-vendors';
import { createLogger } from '../../platform/observability/logger';
import { sandboxVendors } from '../../sandbox';
import {
  createCourierSimulator,
  type CourierSimulator,
  type CourierSimulatorOptions,
} from '../../simulators/courier/courier.simulator';
import { testContexts } from './contexts';
import { openOrderSandbox, type OrderSandbox } from './order-sandbox';
import type { PaymentSandbox } from './payment-sandbox';
import { createTimeSkippingEnvironment } from './temporal';

/**
 * Shipping and settlement workers beside an order sandbox, for tests that follow an order past
 * payment: a Shipment child or a settlement step nobody serves would hold the time-skipping clock.
 */
export async function shippingAndSettlementWorkers(
  env: TestWorkflowEnvironment,
  sandbox: PaymentSandbox,
  courier: CourierSimulator,
): Promise<{ workers: Worker[]; close(): Promise<void> }> {
  const courierServer = await courier.start();
  const tracking = await openCourierTracking(
    loadCourierVendorConfig({ COURIER_SIMULATOR_URL: courierServer.url }),
    { publicBaseUrl: sandbox.baseUrl, sandbox: sandboxVendors.courier },
  );
  const vendors = await openSettlementVendors(loadSettlementVendorConfig({}), {
    sandbox: sandboxVendors.settlement,
  });
  const contexts = testContexts(sandbox.app, {
    logger: createLogger({ level: 'silent' }),
    vendors: { settlementVendors: vendors, courierTracking: tracking },
  });
  const worker = (taskQueue: string, activities: object) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
  return {
    workers: [
      await worker('shipping', contexts.shipping.activities()),
      await worker('settlement', contexts.settlement.activities()),
    ],
    async close() {
      await tracking.close();
      await vendors.close();
      await courierServer.close();
    },
  };
}

export interface PartJourney {
  env: TestWorkflowEnvironment;
  box: OrderSandbox;
  courier: CourierSimulator;
  close(): Promise<void>;
}

export interface JourneyOptions {
  /** Shipping and settlement workers beside the sandbox (default true); without them `courier` is never started. */
  partWorkers?: boolean;
  courier?: CourierSimulatorOptions;
}

/** A time-skipping server with the order sandbox and (by default) its shipping and settlement workers. */
export async function openPartJourney(options: JourneyOptions = {}): Promise<PartJourney> {
  const env = await createTimeSkippingEnvironment();
  const courier = createCourierSimulator(options.courier ?? { callbackRetryDelaysMs: [200, 400] });
  const box = await openOrderSandbox(
    env,
    options.partWorkers === false
      ? {}
      : { extraWorkers: (sandbox) => shippingAndSettlementWorkers(env, sandbox, courier) },
  ).catch(async (error: unknown) => {
    await env.teardown();
    throw error;
  });
  return {
    env,
    box,
    courier,
    async close() {
      await box.close();
      await env.teardown();
    },
  };
}

/**
 * Opens a journey before the enclosing suite's tests and closes it after them; `opened` hands it
 * to the suite (call inside `describe`, before the suite's own `before` hooks that need it).
 */
export function useJourney(opened: (journey: PartJourney) => void, options: JourneyOptions = {}): void {
  let journey: PartJourney | undefined;
  before(async () => {
    journey = await openPartJourney(options);
    opened(journey);
  });
  after(() => journey?.close());
}

/** A JSON call to the sandbox app's API as `auth`, with the answer's status and body. */
export async function callApi(box: OrderSandbox, path: string, auth: Record<string, string>, body?: unknown) {
  const response = await box.app.request(`/api/v1${path}`, { headers: auth, body });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The order's history after payment, in order: each command with when it happened (epoch ms). */
export async function historyTimes(box: OrderSandbox, orderId: string) {
  const rows = (await box.app.dataSource.query(
    "SELECT command, at FROM order_history WHERE order_id = ? AND command NOT IN ('PLACE', 'MARK_PAID') ORDER BY seq",
    [orderId],
  )) as Array<{ command: string; at: Date }>;
  return rows.map((row) => [row.command, new Date(row.at).getTime()] as const);
}
