import { DomainError } from '../shared/domain-error';

/**
 * Settlement weeks in Asia/Seoul (UTC+9, no daylight saving). A week runs Monday 00:00 to the next
 * Monday 00:00 Seoul time and is named by its ISO week (`2026-W48`); the Monday that ends it is
 * the cutoff: the run at that instant settles every line whose hold ended before it, and that
 * Monday is the payout date.
 */
export interface SettlementWeek {
  weekId: string;
  /** Monday 00:00 Asia/Seoul, as a UTC instant. */
  start: Date;
  /** The following Monday 00:00 Asia/Seoul: the run's time and the line cutoff. */
  cutoff: Date;
}

const SEOUL_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const WEEK_ID = /^(\d{4})-W(\d{2})$/;

/** The instant of the latest Monday 00:00 Seoul time at or before `instant`. */
export function mondayMidnightOnOrBefore(instant: Date): Date {
  const seoulDay = Math.floor((instant.getTime() + SEOUL_OFFSET_MS) / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 counts days since Monday.
  const sinceMonday = (((seoulDay + 3) % 7) + 7) % 7;
  return new Date((seoulDay - sinceMonday) * DAY_MS - SEOUL_OFFSET_MS);
}

function weekStartingAt(startMs: number): SettlementWeek {
  return {
    weekId: isoWeekId(startMs + SEOUL_OFFSET_MS),
    start: new Date(startMs),
    cutoff: new Date(startMs + WEEK_MS),
  };
}

/** ISO-8601 week of a Seoul-local Monday given as ms on the UTC calendar: the year of its Thursday. */
function isoWeekId(localMondayMs: number): string {
  const thursday = new Date(localMondayMs + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week that ended most recently at `now` (what the Monday run settles). */
export function lastEndedWeek(now: Date): SettlementWeek {
  return weekStartingAt(mondayMidnightOnOrBefore(now).getTime() - WEEK_MS);
}

/** The week holding `instant`. */
export function weekContaining(instant: Date): SettlementWeek {
  return weekStartingAt(mondayMidnightOnOrBefore(instant).getTime());
}

/** `2026-W48` → that week; refuses ids that are not a real ISO week. */
export function settlementWeek(weekId: string, field = 'weekId'): SettlementWeek {
  const match = WEEK_ID.exec(weekId);
  if (!match) throw invalidWeek(field, `"${weekId}" is not an ISO week such as 2026-W48`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1; its Monday starts week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const localMonday = jan4 - jan4Weekday * DAY_MS + (week - 1) * WEEK_MS;
  const found = weekStartingAt(localMonday - SEOUL_OFFSET_MS);
  if (week < 1 || found.weekId !== weekId) throw invalidWeek(field, `${year} has no week ${week}`);
  return found;
}

/** The week starting on a Seoul calendar date `YYYY-MM-DD`, which must be a Monday. */
export function weekStartingOn(date: string, field = 'weekStart'): SettlementWeek {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const localMs = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(localMs).toISOString().slice(0, 10) !== date)
    throw invalidWeek(field, `"${date}" is not a date such as 2026-11-23`);
  if (new Date(localMs).getUTCDay() !== 1)
    throw invalidWeek(field, `${date} is not a Monday: settlement weeks start on Monday`);
  return weekStartingAt(localMs - SEOUL_OFFSET_MS);
}

/** Calendar date in Seoul, `YYYY-MM-DD`. */
export function seoulDate(instant: Date): string {
  return new Date(instant.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** What statements show: the period `2026-11-23 ~ 2026-11-29` and the payout date (the cutoff Monday). */
export function weekLabels(week: SettlementWeek): { period: string; payoutDate: string } {
  return {
    period: `${seoulDate(week.start)} ~ ${seoulDate(new Date(week.cutoff.getTime() - DAY_MS))}`,
    payoutDate: seoulDate(week.cutoff),
  };
}

/** The next `count` Monday 00:00 Seoul instants strictly after `after`: when the schedule fires. */
export function nextSettlementRuns(after: Date, count: number): Date[] {
  let next = mondayMidnightOnOrBefore(after).getTime() + WEEK_MS;
  const runs: Date[] = [];
  for (let i = 0; i < count; i += 1, next += WEEK_MS) runs.push(new Date(next));
  return runs;
}

function invalidWeek(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { errors: [{ field, message }] });
}
