import { bigrams } from '../../../domain/catalog/korean-text';
import { holds, type BigramPostings } from './bigram-postings';
import { ANY_FORM, formsOf, type PreparedTerm } from './term-match';

/** A query term with, for each form it may match as, the bigram pieces a document must hold. */
export interface TermForms {
  term: PreparedTerm;
  forms: (string[] | null)[];
}

/**
 * The candidate stage of a keyword search: from the posting lists alone, the slots that may match
 * every term, before any text is read (docs/catalog.md#search-quality).
 */
export class CandidateFinder {
  /** Scratch: the form bits of the first term's candidates, by slot (zero between searches). */
  private formBits = new Uint32Array(0);

  constructor(private readonly postings: BigramPostings) {}

  /** The terms with their forms' pieces, the term listing the fewest candidates first. */
  prepare(terms: PreparedTerm[], slotCount: number): TermForms[] {
    return terms
      .map((term) => ({ term, forms: this.formPieces(term) }))
      .sort((a, b) => this.estimate(a.forms, slotCount) - this.estimate(b.forms, slotCount));
  }

  /**
   * Slots (ascending) whose postings hold some form of every term; `masks[t][i]` has a bit per form
   * of term t that slot i may match as.
   */
  find(prepared: TermForms[], slotCount: number): { slots: Int32Array; masks: Uint32Array[] } {
    // Candidates: every slot whose postings hold all pieces of some form of every term, with a
    // bit per form it may match as; then each is verified and scored on its texts.
    const first = this.union(prepared[0]!.forms, slotCount);
    let slots = first.slots;
    const masks: Uint32Array[] = [first.masks];
    for (let t = 1; t < prepared.length && slots.length > 0; t++) {
      const lists = prepared[t]!.forms.map((pieces) =>
        pieces === null ? null : pieces.map((piece) => this.postings.lookup(piece)),
      );
      const mask = new Uint32Array(slots.length);
      let kept = 0;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        let bits = 0;
        for (let f = 0; f < lists.length; f++) {
          const needed = lists[f]!;
          // Holding the term itself, the document may hold its other forms too: scoring checks them.
          if (f > 0 && bits === 1) {
            bits = ANY_FORM;
            break;
          }
          let all = true;
          if (needed !== null) for (let p = 0; p < needed.length && all; p++) all = holds(needed[p]!, slot);
          if (all) bits |= 1 << f;
        }
        if (bits === 0) continue;
        slots[kept] = slot;
        for (const earlier of masks) earlier[kept] = earlier[i]!;
        mask[kept++] = bits;
      }
      slots = slots.subarray(0, kept);
      masks.push(mask);
    }
    return { slots, masks };
  }

  /** For each form of a term, its distinct pieces; null when a text is one character (no piece). */
  private formPieces(term: PreparedTerm): (string[] | null)[] {
    const forms = term.choseong ? [[term.text]] : formsOf(term);
    return forms.map((parts) => {
      const pieces = new Set<string>();
      for (const part of parts) {
        if (part.length < 2) return null;
        for (const piece of bigrams(part)) pieces.add(piece);
      }
      return [...pieces].sort((a, b) => this.postings.count(a) - this.postings.count(b));
    });
  }

  /** How many candidates the forms list, at most (the term with the fewest is matched first). */
  private estimate(forms: (string[] | null)[], slotCount: number): number {
    let count = 0;
    for (const pieces of forms) count += pieces === null ? slotCount : this.postings.count(pieces[0]!);
    return count;
  }

  /**
   * The slots whose postings hold every piece of at least one form, ascending,
   * with a bit per such form.
   */
  private union(forms: (string[] | null)[], slotCount: number): { slots: Int32Array; masks: Uint32Array } {
    if (this.formBits.length < slotCount) this.formBits = new Uint32Array(slotCount * 2);
    const bits = this.formBits;
    const found: number[] = [];
    forms.forEach((pieces, f) => {
      const rarest = pieces === null ? null : this.postings.get(pieces[0]!);
      const others = pieces === null ? [] : pieces.slice(1).map((piece) => this.postings.lookup(piece));
      const length = rarest === null ? slotCount : rarest.length;
      for (let i = 0; i < length; i++) {
        const slot = rarest === null ? i : rarest[i]!;
        let all = true;
        for (let p = 0; p < others.length && all; p++) all = holds(others[p]!, slot);
        if (!all) continue;
        if (bits[slot] === 0) found.push(slot);
        bits[slot] = bits[slot]! | (1 << f);
      }
    });
    const slots = Int32Array.from(found);
    if (forms.length > 1) slots.sort();
    const masks = new Uint32Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      masks[i] = bits[slots[i]!]!;
      bits[slots[i]!] = 0;
    }
    return { slots, masks };
  }
}
