import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { statusOfTrackerLevel, trackingStatusesBefore } from './shipment-status';
import {
  applyTrackingEvents,
  initialTrackingState,
  trackingEventOf,
  type TrackingEvent,
} from './tracking-event';
import { DEFAULT_POLLING_PLAN, nextPollDelayMs, validPollingPlan } from './tracking-policy';

const at = (iso: string) => Date.parse(iso);
const step = (level: number, iso: string, where = '대전유성'): TrackingEvent =>
  trackingEventOf({ level, time: at(iso), where, kind: `level ${level}` })!;

describe('tracking events', () => {
  test('tracker levels 1–6 map to READY … DELIVERED; other levels are not placed', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(statusOfTrackerLevel), [
      'READY',
      'PICKED_UP',
      'IN_TRANSIT',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    assert.equal(statusOfTrackerLevel(0), null);
    assert.equal(statusOfTrackerLevel(7), null);
    assert.equal(trackingEventOf({ level: 9, time: Date.now() }), null);
    assert.equal(trackingEventOf({ level: 2, time: Number.NaN }), null);
    assert.deepEqual(trackingStatusesBefore('IN_TRANSIT'), ['READY', 'PICKED_UP']);
  });

  test('the same step reported with and without milliseconds is one event', () => {
    const pushed = trackingEventOf({ level: 2, time: at('2026-11-24T01:02:03Z'), where: '서울강남' })!;
    const looked = trackingEventOf({ level: 2, time: at('2026-11-24T01:02:03.456Z'), where: '서울강남' })!;
    assert.equal(pushed.key, looked.key);
    assert.equal(looked.at, '2026-11-24T01:02:03.000Z');
  });

  test('out of order and repeated: each step taken once, the status is the furthest ever reported', () => {
    const s2 = step(2, '2026-11-24T01:00:00Z');
    const s3 = step(3, '2026-11-24T05:00:00Z');
    const s5 = step(5, '2026-11-25T00:30:00Z');
    const first = applyTrackingEvents(initialTrackingState(), [s5, s2]);
    assert.equal(first.state.status, 'OUT_FOR_DELIVERY');
    assert.equal(first.advanced, true);
    assert.deepEqual(
      first.fresh.map((e) => e.level),
      [2, 5],
    );

    const late = applyTrackingEvents(first.state, [s3, s5, s2, s3]);
    assert.deepEqual(
      late.fresh.map((e) => e.level),
      [3],
    );
    assert.equal(late.state.status, 'OUT_FOR_DELIVERY');
    assert.equal(late.advanced, false);

    const again = applyTrackingEvents(late.state, [s2, s3, s5]);
    assert.deepEqual(again.fresh, []);
  });

  test('delivery is dated by the courier’s delivered step, the earliest one if reported twice', () => {
    const done = step(6, '2026-11-25T03:00:00Z');
    const doneLater = step(6, '2026-11-25T04:00:00Z', '대전서구');
    const update = applyTrackingEvents(initialTrackingState(), [
      doneLater,
      step(5, '2026-11-25T00:00:00Z'),
      done,
    ]);
    assert.equal(update.state.status, 'DELIVERED');
    assert.equal(update.state.deliveredAt, '2026-11-25T03:00:00.000Z');
  });
});

describe('polling policy', () => {
  test('30 min, doubling while nothing moves, never more than 6 h apart', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 40].map((idle) => nextPollDelayMs(DEFAULT_POLLING_PLAN, idle) / 60_000),
      [30, 60, 120, 240, 360, 360, 360],
    );
    assert.equal(validPollingPlan(DEFAULT_POLLING_PLAN), true);
    assert.equal(validPollingPlan({ firstPollMs: 10, maxPollMs: 5 }), false);
  });
});
