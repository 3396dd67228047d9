import type { CourierVendorConfig } from '../../config/courier-vendors';
import type { CourierTracker } from '../../domain/shipping/ports';
import type { PollingPlan } from '../../domain/shipping/tracking-policy';
import { createCourierSimulator, SANDBOX_SWEETTRACKER_KEY } from '../../simulators/courier/courier.simulator';
import { SweetTrackerTracker } from './sweettracker.tracker';

/** Where the tracker pushes parcel steps (`{provider}` = sweettracker). */
export const COURIER_WEBHOOK_PATH = '/api/v1/webhooks/couriers/sweettracker';

export interface CourierTracking {
  tracker: CourierTracker;
  /** The callback URL given to the tracker for each parcel: the shop's webhook with its secret. */
  callbackUrl: string;
  /** Base URL of the sandbox courier simulator (absent with a real tracker). */
  sandbox: { courier?: string };
  close(): Promise<void>;
}

/**
 * Look-ups soon after each sandbox step, so a local order moves on even where the simulator's
 * pushes cannot reach the API; the real tracker keeps the default plan (quota).
 */
export function sandboxPollingPlan(stepIntervalMs: number): PollingPlan {
  const firstPollMs = Math.max(1_000, stepIntervalMs * 3);
  return { firstPollMs, maxPollMs: Math.max(firstPollMs, stepIntervalMs * 12) };
}

/**
 * The courier tracker from configuration: SweetTracker with a key, else the courier simulator —
 * the one at COURIER_SIMULATOR_URL, or one started here in-process that pushes steps to the shop.
 */
export async function openCourierTracking(
  config: CourierVendorConfig,
  options: { publicBaseUrl: string },
): Promise<CourierTracking> {
  const callbackUrl = `${options.publicBaseUrl.replace(/\/+$/, '')}${COURIER_WEBHOOK_PATH}?token=${encodeURIComponent(config.webhookSecret ?? '')}`;
  if (config.tracker.kind === 'sweettracker') {
    return {
      tracker: new SweetTrackerTracker({
        apiBaseUrl: config.tracker.apiBaseUrl,
        apiKey: config.tracker.apiKey,
        push: config.tracker.push,
      }),
      callbackUrl,
      sandbox: {},
      close: async () => undefined,
    };
  }
  let simulatorUrl = config.tracker.simulatorUrl?.replace(/\/+$/, '');
  let close = async () => undefined as void;
  if (!simulatorUrl) {
    const running = await createCourierSimulator({ stepIntervalMs: config.tracker.stepIntervalMs }).start();
    simulatorUrl = running.url;
    close = running.close;
  }
  return {
    tracker: new SweetTrackerTracker({
      apiBaseUrl: simulatorUrl,
      apiKey: SANDBOX_SWEETTRACKER_KEY,
      push: { baseUrl: simulatorUrl },
      pollingPlan: sandboxPollingPlan(config.tracker.stepIntervalMs),
    }),
    callbackUrl,
    sandbox: { courier: simulatorUrl },
    close,
  };
}
