import { z } from 'zod';
import { parseEnv, type Env } from './env';
import { processConfig, processSection, type ProcessConfig } from './role-sections';
import {
  eventsSection,
  httpSection,
  requireRealServicesInProduction,
  temporalSection,
  workerSection,
  type TemporalConfig,
} from './sections';

const workerEnvSchema = requireRealServicesInProduction(
  z.object({
    ...processSection,
    ...workerSection,
    ...eventsSection,
    PUBLIC_BASE_URL: httpSection.PUBLIC_BASE_URL,
    TEMPORAL_ADDRESS: temporalSection.TEMPORAL_ADDRESS.unwrap(),
    WORKFLOW_BUNDLE_PATH: z.string().optional(),
    TEMPORAL_METRICS_BIND_ADDRESS: z
      .string()
      .regex(/^[^\s:]+:\d{1,5}$/, 'host:port, e.g. 0.0.0.0:9465')
      .optional(),
  }),
);

export interface WorkerConfig extends ProcessConfig {
  httpPort: number;
  /** SHUTDOWN_GRACE_SECONDS: in-flight activities and workflow tasks get this long after SIGTERM. */
  shutdownGraceSeconds: number;
  temporal: TemporalConfig;
  workflowBundlePath?: string;
  /** TEMPORAL_METRICS_BIND_ADDRESS: where the Temporal SDK serves its worker metrics; absent: not served. */
  temporalMetricsBindAddress?: string;
  /** Where vendors call back (webhooks) and buyers are sent; the API's public address. */
  publicBaseUrl: string;
  /** RABBITMQ_URL: domain events go through RabbitMQ (docs/events.md); absent: relayed in this process. */
  rabbitmqUrl?: string;
}

export function loadWorkerConfig(env: Env): WorkerConfig {
  const parsed = parseEnv(workerEnvSchema, env);
  return {
    ...processConfig(parsed),
    httpPort: parsed.WORKER_HTTP_PORT,
    shutdownGraceSeconds: parsed.SHUTDOWN_GRACE_SECONDS,
    temporal: { address: parsed.TEMPORAL_ADDRESS, namespace: parsed.TEMPORAL_NAMESPACE },
    workflowBundlePath: parsed.WORKFLOW_BUNDLE_PATH,
    temporalMetricsBindAddress: parsed.TEMPORAL_METRICS_BIND_ADDRESS,
    publicBaseUrl: parsed.PUBLIC_BASE_URL ?? 'http://localhost:3000',
    rabbitmqUrl: parsed.RABBITMQ_URL,
  };
}
