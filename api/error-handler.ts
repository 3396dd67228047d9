import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../domain/shared/domain-error';
import { reportError } from '../platform/observability/error-tracking';
import type { AppEnv } from './app-env';
import { isOutage, OUTAGE_RETRY_AFTER_SECONDS } from './outage';
import { problem, ProblemError } from './problem';
import { statusByCode } from './problem-codes';

const codeForHttpStatus: Record<number, string> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The single translation from thrown errors to problem+json; nothing a client sends should reach the 500 branch. */
export const errorHandler: ErrorHandler<AppEnv> = (error, c: Context<AppEnv>) => {
  if (error instanceof ProblemError) {
    if (error.status === 503) c.header('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    return problem(c, error.status, error.code, error.detail, error.extensions);
  }
  if (error instanceof DomainError) {
    const status: ContentfulStatusCode = statusByCode[error.code] ?? 422;
    return problem(c, status, error.code, error.message, error.details);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return problem(c, error.status, codeForHttpStatus[error.status] ?? 'MALFORMED_REQUEST', error.message);
  }
  if (isOutage(error)) {
    c.get('logger').warn({ err: error }, 'a shared service is unavailable');
    c.header('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS));
    return problem(
      c,
      503,
      'SERVICE_UNAVAILABLE',
      'A service the shop depends on is unavailable; retry shortly.',
    );
  }
  c.get('logger').error({ err: error }, 'unhandled error');
  // Only faults reach error tracking: problems a client caused (4xx) and outages returned above do not.
  reportError(error, { tags: { method: c.req.method, requestId: c.get('requestId') ?? '' } });
  return problem(c, 500, 'INTERNAL_ERROR', 'The server could not complete the request; it has been logged.');
};
