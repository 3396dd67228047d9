/** Lists this long also keep a bitmap of their slots, so a membership test is one bit. */
const BITMAP_FROM = 1024;

export interface PostingList {
  /** Ascending, no repeats. */
  slots: Int32Array;
  length: number;
  bits: Uint32Array | null;
}

/**
 * Posting lists of the in-memory search index: for each two-character piece, the ascending slots
 * of the documents whose texts hold it; long lists also as a bitmap. A slot whose document no
 * longer holds the piece stays until the next rebuild, which is harmless because every candidate
 * is verified against its document's text.
 */
export class BigramPostings {
  private readonly lists = new Map<string, PostingList>();
  private entries = 0;

  add(piece: string, slot: number): void {
    let list = this.lists.get(piece);
    if (!list) {
      list = { slots: new Int32Array(4), length: 0, bits: null };
      this.lists.set(piece, list);
    }
    let at = list.length;
    if (at > 0 && list.slots[at - 1]! >= slot) {
      at = lowerBound(list.slots, 0, list.length, slot);
      if (list.slots[at] === slot) return;
    }
    if (list.length === list.slots.length) {
      const grown = new Int32Array(list.slots.length * 2);
      grown.set(list.slots);
      list.slots = grown;
    }
    list.slots.copyWithin(at + 1, at, list.length);
    list.slots[at] = slot;
    list.length++;
    this.entries++;
    if (list.bits) setBit(list, slot);
    else if (list.length >= BITMAP_FROM) for (let i = 0; i < list.length; i++) setBit(list, list.slots[i]!);
  }

  /** The slots listed for a piece, ascending (a view; may list a stale slot). */
  get(piece: string): Int32Array {
    const list = this.lists.get(piece);
    return list ? list.slots.subarray(0, list.length) : EMPTY;
  }

  count(piece: string): number {
    return this.lists.get(piece)?.length ?? 0;
  }

  /** The piece's list for membership tests with `holds` (an empty one for an unknown piece). */
  lookup(piece: string): PostingList {
    return this.lists.get(piece) ?? NONE;
  }

  get size(): number {
    return this.entries;
  }

  clear(): void {
    this.lists.clear();
    this.entries = 0;
  }

  /** Bytes held by the lists, roughly. */
  memoryEstimate(): number {
    let bytes = 0;
    for (const [piece, list] of this.lists)
      bytes += list.slots.byteLength + (list.bits?.byteLength ?? 0) + piece.length * 2 + 100;
    return bytes;
  }
}

function setBit(list: PostingList, slot: number): void {
  const word = slot >> 5;
  if (!list.bits || word >= list.bits.length) {
    const grown = new Uint32Array(Math.max(word + 1, (list.bits?.length ?? 0) * 2, 64));
    if (list.bits) grown.set(list.bits);
    list.bits = grown;
  }
  list.bits[word] = list.bits[word]! | (1 << (slot & 31));
}

/** Whether the list holds the slot: one bit for a long list, a binary search for a short one. */
export function holds(list: PostingList, slot: number): boolean {
  const bits = list.bits;
  if (bits !== null) return slot >> 5 < bits.length && (bits[slot >> 5]! & (1 << (slot & 31))) !== 0;
  const at = lowerBound(list.slots, 0, list.length, slot);
  return at < list.length && list.slots[at] === slot;
}

/** The first position in slots[from, to) holding a value ≥ slot. */
export function lowerBound(slots: Int32Array, from: number, to: number, slot: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (slots[mid]! < slot) low = mid + 1;
    else high = mid;
  }
  return low;
}

const EMPTY = new Int32Array(0);
const NONE: PostingList = { slots: EMPTY, length: 0, bits: null };
