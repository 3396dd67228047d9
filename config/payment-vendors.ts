import { z } from 'zod';
import { ConfigError, url } from './env';

/**
 * Payment gateways. Toss Payments with TOSS_SECRET_KEY (test_sk_/test_gsk_ keys reach Toss's test
 * mode, live_ keys charge cards); without it the PG simulator is the sandbox — started in-process,
 * or the one at PG_SIMULATOR_URL when several processes must share it (API and workers apart).
 * KakaoPay (KAKAOPAY_SECRET_KEY + KAKAOPAY_CID; a DEV key with CID TC0ONETIME is KakaoPay's test
 * mode) and NaverPay (client id, client secret, chain id, partner id; NAVERPAY_MODE picks NaverPay's
 * dev or live hosts) follow the same rule: all of a PG's credentials, or none for the sandbox.
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
  KAKAOPAY_SECRET_KEY: z.string().optional(),
  KAKAOPAY_CID: z
    .string()
    .regex(/^[A-Za-z0-9]{10}$/, 'must be a 10-character KakaoPay CID (TC0ONETIME for tests)')
    .optional(),
  KAKAOPAY_API_BASE_URL: url(['https', 'http']).default('https://open-api.kakaopay.com'),
  KAKAOPAY_TIMEOUT_MS: z.coerce
    .number()
    .int('must be whole milliseconds')
    .min(1000)
    .max(120_000)
    .default(30_000),
  NAVERPAY_CLIENT_ID: z.string().optional(),
  NAVERPAY_CLIENT_SECRET: z.string().optional(),
  NAVERPAY_CHAIN_ID: z.string().optional(),
  NAVERPAY_PARTNER_ID: z.string().optional(),
  NAVERPAY_MODE: z.enum(['development', 'production']).default('development'),
  NAVERPAY_API_BASE_URL: url(['https', 'http']).optional(),
  NAVERPAY_TIMEOUT_MS: z.coerce
    .number()
    .int('must be whole milliseconds')
    .min(1000)
    .max(120_000)
    .default(30_000),
  NICEPAY_CLIENT_KEY: z.string().optional(),
  NICEPAY_SECRET_KEY: z.string().optional(),
  NICEPAY_AUTH_MODE: z.enum(['basic', 'bearer']).default('basic'),
  NICEPAY_API_BASE_URL: url(['https', 'http']).default('https://api.nicepay.co.kr'),
  NICEPAY_TIMEOUT_MS: z.coerce
    .number()
    .int('must be whole milliseconds')
    .min(1000)
    .max(120_000)
    .default(30_000),
  INICIS_MID: z
    .string()
    .regex(/^[A-Za-z0-9]{10}$/, 'must be a 10-character Inicis MID')
    .optional(),
  INICIS_SIGN_KEY: z.string().optional(),
  INICIS_API_KEY: z.string().optional(),
  INICIS_CLIENT_IP: z.ipv4('must be the IPv4 address of the server calling INIAPI').default('127.0.0.1'),
  INICIS_INIAPI_BASE_URL: url(['https', 'http']).default('https://iniapi.inicis.com'),
  INICIS_TIMEOUT_MS: z.coerce
    .number()
    .int('must be whole milliseconds')
    .min(1000)
    .max(120_000)
    .default(30_000),
};

type PaymentEnv = z.output<z.ZodObject<typeof paymentSection>>;

/** A PG without credentials in production, where no sandbox stands in: it is not offered at all. */
export interface DisabledPg {
  kind: 'disabled';
}

/** The variables that give each PG its credentials (config/production-vendors.ts names them). */
export const PG_VARIABLES = {
  toss: ['TOSS_SECRET_KEY'],
  nicepay: ['NICEPAY_CLIENT_KEY', 'NICEPAY_SECRET_KEY'],
  inicis: ['INICIS_MID', 'INICIS_SIGN_KEY', 'INICIS_API_KEY'],
  kakaopay: ['KAKAOPAY_SECRET_KEY', 'KAKAOPAY_CID'],
  naverpay: ['NAVERPAY_CLIENT_ID', 'NAVERPAY_CLIENT_SECRET', 'NAVERPAY_CHAIN_ID', 'NAVERPAY_PARTNER_ID'],
} as const;

