import { z } from 'zod';
import { ConfigError, url } from './env';

/**
 * Payment gateways. Toss Payments with TOSS_SECRET_KEY (test_sk_/test_gsk_ keys reach Toss's test
 * mode, live_ keys charge cards); without it the PG simulator is the sandbox — started in-process,
 * or the one at PG_SIMULATOR_URL when several processes must share it (API and workers apart).
 */
export const paymentSection = {
  TOSS_SECRET_KEY: z
    .string()
    .regex(/^(test|live)_g?sk_/, 'must be a Toss secret key (test_sk_…, test_gsk_…, live_sk_… or live_gsk_…)')
    .optional(),
  TOSS_CLIENT_KEY: z
    .string()
    .regex(/^(test|live)_g?ck_/, 'must be a Toss client key (test_ck_…, test_gck_…, live_ck_… or live_gck_…)')
    .optional(),
  TOSS_API_BASE_URL: url(['https', 'http']).default('https://api.tosspayments.com'),
  TOSS_TIMEOUT_MS: z.coerce.number().int('must be whole milliseconds').min(1000).max(120_000).default(30_000),
  PG_SIMULATOR_URL: url(['http', 'https']).optional(),
};

type PaymentEnv = z.output<z.ZodObject<typeof paymentSection>>;

export type TossConfig =
  | { kind: 'toss'; secretKey: string; clientKey?: string; apiBaseUrl: string; timeoutMs: number }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number };

export interface PaymentVendorConfig {
  toss: TossConfig;
}

export function paymentVendorConfig(env: PaymentEnv): PaymentVendorConfig {
  if (!env.TOSS_SECRET_KEY) {
    if (env.TOSS_CLIENT_KEY)
      throw new ConfigError([
        {
          variable: 'TOSS_SECRET_KEY',
          message: 'is required with TOSS_CLIENT_KEY (set neither to use the sandbox)',
        },
      ]);
    return { toss: { kind: 'sandbox', simulatorUrl: env.PG_SIMULATOR_URL, timeoutMs: env.TOSS_TIMEOUT_MS } };
  }
  return {
    toss: {
      kind: 'toss',
      secretKey: env.TOSS_SECRET_KEY,
      clientKey: env.TOSS_CLIENT_KEY,
      apiBaseUrl: env.TOSS_API_BASE_URL,
      timeoutMs: env.TOSS_TIMEOUT_MS,
    },
  };
}
