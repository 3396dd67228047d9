import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: one call into the system's generator serves about 400 ids. */
const POOL_BYTES = 4096;
const RANDOM_BYTES = 10;
const pool = Buffer.alloc(POOL_BYTES);
let next = POOL_BYTES;

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp followed by randomness, so new rows land at the
 * end of B-tree indexes instead of scattering like v4.
 */
export function uuidv7(now: number = Date.now()): string {
  if (next + RANDOM_BYTES > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(now, 0, 6);
  pool.copy(bytes, 6, next, next + RANDOM_BYTES);
  next += RANDOM_BYTES;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type IdGenerator = () => string;
