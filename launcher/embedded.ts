// First: tracing and error tracking patch modules as they load (docs/observability.md).
import { flushTelemetry } from '../platform/observability/instrument';
import { loadEmbeddedConfig } from '../config/embedded.config';
import { openVendors } from '../integrations/open-vendors';
import { createSandboxVendors } from '../sandbox';
import { loadSandboxSimulatorSettings } from '../config/sandbox-simulators.config';
import { apiContextInfra, composeApp, type ApiRuntime } from '../api/compose-app';
import { contextInfra } from '../contexts/context-infra';
import { createContexts } from '../contexts/create-contexts';
import { openSearch } from '../contexts/open-search';
import { createEventsContext } from '../contexts/events.context';
import { bootstrapAdmin } from '../contexts/identity.context';
import { DEFAULT_DEV_SECRETS_PATH, resolveIdentitySettings } from '../config/identity-secrets';
import { createDataSource } from '../persistence/data-source';
import { listen } from '../platform/http-server';
import { warmUp } from '../api/warm-up';
import { openInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/observability/logger';
import { prettyDestination } from '../platform/observability/pretty-log';
import { createMetrics } from '../platform/observability/metrics';
import { onShutdown } from '../platform/shutdown';
import { createPubSub } from '../platform/pubsub/create-pub-sub';
import { buildConsole, consoleNeedsBuild } from '../scripts/console-build';
import { resolveBinary, TEMPORAL_CLI } from '../scripts/temporal-binaries';
import { composeActivities } from '../workers/compose-activities';
import { ensureSchedules } from '../workers/schedules';
import { startWorkers } from '../workers/start-workers';
import { TASK_QUEUES } from '../workers/task-queues';
import { installTemporalRuntime } from '../workers/temporal-runtime';
import { loadWorkflowBundle } from '../workers/workflow-source';
import { startupSteps } from './startup-steps';
import { startupSummary } from './startup-summary';
import { startTemporalDevServer, type DevServer } from './temporal-dev-server';

/**
 * `npm start`: the whole shop in one process. With nothing configured it starts a Temporal dev
 * server (UI on :8233), keeps data in SQLite under var/ and caches in memory; DATABASE_URL,
 * REDIS_URL and TEMPORAL_ADDRESS switch each part to a real service.
 */
async function main(): Promise<void> {
  const config = loadEmbeddedConfig(process.env);
  // Unset secrets are generated once into var/dev-secrets.json (the local admin's password too: docs/identity.md).
  const identity = resolveIdentitySettings(config.identity, {
    nodeEnv: config.nodeEnv,
    devSecretsPath: DEFAULT_DEV_SECRETS_PATH,
  });
  const sandboxSettings = loadSandboxSimulatorSettings(process.env);
  // A person at a terminal reads plain lines; anything else (a file, a collector) gets JSON.
  const logger = createLogger({
    level: config.logLevel,
    name: 'jangteo',
    destination: process.stdout.isTTY ? prettyDestination() : undefined,
  });
  const steps = startupSteps(logger);
  installTemporalRuntime(logger);
  // Stops run in reverse: buffered spans and error events go last.
  const stops: Array<() => Promise<void>> = [flushTelemetry];
  onShutdown(logger, async () => {
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
  });

  let devServer: DevServer | undefined;
  if (!config.temporal.address) {
    const cliPath = await steps.run(
      'Temporal CLI (downloaded on the first run)',
      () => config.temporal.cliPath ?? resolveBinary(TEMPORAL_CLI),
    );
    devServer = await steps.run('starting the Temporal dev server', () =>
      startTemporalDevServer({
        cliPath,
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        dbPath: config.temporal.dbPath,
        namespace: config.temporal.namespace,
        logger,
      }),
    );
    stops.push(devServer.stop);
  }
  const temporal = {
    address: config.temporal.address ?? devServer!.address,
    namespace: config.temporal.namespace,
  };

  await steps.run('database migrations', () => migrate(config.database, logger));
  const infrastructure = await openInfrastructure({
    database: config.database,
    cache: config.cache,
    temporal,
  });
  const admin = await bootstrapAdmin(
    contextInfra({ infrastructure, logger, identity, publicBaseUrl: config.publicBaseUrl }),
  );
  if (admin === 'created' && !config.identity.ADMIN_PASSWORD)
    logger.info(
      { secrets: DEFAULT_DEV_SECRETS_PATH },
      'local admin created; its password is in the dev secrets file',
    );
  stops.push(infrastructure.close);
  // The local shop: every vendor without credentials is a simulator started here.
  const vendors = await steps.run('vendor simulators', () =>
    openVendors(config, createSandboxVendors(sandboxSettings)),
  );
  stops.push(vendors.close);
  const metrics = createMetrics();
  // In memory with nothing configured (one process); Redis when REDIS_URL is set.
  const pubSub = createPubSub(config.cache);
  stops.push(() => pubSub.close());
  const elasticsearch = await openSearch(config.elasticsearchUrl, logger, { writes: true });
  if (elasticsearch) stops.push(elasticsearch.close);
  const temporalUiUrl = config.temporalUiUrl ?? devServer?.uiUrl;
  const api: ApiRuntime = {
    elasticsearch,
    infrastructure,
    logger,
    metrics,
    publicBaseUrl: config.publicBaseUrl,
    paymentResultUrl: config.paymentResultUrl,
    temporalUi: temporalUiUrl ? { url: temporalUiUrl, namespace: config.temporal.namespace } : undefined,
    corsOrigins: config.corsOrigins,
    identity,
    notifications: config.notifications,
    payments: vendors.paymentGateways,
    couriers: config.couriers,
    imageStorageDir: config.imageStorageDir,
    retention: config.retention,
    points: config.points,
    pubSub,
    chat: config.chat,
    abuse: config.abuse,
    opsApart: config.opsPort !== undefined,
  };
  // One set of contexts: the workers take their activities, the API their routes.
  const infra = apiContextInfra(api, vendors);
  const contexts = createContexts(infra);
  // Domain events go to the projections in this process, woken by each commit (RABBITMQ_URL: through RabbitMQ).
  const events = createEventsContext(infra, {
    handlers: contexts.catalog.projections,
    rabbitmqUrl: config.rabbitmqUrl,
  });
  await events.start();
  stops.push(events.stop);
  contexts.catalog
    .backfill()
    .then((written) => written > 0 && logger.info({ written }, 'read-model backfill done'))
    .catch((error: unknown) => logger.error({ err: error }, 'read-model backfill failed'));

  const workflowBundle = await steps.run('bundling the workflows (about 20 s)', () => loadWorkflowBundle());
  const workers = await steps.run(`starting ${TASK_QUEUES.length} Temporal workers`, () =>
    startWorkers({
      address: temporal.address,
      namespace: temporal.namespace,
      queues: [...TASK_QUEUES],
      activities: composeActivities(contexts),
      workflowBundle,
      shutdownGraceSeconds: config.shutdownGraceSeconds,
    }),
  );
  stops.push(workers.shutdown);
  await steps.run('schedules (weekly settlement, retention)', () =>
    ensureSchedules(infrastructure.temporal.client),
  );
  workers.done.catch((error: unknown) => {
    logger.fatal({ err: error }, 'a worker failed');
    process.kill(process.pid, 'SIGTERM');
  });

  // The web console at /console (docs/console.md): rebuilt only when its sources changed.
  if (consoleNeedsBuild())
    await steps
      .run('building the console', () => buildConsole())
      .catch((error: unknown) => logger.error({ err: error }, 'the console did not build; /console is off'));
  const app = composeApp(api, contexts);
  stops.push(app.stopContexts);
  await app.searchReady();
  await steps.run('warming up the request paths', () => warmUp(app.fetch, config.warmUpRequests, logger));
  const server = await listen(app.fetch, config.port);
  const dropLiveConnections = app.attachLiveSockets(server.server);
  stops.push(server.close);
  // OPS_PORT (production's default 9464): readiness and metrics off the public port.
  if (config.opsPort !== undefined) stops.push((await listen(app.ops.fetch, config.opsPort)).close);
  // Stops run in reverse: live connections are dropped before the server waits for its connections.
  stops.push(async () => dropLiveConnections());

  const sandbox = {
    ...vendors.notificationVendors.sandbox,
    pgWindow: vendors.paymentGateways.sandbox.pg && `${config.publicBaseUrl}/sandbox/toss/checkout`,
    courier: vendors.courierTracking.sandbox.courier,
    ...vendors.settlementVendors.sandbox,
  };
  const temporalUi = devServer?.uiUrl ?? `(external Temporal at ${temporal.address})`;
  logger.info(
    {
      api: config.publicBaseUrl,
      docs: `${config.publicBaseUrl}/docs`,
      console: `${config.publicBaseUrl}/console`,
      temporalUi,
      database: config.database.kind,
      cache: config.cache.kind,
      sandbox,
      sandboxStateDir: sandboxSettings.stateDir,
      startedInMs: steps.elapsedMs(),
    },
    'Jangteo is running',
  );
  // Plain text after the JSON lines too: it is what a person looks for in the output.
  process.stdout.write(
    startupSummary({
      api: config.publicBaseUrl,
      temporalUi,
      sandbox,
      adminEmail: identity.bootstrapAdmin.email,
      secretsPath: config.identity.ADMIN_PASSWORD ? undefined : DEFAULT_DEV_SECRETS_PATH,
      startedInMs: steps.elapsedMs(),
    }) + '\n',
  );
}

async function migrate(
  database: Parameters<typeof createDataSource>[0],
  logger: ReturnType<typeof createLogger>,
) {
  const dataSource = await createDataSource(database, { poolSize: 1 }).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info({ applied: applied.map((m) => m.name) }, 'migrations applied');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
