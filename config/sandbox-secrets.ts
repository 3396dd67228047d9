import { SANDBOX_COURIER_WEBHOOK_SECRET } from './courier-vendors';
import { SANDBOX_NHN_WEBHOOK_SIGNATURE } from './notification-vendors';

/**
 * Secrets of the sandbox that anyone can read in this repository (the simulators' test credentials,
 * the vendors' documentation keys, the sandbox's webhook secrets). Production refuses each as a
 * configured value: a webhook secret an attacker knows authenticates nothing, and a public PG key
 * reaches a test account whose "payments" the shop would accept. config/sandbox-secrets.test.ts
 * keeps this table in step with the simulators (which production code may not import).
 */
export const PUBLIC_SANDBOX_SECRETS: Readonly<Record<string, readonly string[]>> = {
  COURIER_WEBHOOK_SECRET: [SANDBOX_COURIER_WEBHOOK_SECRET],
  NHN_WEBHOOK_SIGNATURE: [SANDBOX_NHN_WEBHOOK_SIGNATURE],
  NHN_SECRET_KEY: ['sim-secret-key'],
  TOSS_SECRET_KEY: ['test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R', 'test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6'],
  NICEPAY_SECRET_KEY: ['433a8421be754b34989048cf148a5ffc'],
  INICIS_SIGN_KEY: ['SU5JTElURV9UUklQTEVERVNfS0VZU1RS'],
  INICIS_API_KEY: ['ItEQKi3rY7uvDS8l'],
  KAKAOPAY_SECRET_KEY: ['DEV7A3F1C9E0B5D4286A1F3C7E9B0D2A4C6E8F01'],
  NAVERPAY_CLIENT_SECRET: ['jangteoSimClientSecret'],
  SWEETTRACKER_API_KEY: ['sandbox-sweettracker-key'],
  FIRM_BANKING_CLIENT_SECRET: ['jangteo-sandbox-secret'],
  POPBILL_SECRET_KEY: ['amFuZ3Rlby1zYW5kYm94LXBvcGJpbGwtc2VjcmV0LWtleSEh'],
};
