import { z } from '@hono/zod-openapi';
import { ProblemError } from './problem';

/**
 * Page cursors are client input like any other: every decoder below checks shape, types and ranges
 * and refuses with one 400 VALIDATION_FAILED naming `query.cursor`, never a 500 further down.
 */
const FIELD = 'query.cursor';
const GAVE_OUT = 'is not a cursor this API gave out';

/** Ids are UUIDv7 (platform/ids.ts); a cursor that is an id is held to the same alphabet. */
export const ID_PATTERN = /^[0-9A-Za-z-]{1,36}$/;

/** Times a cursor may carry: what a DATETIME column holds (MariaDB stops at year 9999). */
export const EARLIEST_CURSOR_TIME = Date.UTC(1970, 0, 1);
export const LATEST_CURSOR_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function invalidCursor(message = GAVE_OUT): ProblemError {
  return new ProblemError('VALIDATION_FAILED', `${FIELD}: ${message}`, {
    errors: [{ field: FIELD, message }],
  });
}

/** A cursor that is the id of the last item seen (orders, settlements, shipments, points, users…). */
export const idCursor = z
  .string()
  .regex(ID_PATTERN, GAVE_OUT)
  .optional()
  .openapi({ description: 'nextCursor of the previous page' });

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Opaque cursors are base64url JSON; this returns the parsed value or refuses. */
export function decodeJsonCursor(text: string): unknown {
  if (!/^[A-Za-z0-9_-]{1,400}={0,2}$/.test(text)) throw invalidCursor();
  try {
    return JSON.parse(utf8.decode(Buffer.from(text, 'base64url')));
  } catch {
    throw invalidCursor();
  }
}

export function encodeJsonCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export const isCursorId = (value: unknown): value is string =>
  typeof value === 'string' && ID_PATTERN.test(value);

export const isCursorTime = (ms: unknown): ms is number =>
  typeof ms === 'number' && Number.isInteger(ms) && ms >= EARLIEST_CURSOR_TIME && ms <= LATEST_CURSOR_TIME;
