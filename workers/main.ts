// First: tracing and error tracking patch modules as they load (docs/observability.md).
import { flushTelemetry } from '../platform/observability/instrument';
import { resolveIdentitySettings } from '../config/identity-secrets';
import { vendorsWithoutCredentials } from '../config/sandbox-needed';
import { loadWorkerConfig } from '../config/worker.config';
import { createContexts } from '../contexts/create-contexts';
import { createEventsContext } from '../contexts/events.context';
import { openSearch } from '../contexts/open-search';
import { openVendors } from '../integrations/open-vendors';
import { listen } from '../platform/http-server';
import { openInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import { onShutdown } from '../platform/shutdown';
import { composeActivities, workerContextInfra } from './compose-activities';
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
  installTemporalRuntime(logger, 'WARN', config.temporalMetricsBindAddress);
  const identity = resolveIdentitySettings(config.identity, { nodeEnv: config.nodeEnv });
  const infrastructure = await openInfrastructure(config);
  // Vendors without credentials are the sandbox's simulators, in-process unless PG_SIMULATOR_URL,
  // COURIER_SIMULATOR_URL, BANKING_SIMULATOR_URL / POPBILL_SIMULATOR_URL name ones that this
  // process shares with the API and the other workers (docs/payments.md).
  const sandboxed = vendorsWithoutCredentials(config);
  const sandbox = sandboxed.length > 0 ? (await import('../sandbox/index.js')).sandboxVendors : undefined;
  // In production only the vendors SANDBOX_VENDORS names get here; the rest refused start-up (config/).
  if (sandbox)
    logger[config.nodeEnv === 'production' ? 'warn' : 'info'](
      { vendors: sandboxed },
      'vendors without credentials are served by the sandbox',
    );
  const vendors = await openVendors(config, sandbox);
  const metrics = createMetrics();
  const elasticsearch = await openSearch(config.elasticsearchUrl, logger, { writes: true });
  const infra = workerContextInfra({
    elasticsearch,
    infrastructure,
    logger,
    identity,
    metrics,
    publicBaseUrl: config.publicBaseUrl,
    imageStorageDir: config.imageStorageDir,
    retention: config.retention,
    points: config.points,
    ...vendors,
  });
  const contexts = createContexts(infra);
  // The outbox relay and the projections run in the workers, never in the API (docs/events.md).
  const events = createEventsContext(infra, {
    handlers: contexts.catalog.projections,
    rabbitmqUrl: config.rabbitmqUrl,
  });
  await events.start();
  // Products written before the read model existed get their documents; in the background.
  contexts.catalog
    .backfill()
    .then((written) => logger.info({ written }, 'read-model backfill done'))
    .catch((error: unknown) => logger.error({ err: error }, 'read-model backfill failed'));
  const running = await startWorkers({
    address: config.temporal.address,
    namespace: config.temporal.namespace,
    queues,
    activities: composeActivities(contexts),
    workflowBundle: await loadWorkflowBundle(config.workflowBundlePath),
    shutdownGraceSeconds: config.shutdownGraceSeconds,
  });
  // Each worker ensures the schedules of the queues it serves (inventory, ordering, settlement…).
  const ownSchedules = schedulesServedBy(queues);
  if (ownSchedules.length > 0)
    logger.info(await ensureSchedules(infrastructure.temporal.client, ownSchedules), 'schedules ensured');
  const http = await listen(createWorkerHttpApp(running.healthy, metrics).fetch, config.httpPort);
  logger.info({ queues, port: http.port }, 'workers running');
  // SIGTERM drains: polling stops, in-flight activities and workflow tasks finish, then exit 0.
  onShutdown(logger, async () => {
    // The relay finishes its batch and the consumers the messages in hand, alongside the Temporal drain.
    await Promise.all([running.shutdown(), events.stop()]);
    logger.info('workers drained');
    await http.close();
    await vendors.close();
    await elasticsearch?.close();
    await infrastructure.close();
    await flushTelemetry();
  });
  await running.done;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