export type TossConfig =
  | { kind: 'toss'; secretKey: string; clientKey?: string; apiBaseUrl: string; timeoutMs: number }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number }
  | DisabledPg;

export type KakaoPayConfig =
  | { kind: 'kakaopay'; secretKey: string; cid: string; apiBaseUrl: string; timeoutMs: number }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number }
  | DisabledPg;

export type NaverPayConfig =
  | {
      kind: 'naverpay';
      clientId: string;
      clientSecret: string;
      chainId: string;
      partnerId: string;
      mode: 'development' | 'production';
      apiBaseUrl: string;
      /** Where the buyer pays a reservation: `<paymentPageUrl>/<reserveId>`. */
      paymentPageUrl: string;
      timeoutMs: number;
    }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number }
  | DisabledPg;

export type NicepayConfig =
  | {
      kind: 'nicepay';
      clientKey: string;
      secretKey: string;
      authMode: 'basic' | 'bearer';
      apiBaseUrl: string;
      timeoutMs: number;
    }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number }
  | DisabledPg;

export type InicisConfig =
  | {
      kind: 'inicis';
      mid: string;
      signKey: string;
      iniapiKey: string;
      clientIp: string;
      iniapiBaseUrl: string;
      timeoutMs: number;
    }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number }
  | DisabledPg;

export interface PaymentVendorConfig {
  toss: TossConfig;
  /** Absent → sandbox (the PG simulator), like unset NICEPAY_CLIENT_KEY / NICEPAY_SECRET_KEY. */
  nicepay?: NicepayConfig;
  /** Absent → sandbox (the PG simulator), like unset INICIS_MID / INICIS_SIGN_KEY / INICIS_API_KEY. */
  inicis?: InicisConfig;
  /** Absent → sandbox (the PG simulator), like an unset KAKAOPAY_SECRET_KEY. */
  kakaopay?: KakaoPayConfig;
  /** Absent → sandbox (the PG simulator), like unset NAVERPAY_* credentials. */
  naverpay?: NaverPayConfig;
}

/**
 * NaverPay's API and payment-page hosts per mode (docs/vendors/naverpay.md#hosts; confirm the domain with
 * NaverPay).
 */
const NAVERPAY_HOSTS = {
  development: { api: 'https://dev-pub.apis.naver.com', page: 'https://test-m.pay.naver.com/payments' },
  production: { api: 'https://apis.naver.com', page: 'https://m.pay.naver.com/payments' },
} as const;

function kakaoPayConfig(env: PaymentEnv): KakaoPayConfig {
  if (!env.KAKAOPAY_SECRET_KEY && !env.KAKAOPAY_CID)
    return { kind: 'sandbox', simulatorUrl: env.PG_SIMULATOR_URL, timeoutMs: env.KAKAOPAY_TIMEOUT_MS };
  const missing = (['KAKAOPAY_SECRET_KEY', 'KAKAOPAY_CID'] as const).filter((name) => !env[name]);
  if (missing.length)
    throw new ConfigError(
      missing.map((variable) => ({
        variable,
        message: 'is required with the other KakaoPay variable (set neither to use the sandbox)',
      })),
    );
  return {
    kind: 'kakaopay',
    secretKey: env.KAKAOPAY_SECRET_KEY!,
    cid: env.KAKAOPAY_CID!,
    apiBaseUrl: env.KAKAOPAY_API_BASE_URL,
    timeoutMs: env.KAKAOPAY_TIMEOUT_MS,
  };
}

