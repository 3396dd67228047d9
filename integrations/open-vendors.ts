import type { CourierVendorConfig } from '../config/courier-vendors';
import type { NotificationVendorConfig } from '../config/notification-vendors';
import type { PaymentVendorConfig } from '../config/payment-vendors';
import type { SettlementVendorConfig } from '../config/settlement-vendors';
import {
  openNotificationVendors,
  type NotificationSandbox,
  type NotificationVendors,
} from './notification/notification-vendors';
import { openPaymentGateways, type PaymentGateways, type PaymentSandbox } from './payment/payment-vendors';
import {
  openSettlementVendors,
  type SettlementSandbox,
  type SettlementVendors,
} from './settlement/settlement-vendors';
import { openCourierTracking, type CourierSandbox, type CourierTracking } from './shipping/courier-vendors';

/** What stands in for every vendor without credentials (sandbox/index.ts). */
export interface SandboxVendors {
  payment: PaymentSandbox;
  notification: NotificationSandbox;
  courier: CourierSandbox;
  settlement: SettlementSandbox;
}

export interface VendorSettings {
  /** Where vendors call back (webhooks) and buyers are sent: the API's public address. */
  publicBaseUrl: string;
  notifications: NotificationVendorConfig;
  payments: PaymentVendorConfig;
  couriers: CourierVendorConfig;
  settlement: SettlementVendorConfig;
}

/** The adapters a worker's activities call. */
export interface Vendors {
  notificationVendors: NotificationVendors;
  paymentGateways: PaymentGateways;
  courierTracking: CourierTracking;
  settlementVendors: SettlementVendors;
}

/**
 * Every vendor a worker calls, from configuration; `sandbox` stands in for those without credentials
 * (absent: such a vendor is a VendorNotConfiguredError). `close` stops them in reverse.
 */
export async function openVendors(
  settings: VendorSettings,
  sandbox: SandboxVendors | undefined,
): Promise<Vendors & { close(): Promise<void> }> {
  const { publicBaseUrl } = settings;
  const notificationVendors = await openNotificationVendors(settings.notifications, {
    webhookBaseUrl: publicBaseUrl,
    sandbox: sandbox?.notification,
  });
  const paymentGateways = await openPaymentGateways(settings.payments, {
    publicBaseUrl,
    sandbox: sandbox?.payment,
  });
  const courierTracking = await openCourierTracking(settings.couriers, {
    publicBaseUrl,
    sandbox: sandbox?.courier,
  });
  const settlementVendors = await openSettlementVendors(settings.settlement, {
    sandbox: sandbox?.settlement,
  });
  return {
    notificationVendors,
    paymentGateways,
    courierTracking,
    settlementVendors,
    async close() {
      await settlementVendors.close();
      await courierTracking.close();
      await paymentGateways.close();
      await notificationVendors.close();
    },
  };
}
