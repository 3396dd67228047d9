import type { InMemoryProductIndex } from './in-memory-product-index';

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
    while (!build.step(performance.now() + sliceMs)) {
      if (stopped()) return report(listed, entries);
      await yieldToRequests();
    }
    entries += build.finish();
    listed++;
    await yieldToRequests();
  }
  return report(listed, entries);
}
