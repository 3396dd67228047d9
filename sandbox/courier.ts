import type { PollingPlan } from '../domain/shipping/tracking-policy';
import type { CourierSandbox } from '../integrations/shipping/courier-vendors';
import { SweetTrackerTracker } from '../integrations/shipping/sweettracker.tracker';
import { createCourierSimulator, SANDBOX_SWEETTRACKER_KEY } from '../simulators/courier/courier.simulator';
import { stateFileOf, type SandboxOptions } from './sandbox-options';

/**
 * Look-ups soon after each sandbox step, so a local order moves on even where the simulator's
 * pushes cannot reach the API; the real tracker keeps the default plan (quota).
 */
export function sandboxPollingPlan(stepIntervalMs: number): PollingPlan {
  const firstPollMs = Math.max(1_000, stepIntervalMs * 3);
  return { firstPollMs, maxPollMs: Math.max(firstPollMs, stepIntervalMs * 12) };
}

/** The courier simulator (SweetTracker's API and push), and a tracker onto it with its key. */
export const createCourierSandbox = (options: SandboxOptions = {}): CourierSandbox => ({
  start: (stepIntervalMs) =>
    createCourierSimulator({ stepIntervalMs, stateFile: stateFileOf(options, 'courier') }).start({
      port: options.ports?.courier,
    }),
  tracker: (simulatorUrl, stepIntervalMs) =>
    new SweetTrackerTracker({
      apiBaseUrl: simulatorUrl,
      apiKey: SANDBOX_SWEETTRACKER_KEY,
      push: { baseUrl: simulatorUrl },
      pollingPlan: sandboxPollingPlan(stepIntervalMs),
    }),
});

/** Free port, nothing kept (tests). */
export const courierSandbox = createCourierSandbox();
