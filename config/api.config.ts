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
  }),
);

export interface ApiConfig extends ProcessConfig, HttpRoleConfig {
  temporal: TemporalConfig;
}

export function loadApiConfig(env: Env): ApiConfig {
  const parsed = parseEnv(apiEnvSchema, env);
  return {
    ...processConfig(parsed),
    ...httpRoleConfig(parsed),
    temporal: { address: parsed.TEMPORAL_ADDRESS, namespace: parsed.TEMPORAL_NAMESPACE },
  };
}
