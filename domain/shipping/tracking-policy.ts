/**
 * How a shipment follows its parcel when webhooks stay silent: look-ups start soon after the
 * invoice is registered, back off while nothing moves (the tracker has a monthly quota and a
 * per-invoice daily limit), and start over whenever the parcel moves.
 */
export interface PollingPlan {
  firstPollMs: number;
  maxPollMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A real tracker: 30 min, 1 h, 2 h, 4 h, then every 6 h. */
export const DEFAULT_POLLING_PLAN: PollingPlan = { firstPollMs: 30 * MINUTE, maxPollMs: 6 * HOUR };

/** No movement for this long after the invoice (or since the last step): admins are shown the shipment. */
export const STALL_AFTER_MS = 14 * DAY;

/** The wait before the next look-up after `idlePolls` look-ups in a row found nothing new. */
export function nextPollDelayMs(plan: PollingPlan, idlePolls: number): number {
  const doublings = Math.min(Math.max(0, Math.floor(idlePolls)), 30);
  return Math.min(plan.firstPollMs * 2 ** doublings, plan.maxPollMs);
}

export function validPollingPlan(plan: PollingPlan): boolean {
  return (
    Number.isSafeInteger(plan.firstPollMs) &&
    Number.isSafeInteger(plan.maxPollMs) &&
    plan.firstPollMs >= 1000 &&
    plan.maxPollMs >= plan.firstPollMs
  );
}
