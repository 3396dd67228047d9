import type { ViewSessionSink } from '../../domain/kpi/ports';
import { seoulDayOf } from '../../domain/kpi/seoul-day';

export interface ProductViewDeps {
  sink: ViewSessionSink;
  /** A keyed hash (HMAC): the stored value cannot be turned back into the session id. */
  keyedHash: (value: string) => string;
  now: () => Date;
}

/**
 * Counts a view session once per Seoul day. The day is part of the hashed value, so the same
 * session on two days leaves two unrelated hashes: stored rows cannot follow a visitor across days.
 */
export function recordProductView(deps: ProductViewDeps, sessionId: string): void {
  const day = seoulDayOf(deps.now());
  deps.sink.record(day, deps.keyedHash(`view-session:${day}:${sessionId}`));
}
