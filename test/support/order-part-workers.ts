import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { loadCourierVendorConfig } from '../../config/courier-vendors';
import { loadSettlementVendorConfig } from '../../config/settlement-vendors';
import { openSettlementVendors } from '../../integrations/settlement/settlement-vendors';
import { openCourierTracking } from '../../integrations/shipping/courier-vendors';
import { createLogger } from '../../platform/observability/logger';
import { sandboxVendors } from '../../sandbox';
import { createCourierSimulator, type CourierSimulator } from '../../simulators/courier/courier.simulator';
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

/** A time-skipping server with the order sandbox and its shipping and settlement workers. */
export async function openPartJourney(): Promise<PartJourney> {
  const env = await createTimeSkippingEnvironment();
  const courier = createCourierSimulator({ callbackRetryDelaysMs: [200, 400] });
  const box = await openOrderSandbox(env, {
    extraWorkers: (sandbox) => shippingAndSettlementWorkers(env, sandbox, courier),
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
