import { randomBytes } from 'node:crypto';

/* How a process's own warm-up requests are told apart (platform/http-warm-up.ts). Nothing else is
   imported here: tracing reads it before the modules it instruments are loaded. */

/**
 * Warm-up requests carry this header with a random value of this process's own: no request from
 * the network can pass for one. Metrics, the access log, view counting and tracing skip them.
 */
export const WARM_UP_HEADER_NAME = 'x-jangteo-warm-up';
export const WARM_UP_TOKEN = randomBytes(16).toString('hex');

type Headers = Record<string, unknown> | undefined;

/** Whether a request is this process's own warm-up request, by its header's value. */
export function isWarmUpRequest(headerValue: unknown): boolean {
  return headerValue === WARM_UP_TOKEN;
}

/** The same, from a Node request's or request options' headers (the tracing hooks get those). */
export const hasWarmUpHeader = (headers: Headers) => isWarmUpRequest(headers?.[WARM_UP_HEADER_NAME]);
