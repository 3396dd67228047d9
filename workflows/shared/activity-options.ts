import type { ActivityOptions, RetryPolicy } from '@temporalio/workflow';

/**
 * Retry presets shared by the workflows. Each workflow picks its timeouts; the policies say how
 * hard a kind of step is tried.
 */

/** A write to our own database: short outages are waited out (add `maximumAttempts` for a bound). */
export const DATABASE_RETRY = {
  initialInterval: '1 second',
  maximumInterval: '1 minute',
} satisfies RetryPolicy;

/** A step the workflow cannot go on without: retried with backoff until it succeeds. */
export const UNTIL_DONE_RETRY = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '2 minutes',
} satisfies RetryPolicy;

/** A compensation must finish: many tries over a long time. */
export const COMPENSATION_RETRY = {
  initialInterval: '2 seconds',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
  maximumAttempts: 50,
} satisfies RetryPolicy;

/** A message is worth a few tries over minutes, never the caller's own progress. */
export const NOTIFICATION_RETRY = {
  initialInterval: '5 seconds',
  maximumInterval: '5 minutes',
  maximumAttempts: 10,
} satisfies RetryPolicy;

/**
 * A vendor call that heartbeats (activities/shared/heartbeat.ts): when its worker dies, Temporal
 * notices within this time and retries it elsewhere, instead of waiting out the start-to-close
 * timeout — the difference between seconds and a minute for an order paid at the PG.
 */
export const VENDOR_CALL_HEARTBEAT = { heartbeatTimeout: '5 seconds' } satisfies ActivityOptions;

export const withTimeout = (
  startToCloseTimeout: ActivityOptions['startToCloseTimeout'],
  retry: RetryPolicy,
) => ({ startToCloseTimeout, retry }) satisfies ActivityOptions;
