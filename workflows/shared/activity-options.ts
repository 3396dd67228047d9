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

export const withTimeout = (
  startToCloseTimeout: ActivityOptions['startToCloseTimeout'],
  retry: RetryPolicy,
) => ({ startToCloseTimeout, retry }) satisfies ActivityOptions;
