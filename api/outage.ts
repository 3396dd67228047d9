import { DependencyUnavailableError } from '../platform/dependency-unavailable';

/** Socket-level failures of the database drivers (mysql2, better-sqlite3 busy) and of Redis. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
]);
/** gRPC UNAVAILABLE and DEADLINE_EXCEEDED: the Temporal server is restarting or overloaded. */
const GRPC_OUTAGE = new Set([14, 4]);

/** Seconds a client should wait before repeating a request an outage refused. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** True when the error (or one it wraps) says a shared service did not answer. */
export function isOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DependencyUnavailableError) return true;
    if (typeof current !== 'object') return false;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    // A gRPC status (code, details, metadata), as the Temporal client's ServiceError wraps it.
    if (typeof code === 'number' && GRPC_OUTAGE.has(code) && 'details' in current && 'metadata' in current)
      return true;
    current = cause ?? (current as { driverError?: unknown }).driverError;
  }
  return false;
}
