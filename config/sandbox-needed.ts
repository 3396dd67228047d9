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

const PGS = ['toss', 'nicepay', 'inicis', 'kakaopay', 'naverpay'] as const;

/**
 * The vendors without credentials, which the sandbox's simulators serve; a process loads the
 * sandbox (sandbox/index.ts) only when this is not empty. The one place that decides it.
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
