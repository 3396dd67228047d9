import type { Logger } from '../platform/observability/logger';

/** Variables every request carries through the Hono context. Contexts extend this as they need. */
export interface AppVariables {
  requestId: string;
  logger: Logger;
}

export interface AppEnv {
  Variables: AppVariables;
}
