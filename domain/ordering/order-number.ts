/**
 * Order numbers shown to buyers and sellers: `JT` + the placement date in Asia/Seoul (yyyyMMdd) +
 * an 8-digit serial the caller supplies (random or a sequence), e.g. `JT2026112404718263`.
 */
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea has no daylight saving time.
export const ORDER_NUMBER_PATTERN = /^JT\d{8}\d{8}$/;
export const ORDER_SERIAL_LIMIT = 100_000_000;

export function seoulDate(at: Date): string {
  const seoul = new Date(at.getTime() + SEOUL_OFFSET_MS);
  const y = seoul.getUTCFullYear();
  const m = String(seoul.getUTCMonth() + 1).padStart(2, '0');
  const d = String(seoul.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

export function formatOrderNumber(placedAt: Date, serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= ORDER_SERIAL_LIMIT) {
    throw new Error(`order serial must be a whole number in [0, ${ORDER_SERIAL_LIMIT}), got ${serial}`);
  }
  return `JT${seoulDate(placedAt)}${String(serial).padStart(8, '0')}`;
}
