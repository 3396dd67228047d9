/**
 * A shared service (Redis, the database, Temporal) did not answer: an outage, not the request's
 * fault. The API answers 503 with Retry-After for it (api/outage.ts), never 500.
 */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: string,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} is unavailable`, options);
    this.name = 'DependencyUnavailableError';
  }
}
