import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import {
  lastEndedWeek,
  mondayMidnightOnOrBefore,
  nextSettlementRuns,
  settlementWeek,
  weekContaining,
  weekLabels,
  weekStartingOn,
} from './settlement-week';

describe('settlement weeks in Asia/Seoul', () => {
  test('the Monday 00:00 KST run settles the week that just ended, named by its ISO week', () => {
    const run = new Date('2026-11-29T15:00:00Z'); // Monday 2026-11-30 00:00 in Seoul
    const week = lastEndedWeek(run);
    assert.equal(week.weekId, '2026-W48');
    assert.equal(week.start.toISOString(), '2026-11-22T15:00:00.000Z'); // Monday 11-23 00:00 KST
    assert.equal(week.cutoff.toISOString(), run.toISOString());
    assert.deepEqual(weekLabels(week), { period: '2026-11-23 ~ 2026-11-29', payoutDate: '2026-11-30' });
  });

  test('the week boundary is Seoul midnight, not UTC midnight', () => {
    const lastMsOfSunday = new Date('2026-11-29T14:59:59.999Z'); // Sunday 23:59:59.999 KST
    assert.equal(weekContaining(lastMsOfSunday).weekId, '2026-W48');
    assert.equal(weekContaining(new Date('2026-11-29T15:00:00Z')).weekId, '2026-W49');
    // Monday 08:59 KST is still Sunday in UTC, yet already the new Seoul week.
    assert.equal(weekContaining(new Date('2026-11-29T23:59:00Z')).weekId, '2026-W49');
    assert.equal(lastEndedWeek(new Date('2026-12-02T03:00:00Z')).weekId, '2026-W48');
    assert.equal(
      mondayMidnightOnOrBefore(new Date('2026-12-02T03:00:00Z')).toISOString(),
      '2026-11-29T15:00:00.000Z',
    );
  });

  test('ISO week years: week 53 of 2026, week 1 of 2025 starting in December 2024', () => {
    assert.equal(weekStartingOn('2026-12-28').weekId, '2026-W53');
    assert.equal(weekStartingOn('2027-01-04').weekId, '2027-W01');
    assert.equal(weekStartingOn('2024-12-30').weekId, '2025-W01');
    assert.equal(weekStartingOn('2025-12-29').weekId, '2026-W01');
  });

  test('week ids round-trip, and ids of weeks that do not exist are refused naming the field', () => {
    for (const id of ['2026-W01', '2026-W48', '2026-W53', '2025-W01', '2027-W52']) {
      const week = settlementWeek(id);
      assert.equal(week.weekId, id);
      assert.equal(week.cutoff.getTime() - week.start.getTime(), 7 * 86_400_000);
      assert.equal(week.start.getUTCHours(), 15, 'Monday 00:00 KST is 15:00 UTC the day before');
    }
    assert.equal(settlementWeek('2026-W48').start.toISOString(), '2026-11-22T15:00:00.000Z');
    for (const bad of ['2025-W53', '2026-W00', '2026-48', 'W48', '2026-W480']) {
      assert.throws(
        () => settlementWeek(bad, 'json.weekId'),
        (error: unknown) =>
          error instanceof DomainError &&
          error.code === 'VALIDATION_FAILED' &&
          (error.details.errors as Array<{ field: string }>)[0]!.field === 'json.weekId',
        bad,
      );
    }
  });

  test('a week chosen by its start date must be a real Monday', () => {
    assert.equal(weekStartingOn('2026-11-23').weekId, '2026-W48');
    assert.throws(() => weekStartingOn('2026-11-24'), /not a Monday/);
    assert.throws(() => weekStartingOn('2026-02-30'), /is not a date/);
    assert.throws(() => weekStartingOn('23.11.2026'), /is not a date/);
  });

  test('the schedule’s next runs are every Monday 00:00 Seoul time (Sunday 15:00 UTC)', () => {
    const fromWednesday = nextSettlementRuns(new Date('2026-11-25T05:00:00Z'), 3);
    assert.deepEqual(
      fromWednesday.map((d) => d.toISOString()),
      ['2026-11-29T15:00:00.000Z', '2026-12-06T15:00:00.000Z', '2026-12-13T15:00:00.000Z'],
    );
    // Exactly at a run, the next one is a week later.
    assert.equal(
      nextSettlementRuns(new Date('2026-11-29T15:00:00Z'), 1)[0]!.toISOString(),
      '2026-12-06T15:00:00.000Z',
    );
    // Across the new year.
    assert.deepEqual(
      nextSettlementRuns(new Date('2026-12-31T00:00:00Z'), 2).map((d) => d.toISOString()),
      ['2027-01-03T15:00:00.000Z', '2027-01-10T15:00:00.000Z'],
    );
  });
});
