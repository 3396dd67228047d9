import { z } from 'zod';
import { parseEnv, type Env } from './env';
import {
  httpRoleConfig,
  httpRoleSection,
  processConfig,
  processSection,
  type HttpRoleConfig,
  type ProcessConfig,
} from './role-sections';
import { requireRealServicesInProduction, temporalSection, type TemporalConfig } from './sections';

const apiEnvSchema = requireRealServicesInProduction(
  z.object({
    ...processSection,
    ...httpRoleSection,
    TEMPORAL_ADDRESS: temporalSection.TEMPORAL_ADDRESS.unwrap(),
    /** API processes sharing PORT on this machine (node:cluster); each holds its own search index. */
    API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  }),
);

export interface ApiConfig extends ProcessConfig, HttpRoleConfig {
  temporal: TemporalConfig;
  /** API_PROCESSES: HTTP processes on this machine sharing the port (1: this process serves). */
  processes: number;
}

export function loadApiConfig(env: Env): ApiConfig {
  const parsed = parseEnv(apiEnvSchema, env);
  return {
    ...processConfig(parsed),
    ...httpRoleConfig(parsed),
    temporal: { address: parsed.TEMPORAL_ADDRESS, namespace: parsed.TEMPORAL_NAMESPACE },
    processes: parsed.API_PROCESSES,
  };
}
