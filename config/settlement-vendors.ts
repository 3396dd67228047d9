import { z } from 'zod';
import { ConfigError, parseEnv, url, type Env } from './env';

/**
 * Settlement's vendors. Payouts go through a firm-banking transfer API (KFTC Open Banking 입금이체
 * shape) with all five FIRM_BANKING_* credentials; tax invoices through Popbill with POPBILL_LINK_ID
 * and POPBILL_SECRET_KEY, issued by the platform as the member SETTLEMENT_INVOICER_CORP_NUM. A
 * vendor without credentials is served by its simulator: started in-process, or the one at
 * BANKING_SIMULATOR_URL / POPBILL_SIMULATOR_URL when separate processes must share it.
 */
export const settlementSection = {
  FIRM_BANKING_API_BASE_URL: url(['https', 'http']).default('https://openapi.openbanking.or.kr'),
  FIRM_BANKING_CLIENT_ID: z.string().min(1).optional(),
  FIRM_BANKING_CLIENT_SECRET: z.string().min(1).optional(),
  FIRM_BANKING_ORG_CODE: z
    .string()
    .regex(/^[A-Z0-9]{10}$/, 'must be the 10-character 이용기관코드')
    .optional(),
  FIRM_BANKING_CONTRACT_ACCOUNT: z
    .string()
    .regex(/^\d{8,16}$/, 'must be the digits of the contracted withdrawal account')
    .optional(),
  FIRM_BANKING_PASS_PHRASE: z.string().min(1).optional(),
  FIRM_BANKING_TIMEOUT_MS: z.coerce
    .number()
    .int('must be whole milliseconds')
    .min(1000)
    .max(120_000)
    .default(30_000),
  BANKING_SIMULATOR_URL: url(['http', 'https']).optional(),
  POPBILL_LINK_ID: z.string().min(1).optional(),
  POPBILL_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the base64 SecretKey')
    .optional(),
  POPBILL_TEST_MODE: z.enum(['true', 'false']).default('false'),
  POPBILL_USER_ID: z.string().min(1).optional(),
  POPBILL_API_BASE_URL: url(['https', 'http']).optional(),
  POPBILL_AUTH_BASE_URL: url(['https', 'http']).default('https://auth.linkhub.co.kr'),
  POPBILL_TIMEOUT_MS: z.coerce
    .number()
    .int('must be whole milliseconds')
    .min(1000)
    .max(180_000)
    .default(30_000),
  POPBILL_SIMULATOR_URL: url(['http', 'https']).optional(),
  SETTLEMENT_INVOICER_CORP_NUM: z
    .string()
    .regex(/^\d{10}$/, 'must be 10 digits without hyphens')
    .optional(),
  SETTLEMENT_INVOICER_NAME: z.string().min(1).max(70).optional(),
  SETTLEMENT_INVOICER_CEO: z.string().min(1).max(30).optional(),
  SETTLEMENT_INVOICER_ADDRESS: z.string().min(1).max(150).optional(),
  SETTLEMENT_INVOICER_BIZ_TYPE: z.string().min(1).max(40).default('서비스'),
  SETTLEMENT_INVOICER_BIZ_CLASS: z.string().min(1).max(40).default('전자상거래 중개'),
  SETTLEMENT_INVOICER_EMAIL: z.string().email().optional(),
};

type SettlementEnv = z.output<z.ZodObject<typeof settlementSection>>;

export type FirmBankingVendorConfig =
  | {
      kind: 'firm-banking';
      apiBaseUrl: string;
      clientId: string;
      clientSecret: string;
      orgCode: string;
      contractAccount: string;
      passPhrase: string;
      timeoutMs: number;
    }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number };

export type PopbillVendorConfig =
  | {
      kind: 'popbill';
      linkId: string;
      secretKey: string;
      serviceId: 'POPBILL' | 'POPBILL_TEST';
      apiBaseUrl: string;
      authBaseUrl: string;
      userId?: string;
      timeoutMs: number;
    }
  | { kind: 'sandbox'; simulatorUrl?: string; timeoutMs: number };

export interface SettlementVendorConfig {
  banking: FirmBankingVendorConfig;
  popbill: PopbillVendorConfig;
  /** The platform as the supplier on fee invoices. */
  invoicer: {
    corpNum: string;
    corpName: string;
    ceoName: string;
    address: string;
    bizType: string;
    bizClass: string;
    email: string;
  };
}

/** The sandbox's invoicer: Popbill's published test member number. */
export const SANDBOX_INVOICER = {
  corpNum: '1234567890',
  corpName: '장터 주식회사 (샌드박스)',
  ceoName: '장대표',
  address: '서울특별시 강남구 테헤란로 152',
  email: 'tax@jangteo.local',
};

