import { z } from 'zod';
import { parseEnv, port, type Env } from './env';
import {
  httpRoleConfig,
  httpRoleSection,
  processConfig,
  processSection,
  type HttpRoleConfig,
  type ProcessConfig,
} from './role-sections';
import { eventsSection } from './sections';

const embeddedEnvSchema = z.object({
  ...processSection,
  ...httpRoleSection,
  ...eventsSection,
  TEMPORAL_DEV_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  TEMPORAL_DB_PATH: z.string().default('var/temporal.db'),
  TEMPORAL_CLI_PATH: z.string().optional(),
});

/** Identity secrets left unset come from var/dev-secrets.json (resolveIdentitySettings). */
export interface EmbeddedConfig extends ProcessConfig, HttpRoleConfig {
  /** An external Temporal server; when absent the launcher starts a local dev server. */
  temporal: {
    address?: string;
    namespace: string;
    devPort: number;
    uiPort: number;
    dbPath: string;
    cliPath?: string;
  };
  /** RABBITMQ_URL: domain events go through RabbitMQ (docs/events.md); absent: relayed in this process. */
  rabbitmqUrl?: string;
}

export function loadEmbeddedConfig(env: Env): EmbeddedConfig {
  const parsed = parseEnv(embeddedEnvSchema, env);
  return {
    ...processConfig(parsed),
    ...httpRoleConfig(parsed),
    temporal: {
      address: parsed.TEMPORAL_ADDRESS,
      namespace: parsed.TEMPORAL_NAMESPACE,
      devPort: parsed.TEMPORAL_DEV_PORT,
      uiPort: parsed.TEMPORAL_UI_PORT,
      dbPath: parsed.TEMPORAL_DB_PATH,
      cliPath: parsed.TEMPORAL_CLI_PATH,
    },
    rabbitmqUrl: parsed.RABBITMQ_URL,
  };
}
