import type { SandboxVendors } from '../integrations/open-vendors';
import { courierSandbox } from './courier';
import { notificationSandbox } from './notification';
import { paymentSandbox } from './payment';
import { settlementSandbox } from './settlement';

/**
 * The sandbox: the vendor simulators started in-process, and the adapters onto them with the
 * simulators' published test credentials. Only composition roots and tests load it; a process
 * whose every vendor has credentials never does (config/sandbox-needed.ts).
 */
export const sandboxVendors: SandboxVendors = {
  payment: paymentSandbox,
  notification: notificationSandbox,
  courier: courierSandbox,
  settlement: settlementSandbox,
};