function naverPayConfig(env: PaymentEnv): NaverPayConfig {
  const names = [
    'NAVERPAY_CLIENT_ID',
    'NAVERPAY_CLIENT_SECRET',
    'NAVERPAY_CHAIN_ID',
    'NAVERPAY_PARTNER_ID',
  ] as const;
  const missing = names.filter((name) => !env[name]);
  if (missing.length === names.length)
    return { kind: 'sandbox', simulatorUrl: env.PG_SIMULATOR_URL, timeoutMs: env.NAVERPAY_TIMEOUT_MS };
  if (missing.length)
    throw new ConfigError(
      missing.map((variable) => ({
        variable,
        message: 'is required with the other NaverPay variables (set none to use the sandbox)',
      })),
    );
  const hosts = NAVERPAY_HOSTS[env.NAVERPAY_MODE];
  return {
    kind: 'naverpay',
    clientId: env.NAVERPAY_CLIENT_ID!,
    clientSecret: env.NAVERPAY_CLIENT_SECRET!,
    chainId: env.NAVERPAY_CHAIN_ID!,
    partnerId: env.NAVERPAY_PARTNER_ID!,
    mode: env.NAVERPAY_MODE,
    apiBaseUrl: env.NAVERPAY_API_BASE_URL ?? hosts.api,
    paymentPageUrl: hosts.page,
    timeoutMs: env.NAVERPAY_TIMEOUT_MS,
  };
}

export function paymentVendorConfig(env: PaymentEnv): PaymentVendorConfig {
  return {
    toss: tossConfig(env),
    kakaopay: kakaoPayConfig(env),
    naverpay: naverPayConfig(env),
    nicepay: nicepayConfig(env),
    inicis: inicisConfig(env),
  };
}

/** All of a PG's credentials or none (none → sandbox); names every missing one. */
function allOrNone<K extends keyof PaymentEnv>(env: PaymentEnv, names: readonly K[], pg: string): boolean {
  const missing = names.filter((name) => !env[name]);
  if (missing.length === names.length) return false;
  if (missing.length)
    throw new ConfigError(
      missing.map((variable) => ({
        variable,
        message: `is required with the other ${pg} variables (set none to use the sandbox)`,
      })),
    );
  return true;
}

function nicepayConfig(env: PaymentEnv): NicepayConfig {
  if (!allOrNone(env, ['NICEPAY_CLIENT_KEY', 'NICEPAY_SECRET_KEY'] as const, 'NicePay'))
    return { kind: 'sandbox', simulatorUrl: env.PG_SIMULATOR_URL, timeoutMs: env.NICEPAY_TIMEOUT_MS };
  return {
    kind: 'nicepay',
    clientKey: env.NICEPAY_CLIENT_KEY!,
    secretKey: env.NICEPAY_SECRET_KEY!,
    authMode: env.NICEPAY_AUTH_MODE,
    apiBaseUrl: env.NICEPAY_API_BASE_URL,
    timeoutMs: env.NICEPAY_TIMEOUT_MS,
  };
}

function inicisConfig(env: PaymentEnv): InicisConfig {
  if (!allOrNone(env, ['INICIS_MID', 'INICIS_SIGN_KEY', 'INICIS_API_KEY'] as const, 'KG Inicis'))
    return { kind: 'sandbox', simulatorUrl: env.PG_SIMULATOR_URL, timeoutMs: env.INICIS_TIMEOUT_MS };
  return {
    kind: 'inicis',
    mid: env.INICIS_MID!,
    signKey: env.INICIS_SIGN_KEY!,
    iniapiKey: env.INICIS_API_KEY!,
    clientIp: env.INICIS_CLIENT_IP,
    iniapiBaseUrl: env.INICIS_INIAPI_BASE_URL,
    timeoutMs: env.INICIS_TIMEOUT_MS,
  };
}

function tossConfig(env: PaymentEnv): TossConfig {
  if (!env.TOSS_SECRET_KEY) {
    if (env.TOSS_CLIENT_KEY)
      throw new ConfigError([
        {
          variable: 'TOSS_SECRET_KEY',
          message: 'is required with TOSS_CLIENT_KEY (set neither to use the sandbox)',
        },
      ]);
    return { kind: 'sandbox', simulatorUrl: env.PG_SIMULATOR_URL, timeoutMs: env.TOSS_TIMEOUT_MS };
  }
  return {
    kind: 'toss',
    secretKey: env.TOSS_SECRET_KEY,
    clientKey: env.TOSS_CLIENT_KEY,
    apiBaseUrl: env.TOSS_API_BASE_URL,
    timeoutMs: env.TOSS_TIMEOUT_MS,
  };
}