const BANKING_KEYS = [
  'FIRM_BANKING_CLIENT_ID',
  'FIRM_BANKING_CLIENT_SECRET',
  'FIRM_BANKING_ORG_CODE',
  'FIRM_BANKING_CONTRACT_ACCOUNT',
  'FIRM_BANKING_PASS_PHRASE',
] as const;
const POPBILL_KEYS = ['POPBILL_LINK_ID', 'POPBILL_SECRET_KEY'] as const;
const INVOICER_KEYS = [
  'SETTLEMENT_INVOICER_CORP_NUM',
  'SETTLEMENT_INVOICER_NAME',
  'SETTLEMENT_INVOICER_CEO',
  'SETTLEMENT_INVOICER_ADDRESS',
  'SETTLEMENT_INVOICER_EMAIL',
] as const;

function allOrNone(env: SettlementEnv, keys: readonly (keyof SettlementEnv)[], what: string): boolean {
  const present = keys.filter((key) => env[key] !== undefined);
  if (present.length === 0) return false;
  if (present.length === keys.length) return true;
  throw new ConfigError(
    keys
      .filter((key) => env[key] === undefined)
      .map((key) => ({
        variable: key,
        message: `is required with ${present.join(', ')} (${what}: all or none)`,
      })),
  );
}

export function settlementVendorConfig(env: SettlementEnv): SettlementVendorConfig {
  const realBank = allOrNone(env, BANKING_KEYS, 'firm banking');
  const realPopbill = allOrNone(env, POPBILL_KEYS, 'Popbill');
  // Real invoices carry the platform's own business details; the sandbox invents them.
  if (realPopbill && !allOrNone(env, INVOICER_KEYS, 'the invoicer'))
    throw new ConfigError(
      INVOICER_KEYS.map((key) => ({ variable: key, message: 'is required with POPBILL_LINK_ID' })),
    );
  const testMode = env.POPBILL_TEST_MODE === 'true';
  return {
    banking: realBank
      ? {
          kind: 'firm-banking',
          apiBaseUrl: env.FIRM_BANKING_API_BASE_URL,
          clientId: env.FIRM_BANKING_CLIENT_ID!,
          clientSecret: env.FIRM_BANKING_CLIENT_SECRET!,
          orgCode: env.FIRM_BANKING_ORG_CODE!,
          contractAccount: env.FIRM_BANKING_CONTRACT_ACCOUNT!,
          passPhrase: env.FIRM_BANKING_PASS_PHRASE!,
          timeoutMs: env.FIRM_BANKING_TIMEOUT_MS,
        }
      : { kind: 'sandbox', simulatorUrl: env.BANKING_SIMULATOR_URL, timeoutMs: env.FIRM_BANKING_TIMEOUT_MS },
    popbill: realPopbill
      ? {
          kind: 'popbill',
          linkId: env.POPBILL_LINK_ID!,
          secretKey: env.POPBILL_SECRET_KEY!,
          serviceId: testMode ? 'POPBILL_TEST' : 'POPBILL',
          apiBaseUrl:
            env.POPBILL_API_BASE_URL ??
            (testMode ? 'https://popbill-test.linkhub.co.kr' : 'https://popbill.linkhub.co.kr'),
          authBaseUrl: env.POPBILL_AUTH_BASE_URL,
          userId: env.POPBILL_USER_ID,
          timeoutMs: env.POPBILL_TIMEOUT_MS,
        }
      : { kind: 'sandbox', simulatorUrl: env.POPBILL_SIMULATOR_URL, timeoutMs: env.POPBILL_TIMEOUT_MS },
    invoicer: {
      corpNum: env.SETTLEMENT_INVOICER_CORP_NUM ?? SANDBOX_INVOICER.corpNum,
      corpName: env.SETTLEMENT_INVOICER_NAME ?? SANDBOX_INVOICER.corpName,
      ceoName: env.SETTLEMENT_INVOICER_CEO ?? SANDBOX_INVOICER.ceoName,
      address: env.SETTLEMENT_INVOICER_ADDRESS ?? SANDBOX_INVOICER.address,
      bizType: env.SETTLEMENT_INVOICER_BIZ_TYPE,
      bizClass: env.SETTLEMENT_INVOICER_BIZ_CLASS,
      email: env.SETTLEMENT_INVOICER_EMAIL ?? SANDBOX_INVOICER.email,
    },
  };
}

/** Parses only the settlement variables (the worker processes that serve the settlement queue). */
export function loadSettlementVendorConfig(env: Env): SettlementVendorConfig {
  return settlementVendorConfig(parseEnv(z.object(settlementSection), env));
}
