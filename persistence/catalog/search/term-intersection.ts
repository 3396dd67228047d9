import { lowerBound } from './bigram-postings';
import type { Filter } from './search-filter';
import type { TermMatches } from './term-match-cache';

/**
 * Calls `visit` with every slot listed by all the terms' lists, and passing the filter, with the
 * sum of its scores; slots in `skip` are left out (the caller scores them afresh). The shortest
 * list is walked and each other one is searched forward (galloping) from where the last slot was
 * found, since all are ascending.
 */
export function intersectTermLists(
  lists: TermMatches[],
  skip: ReadonlySet<number>,
  filter: Filter,
  visit: (slot: number, score: number) => void,
): void {
  const ordered = [...lists].sort((a, b) => a.slots.length - b.slots.length);
  const first = ordered[0]!;
  const others = ordered.slice(1);
  const from = new Int32Array(others.length);
  const checkSkip = skip.size > 0;
  outer: for (let i = 0; i < first.slots.length; i++) {
    const slot = first.slots[i]!;
    let score = first.scores[i]!;
    for (let t = 0; t < others.length; t++) {
      const { slots, scores } = others[t]!;
      const at = gallop(slots, from[t]!, slot);
      from[t] = at;
      if (at === slots.length) break outer;
      if (slots[at] !== slot) continue outer;
      score += scores[at]!;
    }
    if (checkSkip && skip.has(slot)) continue;
    if (!filter(slot)) continue;
    visit(slot, score);
  }
}

/** The first position from `start` holding a value ≥ slot: steps of 1, 2, 4… then a binary search. */
function gallop(slots: Int32Array, start: number, slot: number): number {
  const length = slots.length;
  if (start >= length || slots[start]! >= slot) return start;
  let low = start;
  let step = 1;
  while (low + step < length && slots[low + step]! < slot) {
    low += step;
    step *= 2;
  }
  return lowerBound(slots, low + 1, Math.min(length, low + step + 1), slot);
}
