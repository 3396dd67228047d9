import { loadApiConfig } from '../config/api.config';
import { listen } from '../platform/http-server';
import { openInfrastructure } from '../platform/infrastructure';
import { createLogger } from '../platform/observability/logger';
import { createMetrics } from '../platform/observability/metrics';
import { onShutdown } from '../platform/shutdown';
import { composeApp } from './compose-app';

/** The API process role: HTTP only; workflows run in worker processes. */
async function main(): Promise<void> {
  const config = loadApiConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'api' });
  const infrastructure = await openInfrastructure(config);
  const app = composeApp({ infrastructure, logger, metrics: createMetrics(), publicBaseUrl: config.publicBaseUrl });
  const server = await listen(app.fetch, config.port);
  logger.info({ port: server.port }, 'api listening');
  onShutdown(logger, async () => {
    await server.close();
    await infrastructure.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
