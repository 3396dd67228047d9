import type { IndexedProduct } from './indexed-product';

/** Field ranks and kinds of match, as in term-match.ts (docs/catalog.md#search-quality). */
const NAME = 2;
const OTHER = 1;
const DESCRIPTION = 0;
const EXACT = 2;
const PARTIAL = 1;

/**
 * What scoring a plain term needs, by slot, in flat arrays: the document's texts run together
 * (name, then seller, category names and option values, then description, joined by U+0001),
 * where the name ends and the description starts, and every word start. One look-up per
 * candidate instead of a walk through the document's objects.
 */
export class SlotTexts {
  private texts: string[] = [];
  private nameEnds: number[] = [];
  private descriptionStarts: number[] = [];
  private wordStarts: Uint16Array[] = [];

  set(slot: number, product: IndexedProduct | undefined): void {
    if (!product) {
      this.texts[slot] = '';
      this.wordStarts[slot] = NO_STARTS;
      this.nameEnds[slot] = 0;
      this.descriptionStarts[slot] = 0;
      return;
    }
    const { all } = product;
    const starts: number[] = [];
    let offset = 0;
    for (const field of [product.name, ...product.others, product.description]) {
      for (const start of field.wordStarts) starts.push(offset + start);
      offset += field.compact.length + 1;
    }
    this.texts[slot] = all;
    this.wordStarts[slot] = Uint16Array.from(starts.filter((start) => start <= 0xffff));
    this.nameEnds[slot] = product.name.compact.length;
    this.descriptionStarts[slot] = all.length - product.description.compact.length;
  }

  /** Bytes of the word starts and the arrays (the texts are shared with the documents). */
  memoryEstimate(): number {
    let bytes = this.texts.length * 32;
    for (const starts of this.wordStarts) bytes += (starts?.byteLength ?? 0) + 64;
    return bytes;
  }

  clear(): void {
    this.texts = [];
    this.nameEnds = [];
    this.descriptionStarts = [];
    this.wordStarts = [];
  }

  /**
   * The score of a term matched as itself (no split, no typo): 1 + 3 × field rank + kind, the
   * first field by rank that holds it winning; 0 when it occurs nowhere.
   */
  plainScore(slot: number, term: string): number {
    const text = this.texts[slot]!;
    let at = text.indexOf(term);
    if (at < 0) return 0;
    const nameEnd = this.nameEnds[slot]!;
    const descriptionStart = this.descriptionStarts[slot]!;
    const rank = at < nameEnd ? NAME : at < descriptionStart ? OTHER : DESCRIPTION;
    const fieldEnd = rank === NAME ? nameEnd : rank === OTHER ? descriptionStart : text.length;
    while (at >= 0 && at < fieldEnd) {
      if (this.isBoundary(slot, text, at) && this.isBoundary(slot, text, at + term.length))
        return 1 + rank * 3 + EXACT;
      at = text.indexOf(term, at + 1);
    }
    return 1 + rank * 3 + PARTIAL;
  }

  private isBoundary(slot: number, text: string, offset: number): boolean {
    if (offset === text.length || text.charCodeAt(offset) === 1) return true;
    const starts = this.wordStarts[slot]!;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = starts[mid]!;
      if (start === offset) return true;
      if (start < offset) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }
}

const NO_STARTS = new Uint16Array(0);
