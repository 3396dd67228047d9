import { z } from 'zod';
import { ConfigError, parseEnv, url, type Env } from './env';

/**
 * Courier tracking through SweetTracker: the query API with SWEETTRACKER_API_KEY, and its push
 * (tracking callback) API when SWEETTRACKER_PUSH_BASE_URL names the contracted host. Without a key
 * the courier simulator is the sandbox — started in-process, or the one at COURIER_SIMULATOR_URL
 * when separate processes must share it — and it moves each registered parcel one step every
 * COURIER_SANDBOX_STEP_SECONDS.
 */
export const courierSection = {
  SWEETTRACKER_API_KEY: z.string().min(1).optional(),
  SWEETTRACKER_API_BASE_URL: url(['https', 'http']).default('https://info.sweettracker.co.kr'),
  SWEETTRACKER_PUSH_BASE_URL: url(['https', 'http']).optional(),
  SWEETTRACKER_PUSH_TIER: z.string().min(1).optional(),
  COURIER_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  COURIER_SIMULATOR_URL: url(['http', 'https']).optional(),
  COURIER_SANDBOX_STEP_SECONDS: z.coerce
    .number()
    .min(0.1, 'must be at least 0.1 seconds')
    .max(86_400, 'must be at most a day')
    .default(10),
};

type CourierEnv = z.output<z.ZodObject<typeof courierSection>>;

/** The secret the sandbox's push callbacks carry: public, so never a fallback in production. */
export const SANDBOX_COURIER_WEBHOOK_SECRET = 'jangteo-sandbox-courier-webhook';

export type CourierTrackerConfig =
  | {
      kind: 'sweettracker';
      apiKey: string;
      apiBaseUrl: string;
      /** Absent: no push contract, parcels are followed by look-ups only. */
      push?: { baseUrl: string; tier?: string };
    }
  | { kind: 'sandbox'; simulatorUrl?: string; stepIntervalMs: number };

export interface CourierVendorConfig {
  tracker: CourierTrackerConfig;
  /** Carried by every push callback URL we register and checked by the webhook; absent: callbacks are refused. */
  webhookSecret?: string;
}

export function courierVendorConfig(env: CourierEnv, nodeEnv: string = 'development'): CourierVendorConfig {
  if (!env.SWEETTRACKER_API_KEY) {
    return {
      tracker: {
        kind: 'sandbox',
        simulatorUrl: env.COURIER_SIMULATOR_URL,
        stepIntervalMs: Math.round(env.COURIER_SANDBOX_STEP_SECONDS * 1000),
      },
      // Production without a secret refuses every callback; the sandbox courier is then followed by look-ups.
      webhookSecret:
        env.COURIER_WEBHOOK_SECRET ?? (nodeEnv === 'production' ? undefined : SANDBOX_COURIER_WEBHOOK_SECRET),
    };
  }
  if (env.SWEETTRACKER_PUSH_BASE_URL && !env.COURIER_WEBHOOK_SECRET)
    throw new ConfigError([
      {
        variable: 'COURIER_WEBHOOK_SECRET',
        message: 'is required with SWEETTRACKER_PUSH_BASE_URL (it authenticates the tracking callbacks)',
      },
    ]);
  return {
    tracker: {
      kind: 'sweettracker',
      apiKey: env.SWEETTRACKER_API_KEY,
      apiBaseUrl: env.SWEETTRACKER_API_BASE_URL,
      push: env.SWEETTRACKER_PUSH_BASE_URL
        ? { baseUrl: env.SWEETTRACKER_PUSH_BASE_URL, tier: env.SWEETTRACKER_PUSH_TIER }
        : undefined,
    },
    webhookSecret: env.COURIER_WEBHOOK_SECRET,
  };
}

/** Parses only the courier variables (every process role that tracks parcels or takes their callbacks). */
export function loadCourierVendorConfig(env: Env): CourierVendorConfig {
  return courierVendorConfig(parseEnv(z.object(courierSection), env));
}
