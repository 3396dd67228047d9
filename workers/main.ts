import { resolveIdentitySettings } from '../config/identity-secrets';
import { loadWorkerConfig } from '../config/worker.config';
import { openNotificationVendors } from '../integrations/notification/notification-vendors';
import { openPaymentGateways } from '../integrations/payment/payment-vendors';
import { loadCourierVendorConfig } from '../config/courier-vendors';
import { openCourierTracking } from '../integrations/shipping/courier-vendors';
import { loadSettlementVendorConfig } from '../config/settlement-vendors';
import { openSettlementVendors } from '../integrations/settlement/settlement-vendors';
import { listen } from '../platform/http-server';
import { openInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import { onShutdown } from '../platform/shutdown';
import { composeActivities } from './compose-activities';
import { ensureSchedules, schedulesServedBy } from './schedules';
import { startWorkers } from './start-workers';
import { createWorkerHttpApp } from './worker-http';
import { parseTaskQueues } from './task-queues';
import { installTemporalRuntime } from './temporal-runtime';
import { loadWorkflowBundle } from './workflow-source';

/** The worker process role: `workers/main.ts [queue…|all]`. */
async function main(args: string[]): Promise<void> {
  const queues = parseTaskQueues(args);
  const config = loadWorkerConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'worker' });
  installTemporalRuntime(logger);
  const identity = resolveIdentitySettings(config.identity, { nodeEnv: config.nodeEnv });
  const infrastructure = await openInfrastructure(config);
  const notificationVendors = await openNotificationVendors(config.notifications, {
    webhookBaseUrl: config.publicBaseUrl,
  });
  // Sandbox PG: set PG_SIMULATOR_URL so this process and the API share one simulator (docs/payments.md).
  const paymentGateways = await openPaymentGateways(config.payments, { publicBaseUrl: config.publicBaseUrl });
  // Sandbox courier: set COURIER_SIMULATOR_URL so every worker process follows the same parcels.
  const courierTracking = await openCourierTracking(loadCourierVendorConfig(process.env), {
    publicBaseUrl: config.publicBaseUrl,
  });
  // Sandbox bank and Popbill: in-process unless BANKING_SIMULATOR_URL / POPBILL_SIMULATOR_URL name shared ones.
  const settlementVendors = await openSettlementVendors(loadSettlementVendorConfig(process.env));
  const metrics = createMetrics();
  const running = await startWorkers({
    address: config.temporal.address,
    namespace: config.temporal.namespace,
    queues,
    activities: composeActivities({
      infrastructure,
      logger,
      publicBaseUrl: config.publicBaseUrl,
      identity,
      notificationVendors,
      paymentGateways,
      metrics,
      courierTracking,
      settlementVendors,
    }),
    workflowBundle: await loadWorkflowBundle(config.workflowBundlePath),
  });
  // Each worker ensures the schedules of the queues it serves (inventory, ordering, settlement…).
  const ownSchedules = schedulesServedBy(queues);
  if (ownSchedules.length > 0)
    logger.info(await ensureSchedules(infrastructure.temporal.client, ownSchedules), 'schedules ensured');
  const http = await listen(createWorkerHttpApp(running.healthy, metrics).fetch, config.httpPort);
  logger.info({ queues, port: http.port }, 'workers running');
  onShutdown(logger, async () => {
    await running.shutdown();
    await http.close();
    await notificationVendors.close();
    await paymentGateways.close();
    await courierTracking.close();
    await settlementVendors.close();
    await infrastructure.close();
  });
  await running.done;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
