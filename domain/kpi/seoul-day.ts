/**
 * Days as the shop counts them: calendar days in Asia/Seoul, written YYYY-MM-DD. Korea has kept
 * UTC+9 without daylight saving since 1988, so a day is the fixed UTC span [D−1 15:00, D 15:00).
 */
export type SeoulDay = string;

const OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function seoulDayOf(at: Date): SeoulDay {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether the text is a real calendar day (2025-02-30 is not). */
export function isSeoulDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const utc = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(utc.getTime()) && utc.toISOString().slice(0, 10) === text;
}

/** The instants the day covers: start inclusive, end exclusive. */
export function seoulDaySpan(day: SeoulDay): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

export function addDays(day: SeoulDay, days: number): SeoulDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (1 when they are equal, 0 when from is after to). */
export function dayCount(from: SeoulDay, to: SeoulDay): number {
  return Math.max(
    0,
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1,
  );
}

export function daysFrom(from: SeoulDay, to: SeoulDay): SeoulDay[] {
  return Array.from({ length: dayCount(from, to) }, (_, i) => addDays(from, i));
}
