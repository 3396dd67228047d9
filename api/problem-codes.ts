import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one place that maps stable error codes to HTTP statuses. A code missing here is a bug in
 * the server and answers 500, so every code a client can provoke belongs in this table.
 */
export const statusByCode: Record<string, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  // notification
  WEBHOOK_SIGNATURE_INVALID: 401,
  WEBHOOK_MALFORMED: 400,
  // identity
  EMAIL_ALREADY_REGISTERED: 409,
  INVALID_CREDENTIALS: 401,
  LOGIN_LOCKED: 429,
  INVALID_REFRESH_TOKEN: 401,
  REFRESH_TOKEN_REUSED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  USER_NOT_FOUND: 404,
  SELLER_NOT_FOUND: 404,
  SELLER_REQUIRED: 400,
  NOT_A_MANAGER: 422,
  MANAGER_ASSIGNMENT_NOT_FOUND: 404,
};

export function registerProblemCodes(codes: Record<string, ContentfulStatusCode>): void {
  Object.assign(statusByCode, codes);
}
