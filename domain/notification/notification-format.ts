/** Formatting of template values, deterministic (no locale data, no clock). */

/** 12000 → "12,000원" */
export function formatWon(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`KRW amounts are whole numbers, got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}원`;
}

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea has no daylight saving time

/** A UTC instant shown in Asia/Seoul: "2024-11-24 13:30". */
export function formatSeoulDateTime(instant: Date): string {
  return new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A UTC instant's calendar date in Asia/Seoul: "2024-11-24". */
export function formatSeoulDate(instant: Date): string {
  return formatSeoulDateTime(instant).slice(0, 10);
}

/**
 * CSV for email attachments opened in Excel by Korean sellers: UTF-8 with a BOM (else Excel reads
 * Hangul as CP949 mojibake), CRLF line ends, RFC 4180 quoting, and text cells that start like a
 * formula prefixed with ' so a product name cannot run as a spreadsheet formula.
 */
export function renderCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (value: string | number): string => {
    if (typeof value === 'number') return String(value);
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
