import type { CourierVendorConfig } from '../../config/courier-vendors';
import type { CourierTracker } from '../../domain/shipping/ports';
import { requireSandbox, simulatorUrl, type RunningSandbox } from '../vendor-sandbox';
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

/** What stands in for SweetTracker without a key (sandbox/courier.ts). */
export interface CourierSandbox {
  /** Starts the courier simulator, which moves each registered parcel one step every `stepIntervalMs`. */
  start(stepIntervalMs: number): Promise<RunningSandbox>;
  /** A tracker onto the simulator at `simulatorUrl`, with the simulator's key. */
  tracker(simulatorUrl: string, stepIntervalMs: number): CourierTracker;
}

/**
 * The courier tracker from configuration: SweetTracker with a key, else the injected sandbox's
 * courier simulator — the one at COURIER_SIMULATOR_URL, or one started in-process that pushes steps
 * to the shop. Without a key or a sandbox, a VendorNotConfiguredError.
 */
export async function openCourierTracking(
  config: CourierVendorConfig,
  options: { publicBaseUrl: string; sandbox?: CourierSandbox },
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
  const { stepIntervalMs } = config.tracker;
  const sandbox = requireSandbox(options.sandbox, 'SweetTracker (courier tracking)', [
    'SWEETTRACKER_API_KEY',
  ]);
  const closers: Array<() => Promise<void> | void> = [];
  const url = await simulatorUrl(config.tracker.simulatorUrl, () => sandbox.start(stepIntervalMs), closers);
  return {
    tracker: sandbox.tracker(url, stepIntervalMs),
    callbackUrl,
    sandbox: { courier: url },
    close: async () => {
      for (const close of closers) await close();
    },
  };
}
