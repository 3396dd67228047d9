import { furthest, statusOfTrackerLevel, trackingRank, type TrackingStatus } from './shipment-status';

/**
 * One step of a parcel as the courier reported it (by webhook or by a look-up). `where` is the
 * courier's depot or branch, never the buyer's address; the courier staff's names and phones are
 * not kept.
 */
export interface TrackingEvent {
  /** Same step reported twice (webhook and poll, or a replayed callback) → same key. */
  key: string;
  status: TrackingStatus;
  /** The tracker's level (1–6). */
  level: number;
  /** ISO-8601 UTC, the courier's own time of the step. */
  at: string;
  where: string;
  /** The courier's wording (집화처리, 간선하차, 배달출발, 배달완료…). */
  description: string;
}

export interface RawTrackingStep {
  level: number;
  /** Epoch milliseconds. */
  time: number;
  where?: string;
  kind?: string;
}

/** A tracker step as an event; null for a level we cannot place or a time that is not a time. */
export function trackingEventOf(step: RawTrackingStep): TrackingEvent | null {
  const status = statusOfTrackerLevel(step.level);
  if (!status || !Number.isFinite(step.time)) return null;
  // Couriers report to the second (pushes carry no milliseconds): the same step compares equal either way.
  const at = new Date(Math.floor(step.time / 1000) * 1000);
  if (Number.isNaN(at.getTime())) return null;
  const where = (step.where ?? '').trim().slice(0, 100);
  const description = (step.kind ?? '').trim().slice(0, 100);
  return {
    key: `${step.level}:${at.getTime() / 1000}:${where.slice(0, 40)}`,
    status,
    level: step.level,
    at: at.toISOString(),
    where,
    description,
  };
}

/** What a workflow knows of one invoice's tracking. */
export interface TrackingState {
  status: TrackingStatus;
  /** Keys of the events already taken in. */
  seen: string[];
  /** ISO-8601 of the first DELIVERED step, once there is one. */
  deliveredAt?: string;
}

export const initialTrackingState = (): TrackingState => ({ status: 'READY', seen: [] });

export interface TrackingUpdate {
  state: TrackingState;
  /** Events not seen before, in the courier's time order. */
  fresh: TrackingEvent[];
  /** The status moved forward with these events. */
  advanced: boolean;
}

/**
 * Takes events in whatever order and however often they arrive: duplicates are dropped, the
 * status becomes the furthest step ever reported (never backwards), and delivery is dated by the
 * courier's DELIVERED step.
 */
export function applyTrackingEvents(state: TrackingState, events: readonly TrackingEvent[]): TrackingUpdate {
  const seen = new Set(state.seen);
  const fresh: TrackingEvent[] = [];
  for (const event of events) {
    if (seen.has(event.key)) continue;
    seen.add(event.key);
    fresh.push(event);
  }
  fresh.sort((a, b) => a.at.localeCompare(b.at) || a.level - b.level);
  let status = state.status;
  let deliveredAt = state.deliveredAt;
  for (const event of fresh) {
    status = furthest(status, event.status);
    if (event.status === 'DELIVERED' && (!deliveredAt || event.at < deliveredAt)) deliveredAt = event.at;
  }
  return {
    state: { status, seen: [...seen], ...(deliveredAt ? { deliveredAt } : {}) },
    fresh,
    advanced: trackingRank(status) > trackingRank(state.status),
  };
}
