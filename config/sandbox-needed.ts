import { z } from 'zod';
import type { CourierVendorConfig } from './courier-vendors';
import type { NotificationVendorConfig } from './notification-vendors';
import type { PaymentVendorConfig } from './payment-vendors';
import type { SettlementVendorConfig } from './settlement-vendors';

/** The vendor configuration a process opens (a role passes the parts it uses). */
export interface VendorConfigs {
  payments?: PaymentVendorConfig;
  notifications?: NotificationVendorConfig;
  couriers?: CourierVendorConfig;
  settlement?: SettlementVendorConfig;
}

export const PGS = ['toss', 'nicepay', 'inicis', 'kakaopay', 'naverpay'] as const;

/**
 * The names SANDBOX_VENDORS takes: `pg` stands for every PG without credentials (they share one
 * simulator and its window under /sandbox), the others are vendorsWithoutCredentials' own names.
 */
export const SANDBOX_VENDOR_NAMES = ['pg', 'nhn', 'email', 'courier', 'banking', 'popbill'] as const;
export type SandboxVendorName = (typeof SANDBOX_VENDOR_NAMES)[number];

/** The opt-in that lets production (a staging stack) run named vendors on their simulators. */
export const sandboxOptInSection = {
  SANDBOX_VENDORS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name && name !== 'none'),
    )
    .pipe(
      z.array(
        z.enum(SANDBOX_VENDOR_NAMES, {
          error: (issue) =>
            `${String(issue.input)} is not a vendor; name some of ${SANDBOX_VENDOR_NAMES.join(', ')} (or none)`,
        }),
      ),
    )
    .default([]),
};

/** The SANDBOX_VENDORS name that opts a vendor of vendorsWithoutCredentials in. */
export function sandboxOptInName(vendor: string): string {
  return (PGS as readonly string[]).includes(vendor) ? 'pg' : vendor;
}

/**
 * The vendors without credentials, which the sandbox's simulators serve; a process loads the
 * sandbox (sandbox/index.ts) only when this is not empty. The one place that decides it. A PG
 * disabled in production (no credentials, not opted in) is not among them.
 */
export function vendorsWithoutCredentials(configs: VendorConfigs): string[] {
  const { payments, notifications, couriers, settlement } = configs;
  return [
    ...(payments ? PGS.filter((pg) => (payments[pg]?.kind ?? 'sandbox') === 'sandbox') : []),
    ...(notifications?.nhn.kind === 'sandbox' ? ['nhn'] : []),
    ...(notifications?.email.kind === 'sandbox' ? ['email'] : []),
    ...(couriers?.tracker.kind === 'sandbox' ? ['courier'] : []),
    ...(settlement?.banking.kind === 'sandbox' ? ['banking'] : []),
    ...(settlement?.popbill.kind === 'sandbox' ? ['popbill'] : []),
  ];
}
