import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../domain/shared/domain-error';
import type { AppEnv } from './app-env';
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
  if (error instanceof ProblemError)
    return problem(c, error.status, error.code, error.detail, error.extensions);
  if (error instanceof DomainError) {
    const status: ContentfulStatusCode = statusByCode[error.code] ?? 422;
    return problem(c, status, error.code, error.message, error.details);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return problem(c, error.status, codeForHttpStatus[error.status] ?? 'MALFORMED_REQUEST', error.message);
  }
  c.get('logger').error({ err: error }, 'unhandled error');
  return problem(c, 500, 'INTERNAL_ERROR', 'The server could not complete the request; it has been logged.');
};
