// First: tracing and error tracking patch modules as they load (docs/observability.md).
import { flushTelemetry } from '../platform/observability/instrument';
import { loadApiConfig } from '../config/api.config';
import { resolveIdentitySettings } from '../config/identity-secrets';
import { listen } from '../platform/http-server';
import { openInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import { onShutdown } from '../platform/shutdown';
import { createPubSub } from '../platform/pubsub/create-pub-sub';
import { composeApp } from './compose-app';
import { contextInfra } from '../contexts/context-infra';
import { bootstrapAdmin } from '../contexts/identity.context';
import { openSearch } from '../contexts/open-search';
import { openPaymentGateways } from '../integrations/payment/payment-vendors';
import { vendorsWithoutCredentials } from '../config/sandbox-needed';
import { warmUp } from './warm-up';

/** The API process role: HTTP only; workflows run in worker processes. */
async function main(): Promise<void> {
  const config = loadApiConfig(process.env);
  const identity = resolveIdentitySettings(config.identity, { nodeEnv: config.nodeEnv });
  const logger = createLogger({ level: config.logLevel, name: 'api' });
  const infrastructure = await openInfrastructure(config);
  await bootstrapAdmin(
    contextInfra({ infrastructure, logger, identity, publicBaseUrl: config.publicBaseUrl }),
  );
  // Live chat reaches participants connected to any API process through Redis pub/sub.
  const pubSub = createPubSub(config.cache);
  // Webhooks are verified by asking the PG again; in sandbox set PG_SIMULATOR_URL to the workers' simulator.
  // In production a PG reaches the sandbox only when SANDBOX_VENDORS names pg (config/production-vendors.ts).
  const sandboxed = vendorsWithoutCredentials({ payments: config.payments });
  const sandbox = sandboxed.length > 0 ? (await import('../sandbox/index.js')).sandboxVendors : undefined;
  if (sandbox)
    logger[config.nodeEnv === 'production' ? 'warn' : 'info'](
      { vendors: sandboxed },
      'vendors without credentials are served by the sandbox',
    );
  const paymentGateways = await openPaymentGateways(config.payments, {
    publicBaseUrl: config.publicBaseUrl,
    sandbox: sandbox?.payment,
  });
  const elasticsearch = await openSearch(config.elasticsearchUrl, logger, { writes: false });
  const app = composeApp({
    elasticsearch,
    infrastructure,
    logger,
    metrics: createMetrics(),
    publicBaseUrl: config.publicBaseUrl,
    paymentResultUrl: config.paymentResultUrl,
    temporalUi: config.temporalUiUrl
      ? { url: config.temporalUiUrl, namespace: config.temporal.namespace }
      : undefined,
    corsOrigins: config.corsOrigins,
    identity,
    notifications: config.notifications,
    payments: paymentGateways,
    couriers: config.couriers,
    imageStorageDir: config.imageStorageDir,
    points: config.points,
    pubSub,
    chat: config.chat,
    abuse: config.abuse,
    opsApart: config.opsPort !== undefined,
  });
  // Searches answer from memory: load the read model before taking traffic.
  await app.searchReady();
  await warmUp(app.fetch, config.warmUpRequests, logger);
  const server = await listen(app.fetch, config.port);
  const dropLiveConnections = app.attachLiveSockets(server.server);
  // Readiness and metrics on the internal port only (production: OPS_PORT, default 9464).
  const opsServer = config.opsPort === undefined ? undefined : await listen(app.ops.fetch, config.opsPort);
  logger.info({ port: server.port, opsPort: opsServer?.port }, 'api listening');
  onShutdown(logger, async () => {
    dropLiveConnections();
    // In-flight requests finish (SHUTDOWN_GRACE_SECONDS, below the pod's terminationGracePeriodSeconds).
    await server.drain(config.shutdownGraceSeconds * 1000);
    await opsServer?.close();
    await pubSub.close();
    await paymentGateways.close();
    await app.stopContexts();
    await elasticsearch?.close();
    await infrastructure.close();
    await flushTelemetry();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
