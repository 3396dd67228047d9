import type { SandboxVendors } from '../integrations/open-vendors';
import { createCourierSandbox } from './courier';
import { createNotificationSandbox } from './notification';
import { createPaymentSandbox } from './payment';
import type { SandboxOptions } from './sandbox-options';
import { createSettlementSandbox } from './settlement';

export type { SandboxOptions } from './sandbox-options';

/**
 * The sandbox: the vendor simulators started in-process, and the adapters onto them with the
 * simulators' published test credentials. Only composition roots and tests load it; a process
 * whose every vendor has credentials never does (config/sandbox-needed.ts). The local shop gives
 * fixed ports and a state directory (docs/vendors/README.md#sandbox-vendors).
 */
export function createSandboxVendors(options: SandboxOptions = {}): SandboxVendors {
  return {
    payment: createPaymentSandbox(options),
    notification: createNotificationSandbox(options),
    courier: createCourierSandbox(options),
    settlement: createSettlementSandbox(options),
  };
}

/** Free ports, nothing kept: what tests and the split api/worker processes use. */
export const sandboxVendors: SandboxVendors = createSandboxVendors();
