import type { CourierVendorConfig } from './courier-vendors';
import { ConfigError, type ConfigIssue } from './env';
import { NHN_VARIABLES, type NotificationVendorConfig } from './notification-vendors';
import { PG_VARIABLES, type PaymentVendorConfig } from './payment-vendors';
import { PGS, vendorsWithoutCredentials, type SandboxVendorName } from './sandbox-needed';
import { PUBLIC_SANDBOX_SECRETS } from './sandbox-secrets';
import type { SettlementVendorConfig } from './settlement-vendors';

export interface ProcessVendors {
  notifications: NotificationVendorConfig;
  payments: PaymentVendorConfig;
  couriers: CourierVendorConfig;
  settlement: SettlementVendorConfig;
}

/** What to set for each vendor, as the start-up error names it. */
const NEEDS: Record<SandboxVendorName, string> = {
  pg: `the credentials of at least one PG (${PGS.map((pg) => PG_VARIABLES[pg].join(' + ')).join('; or ')})`,
  nhn: NHN_VARIABLES.join(', '),
  email: 'SENDGRID_API_KEY or SMTP_URL',
  courier: 'SWEETTRACKER_API_KEY (and COURIER_WEBHOOK_SECRET for pushes)',
  banking:
    'FIRM_BANKING_CLIENT_ID, FIRM_BANKING_CLIENT_SECRET, FIRM_BANKING_ORG_CODE, FIRM_BANKING_CONTRACT_ACCOUNT, FIRM_BANKING_PASS_PHRASE',
  popbill: 'POPBILL_LINK_ID, POPBILL_SECRET_KEY and SETTLEMENT_INVOICER_*',
};

const LABELS: Record<SandboxVendorName, string> = {
  pg: 'payment gateways',
  nhn: 'NHN Cloud (AlimTalk, SMS)',
  email: 'e-mail',
  courier: 'SweetTracker (courier tracking)',
  banking: 'firm banking (seller payouts)',
  popbill: 'Popbill (tax invoices)',
};

/**
 * Production's vendor rule (docs/security.md#no-sandbox-in-production): every vendor has
 * credentials or is named in SANDBOX_VENDORS, no configured value is a public sandbox secret, and
 * the sandbox PG never takes payments beside a real one. A PG without credentials is then not
 * offered (disabled) unless `pg` is opted in. Throws one ConfigError naming every problem.
 * Other environments get `vendors` back unchanged.
 */
export function vendorsForEnvironment(
  nodeEnv: string,
  optIn: readonly SandboxVendorName[],
  env: Readonly<Record<string, unknown>>,
  vendors: ProcessVendors,
): ProcessVendors {
  if (nodeEnv !== 'production') return vendors;
  const issues: ConfigIssue[] = Object.entries(PUBLIC_SANDBOX_SECRETS)
    .filter(([variable, values]) => values.includes(String(env[variable] ?? '')))
    .map(([variable]) => ({
      variable,
      message: 'is a public sandbox value from this repository; production needs your own secret',
    }));
  const withoutCredentials = new Set(vendorsWithoutCredentials(vendors));
  const livePgs = PGS.filter((pg) => !withoutCredentials.has(pg));
  const pgSandbox = optIn.includes('pg');
  if (pgSandbox && livePgs.length > 0)
    issues.push({
      variable: 'SANDBOX_VENDORS',
      message: `names pg while ${livePgs.join(', ')} ${livePgs.length > 1 ? 'have' : 'has'} credentials: the sandbox PG would take free payments beside the real one (configure every PG you offer, or none for staging)`,
    });
  const missing = (['pg', 'nhn', 'email', 'courier', 'banking', 'popbill'] as const).filter(
    (vendor) =>
      !optIn.includes(vendor) && (vendor === 'pg' ? livePgs.length === 0 : withoutCredentials.has(vendor)),
  );
  for (const vendor of missing)
    issues.push({
      variable: vendor,
      message: `no credentials for ${LABELS[vendor]}, and production never falls back to the sandbox: set ${NEEDS[vendor]}, or name ${vendor} in SANDBOX_VENDORS (staging only)`,
    });
  if (issues.length > 0) throw new ConfigError(issues);
  if (pgSandbox) return vendors;
  const payments: PaymentVendorConfig = { ...vendors.payments };
  for (const pg of PGS) if (withoutCredentials.has(pg)) payments[pg] = { kind: 'disabled' };
  return { ...vendors, payments };
}
