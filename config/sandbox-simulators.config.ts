import { z } from 'zod';
import { parseEnv, port, type Env } from './env';

/**
 * Where the local shop's simulators listen and keep their state (`npm start` only; tests start
 * theirs on free ports without state). Fixed ports keep the sandbox pages' addresses the same from
 * one run to the next; `0` takes any free port.
 */
export const SANDBOX_PORT_DEFAULTS = {
  pg: 4010,
  nhn: 4020,
  mail: 4030,
  smtp: 2525,
  courier: 4040,
  banking: 4050,
  popbill: 4060,
} as const;

export type SandboxSimulator = keyof typeof SANDBOX_PORT_DEFAULTS;

export interface SandboxSimulatorSettings {
  /** Parcels (courier) and sent lists (AlimTalk/SMS, e-mail) are kept here across restarts. */
  stateDir: string;
  ports: Record<SandboxSimulator, number>;
}

const schema = z.object({
  SANDBOX_STATE_DIR: z.string().default('var/sandbox'),
  SANDBOX_PG_PORT: port(SANDBOX_PORT_DEFAULTS.pg),
  SANDBOX_NHN_PORT: port(SANDBOX_PORT_DEFAULTS.nhn),
  SANDBOX_MAIL_PORT: port(SANDBOX_PORT_DEFAULTS.mail),
  SANDBOX_SMTP_PORT: port(SANDBOX_PORT_DEFAULTS.smtp),
  SANDBOX_COURIER_PORT: port(SANDBOX_PORT_DEFAULTS.courier),
  SANDBOX_BANKING_PORT: port(SANDBOX_PORT_DEFAULTS.banking),
  SANDBOX_POPBILL_PORT: port(SANDBOX_PORT_DEFAULTS.popbill),
});

export function loadSandboxSimulatorSettings(env: Env): SandboxSimulatorSettings {
  const parsed = parseEnv(schema, env);
  return {
    stateDir: parsed.SANDBOX_STATE_DIR,
    ports: {
      pg: parsed.SANDBOX_PG_PORT,
      nhn: parsed.SANDBOX_NHN_PORT,
      mail: parsed.SANDBOX_MAIL_PORT,
      smtp: parsed.SANDBOX_SMTP_PORT,
      courier: parsed.SANDBOX_COURIER_PORT,
      banking: parsed.SANDBOX_BANKING_PORT,
      popbill: parsed.SANDBOX_POPBILL_PORT,
    },
  };
}
