/** Every product one term matches: ascending slots and the term's score in each (1 to 9). */
export interface TermMatches {
  slots: Int32Array;
  scores: Uint8Array;
}

/** Lists held at most, counted in entries (5 bytes each: about 20 MB). */
const MAX_ENTRIES = 4_000_000;
/** A term is listed from its second search on: a term searched once costs no more than before. */
const LIST_FROM_SEARCH = 2;
/** Terms whose searches are counted, at most (the counts start over beyond). */
const MAX_COUNTED = 20_000;
/** More changed slots than this and every list is dropped (they are rebuilt on their next search). */
const MAX_CHANGED = 256;

/**
 * The match lists of the terms shoppers search again (docs/catalog.md#the-default-search): a
 * query whose every term is listed is answered by intersecting the lists, without reading a text.
 * A term's score in a product depends on that product alone, so a change makes only the changed
 * slots stale: they are kept in `changed`, skipped in the lists and scored afresh by the query,
 * until there are too many and the lists are dropped. The key holds the term's typo corrections,
 * so a vocabulary change that alters them lists the term afresh.
 */
export class TermMatchCache {
  private readonly lists = new Map<string, TermMatches>();
  private readonly searched = new Map<string, number>();
  private entries = 0;
  /** Slots changed since the oldest list was built. */
  readonly changed = new Set<number>();

  /** The term's list, if held (and marks it recently used). */
  get(key: string): TermMatches | undefined {
    const list = this.lists.get(key);
    if (list) {
      this.lists.delete(key);
      this.lists.set(key, list);
    }
    return list;
  }

  /** Counts a search of an unlisted term; true when it is searched often enough to list. */
  worthListing(key: string): boolean {
    if (this.searched.size >= MAX_COUNTED) this.searched.clear();
    const count = (this.searched.get(key) ?? 0) + 1;
    this.searched.set(key, count);
    return count >= LIST_FROM_SEARCH;
  }

  set(key: string, list: TermMatches): void {
    this.searched.delete(key);
    this.lists.set(key, list);
    this.entries += list.slots.length;
    for (const [oldest, old] of this.lists) {
      if (this.entries <= MAX_ENTRIES || oldest === key) break;
      this.lists.delete(oldest);
      this.entries -= old.slots.length;
    }
  }

  slotChanged(slot: number): void {
    if (this.lists.size === 0) return;
    this.changed.add(slot);
    if (this.changed.size > MAX_CHANGED) this.clear();
  }

  /** Bytes of the lists held (4 per slot, 1 per score). */
  memoryEstimate(): number {
    return this.entries * 5;
  }

  clear(): void {
    this.lists.clear();
    this.changed.clear();
    this.entries = 0;
  }
}
