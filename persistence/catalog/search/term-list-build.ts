import type { TermMatches } from './term-match-cache';

/** Candidates scored between two looks at the clock. */
const CHECK_EVERY = 256;

/**
 * One term's match list, built from its candidates a slice at a time: a build started in the
 * background (`term-list-warmup.ts`) gives way to requests between slices, and a search that
 * needs the list at once runs it to the end in one go.
 */
export class TermListBuild {
  private next = 0;
  private kept = 0;
  private readonly slots: Int32Array;
  private readonly scores: Uint8Array;

  /** `scoreOf(i)`: the term's score in candidate i (0: it does not match there). */
  constructor(
    private readonly candidates: Int32Array,
    private readonly scoreOf: (i: number) => number,
  ) {
    this.slots = new Int32Array(candidates.length);
    this.scores = new Uint8Array(candidates.length);
  }

  /** Scores candidates until `deadline` (a `performance.now()` time); true once all are scored. */
  step(deadline = Infinity): boolean {
    const { candidates } = this;
    while (this.next < candidates.length) {
      const end = Math.min(candidates.length, this.next + CHECK_EVERY);
      for (let i = this.next; i < end; i++) {
        const score = this.scoreOf(i);
        if (score === 0) continue;
        this.slots[this.kept] = candidates[i]!;
        this.scores[this.kept++] = score;
      }
      this.next = end;
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    return this.next >= candidates.length;
  }

  /** The list, once `step` returned true. */
  result(): TermMatches {
    return { slots: this.slots.slice(0, this.kept), scores: this.scores.slice(0, this.kept) };
  }
}
