import { errors } from '@elastic/elasticsearch';
import type { Logger } from '../../../platform/observability/logger';
import { DependencyUnavailableError } from '../../../platform/dependency-unavailable';

export const DEPENDENCY = 'elasticsearch';

/** Statuses Elasticsearch answers when it is busy or a node is down: worth another try later. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export interface RetryPolicy {
  attempts: number;
  /** First pause; doubled each retry, with up to 50 % random jitter on top. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 50 };

/** Elasticsearch's error body: `{"error":{"type":…,"reason":…},"status":…}`. */
export function errorTypeOf(error: unknown): string | undefined {
  if (!(error instanceof errors.ResponseError)) return undefined;
  const body = error.meta.body as { error?: { type?: string } | string } | undefined;
  return typeof body?.error === 'object' ? body.error.type : undefined;
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof errors.ResponseError) return RETRYABLE_STATUSES.has(error.statusCode ?? 0);
  return error instanceof errors.ConnectionError || error instanceof errors.TimeoutError;
}

export const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
export const backoffMs = (policy: RetryPolicy, attempt: number) =>
  policy.baseDelayMs * 2 ** attempt * (1 + Math.random() / 2);

/**
 * Runs an idempotent Elasticsearch call, retrying busy answers (429/502/503/504), timeouts and
 * refused connections with backoff. What still fails becomes DependencyUnavailableError (the API's
 * 503 with Retry-After). A 400 is a request we built wrong and a 404 a missing index (run
 * `npm run search:reindex`): both are logged as errors, then answered with 503 too — the shopper
 * cannot fix either.
 */
export async function callElasticsearch<T>(
  what: string,
  call: () => Promise<T>,
  options: { logger?: Logger; retry?: RetryPolicy },
): Promise<T> {
  const policy = options.retry ?? DEFAULT_RETRY;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (isRetryable(error) && attempt + 1 < policy.attempts) {
        await pause(backoffMs(policy, attempt));
        continue;
      }
      throw unavailable(what, error, options.logger);
    }
  }
}

function unavailable(what: string, error: unknown, logger: Logger | undefined): Error {
  const status = error instanceof errors.ResponseError ? error.statusCode : undefined;
  const type = errorTypeOf(error);
  if (status === 404 && type === 'index_not_found_exception')
    logger?.error(
      { err: error, what },
      'elasticsearch: the products index is missing (npm run search:reindex)',
    );
  else if (status === 400)
    logger?.error({ err: error, what, type }, 'elasticsearch rejected a request the adapter built (a bug)');
  else logger?.warn({ err: error, what, status }, 'elasticsearch did not answer');
  return new DependencyUnavailableError(DEPENDENCY, { cause: error });
}
