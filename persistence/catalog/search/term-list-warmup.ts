import type { InMemoryProductIndex } from './in-memory-product-index';
import type { TermListJob } from './term-list-build';

export interface WarmUpOptions {
  /** How many of the most frequent name words to list. */
  words?: number;
  /** The longest the warm-up runs before it lets waiting requests in. */
  sliceMs?: number;
  /** True once the search stopped: the warm-up ends early. */
  stopped?: () => boolean;
}

/** What the warm-up cost: words listed, list entries, time from start to end and CPU spent. */
export interface WarmUpReport {
  words: number;
  entries: number;
  wallMs: number;
  cpuMs: number;
}

const DEFAULTS = { words: 200, sliceMs: 4 };
/** Slots counted between two looks at the clock. */
const COUNT_EVERY = 128;

/** Resolves after the I/O callbacks and timers already due: requests waiting run first. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lists the match lists of the words most product names hold, right after the index loads, so the
 * first searches of a started API find them built (docs/catalog.md#the-default-search). A common
 * word's list costs 14–67 ms at 100,000 products: built on a shopper's search it held every request
 * behind it, built here it is cut into slices of `sliceMs` with waiting requests served between.
 * A change to the index during a word's build drops that list (its next searches list it again).
 */
export async function warmTermLists(
  index: InMemoryProductIndex,
  options: WarmUpOptions = {},
): Promise<WarmUpReport> {
  const { words: wanted, sliceMs } = { ...DEFAULTS, ...options };
  const stopped = options.stopped ?? (() => false);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = (words: number, entries: number): WarmUpReport => {
    const used = process.cpuUsage(cpu);
    return { words, entries, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };

  const counts = new Map<string, number>();
  for (let slot = 0; slot < index.slotCount;) {
    const deadline = performance.now() + sliceMs;
    do {
      const end = Math.min(index.slotCount, slot + COUNT_EVERY);
      for (; slot < end; slot++)
        for (const word of index.nameWords(slot)) counts.set(word, (counts.get(word) ?? 0) + 1);
    } while (slot < index.slotCount && performance.now() < deadline);
    if (stopped()) return report(0, 0);
    await yieldToRequests();
  }
  const frequent = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, wanted)
    .map(([word]) => word);

  let listed = 0;
  let entries = 0;
  for (const word of frequent) {
    const build = index.startTermList(word);
    if (!build) continue;
    const built = await runInSlices(build, sliceMs, stopped);
    if (built === undefined) return report(listed, entries);
    entries += built;
    listed++;
  }
  return report(listed, entries);
}

/** What a search that finds lists waiting spends on them before it answers. */
const REQUEST_SLICE_MS = 2;

/**
 * Builds the match lists of the terms shoppers searched again (`InMemoryProductIndex.wantsLists`)
 * off the request path: until a list is built its term's searches answer from the postings, as
 * they did the first time. Between requests it builds in slices of `sliceMs`; a search that finds
 * lists waiting also spends a slice of at most 2 ms on them (`searched`), so the lists progress
 * however busy the process is, and no request waits for a whole list (14–67 ms at 100,000).
 */
export class WantedListBuilder {
  private job?: TermListJob;
  private running?: Promise<number>;
  private readonly sliceMs: number;
  private readonly stopped: () => boolean;

  constructor(
    private readonly index: InMemoryProductIndex,
    options: Pick<WarmUpOptions, 'sliceMs' | 'stopped'> = {},
  ) {
    this.sliceMs = options.sliceMs ?? DEFAULTS.sliceMs;
    this.stopped = options.stopped ?? (() => false);
  }

  /** After a search: a short slice now if lists wait, and the rest between requests. */
  searched(onError?: (error: unknown) => void): void {
    if (!this.job && !this.index.wantsLists) return;
    this.advance(performance.now() + REQUEST_SLICE_MS);
    if (!this.job && !this.index.wantsLists) return;
    this.running ??= this.drain()
      .catch((error: unknown) => {
        onError?.(error);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Builds until no list waits (or the search stopped); resolves with the lists built. */
  async drain(): Promise<number> {
    let listed = 0;
    while (!this.stopped() && (this.job || this.index.wantsLists)) {
      listed += this.advance(performance.now() + this.sliceMs);
      await yieldToRequests();
    }
    return listed;
  }

  /** Builds until `deadline` (one slice at least); the lists finished. */
  private advance(deadline: number): number {
    let listed = 0;
    do {
      this.job ??= this.index.nextWantedList();
      if (!this.job || !this.job.step(deadline)) break;
      this.job.finish();
      this.job = undefined;
      listed++;
    } while (performance.now() < deadline);
    return listed;
  }
}

/** Builds every list wanted now, between other work (tests, `bench/search-engine.ts`); the lists built. */
export function buildWantedLists(
  index: InMemoryProductIndex,
  options: Pick<WarmUpOptions, 'sliceMs' | 'stopped'> = {},
): Promise<number> {
  return new WantedListBuilder(index, options).drain();
}

/** Runs a build to its end a slice at a time; its entries, or undefined once stopped. */
async function runInSlices(
  build: TermListJob,
  sliceMs: number,
  stopped: () => boolean,
): Promise<number | undefined> {
  while (!build.step(performance.now() + sliceMs)) {
    if (stopped()) return undefined;
    await yieldToRequests();
  }
  const entries = build.finish();
  await yieldToRequests();
  return entries;
}
