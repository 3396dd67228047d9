import type { TermMatches } from './term-match-cache';

/** Candidates scored between two looks at the clock. */
const CHECK_EVERY = 64;

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

/** A match list built a slice at a time: `step` until it returns true, then `finish`. */
export interface TermListJob {
  /** Scores candidates until `deadline` (a `performance.now()` time); true once done (or stale). */
  step(deadline: number): boolean;
  /** Holds the list unless the index changed since the build started; tells its entries. */
  finish(): number;
}

/** Terms waiting for their match lists, at most (the oldest is forgotten beyond). */
const MAX_WANTED = 256;

/** The terms whose match lists wait for a background build, oldest first: key → term text. */
export class WantedTerms {
  private readonly terms = new Map<string, string>();

  get size(): number {
    return this.terms.size;
  }

  has(key: string): boolean {
    return this.terms.has(key);
  }

  add(key: string, text: string): void {
    if (this.terms.size >= MAX_WANTED) this.terms.delete(this.terms.keys().next().value!);
    this.terms.set(key, text);
  }

  /** The oldest waiting term's text, no longer waiting. */
  take(): string | undefined {
    const first = this.terms.entries().next();
    if (first.done) return undefined;
    this.terms.delete(first.value[0]);
    return first.value[1];
  }
}

/** More changes than this during one build and its list is dropped (its term is wanted again). */
const MAX_CHANGED_DURING_BUILD = 256;

/** The slots changed while one build ran; `stale` once too many changed, or all did. */
export interface BuildChanges {
  slots: Set<number>;
  stale: boolean;
}

/**
 * Follows the changes made to the index while builds run a slice at a time: a finished list
 * stays right if the slots changed meanwhile are scored afresh by the queries, as the match lists'
 * `changed` slots are (term-match-cache.ts).
 */
export class ChangesDuringBuilds {
  private readonly open = new Set<BuildChanges>();

  start(): BuildChanges {
    const changes: BuildChanges = { slots: new Set(), stale: false };
    this.open.add(changes);
    return changes;
  }

  end(changes: BuildChanges): void {
    this.open.delete(changes);
  }

  /** A slot changed (undefined: everything did). */
  changed(slot?: number): void {
    for (const changes of this.open) {
      if (changes.stale) continue;
      if (slot !== undefined) changes.slots.add(slot);
      if (slot === undefined || changes.slots.size > MAX_CHANGED_DURING_BUILD) changes.stale = true;
    }
  }
}
