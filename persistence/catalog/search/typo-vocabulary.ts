import { oneDeletions, TYPO_MIN_LENGTH, withinOneEdit } from '../../../domain/catalog/korean-text';

/** At most this many vocabulary words stand in for one mistyped term. */
const MAX_CORRECTIONS = 8;

/**
 * The words of every indexed text, keyed SymSpell-style by themselves and their one-deletion
 * neighbours, so the words one edit away from a query word are found by a few map look-ups
 * instead of a pass over the vocabulary. Words are reference-counted and leave with their last
 * document.
 */
export class TypoVocabulary {
  private readonly counts = new Map<string, number>();
  private readonly byKey = new Map<string, string[]>();

  add(word: string): void {
    if (word.length < TYPO_MIN_LENGTH - 1) return;
    const count = this.counts.get(word) ?? 0;
    this.counts.set(word, count + 1);
    if (count > 0) return;
    for (const key of [word, ...oneDeletions(word)]) {
      const words = this.byKey.get(key);
      if (words) words.push(word);
      else this.byKey.set(key, [word]);
    }
  }

  delete(word: string): void {
    const count = this.counts.get(word);
    if (count === undefined) return;
    if (count > 1) {
      this.counts.set(word, count - 1);
      return;
    }
    this.counts.delete(word);
    for (const key of [word, ...oneDeletions(word)]) {
      const words = this.byKey.get(key)?.filter((other) => other !== word);
      if (words && words.length > 0) this.byKey.set(key, words);
      else this.byKey.delete(key);
    }
  }

  /** Known words one edit away from `term` (not the term itself); none for short terms. */
  corrections(term: string): string[] {
    if (term.length < TYPO_MIN_LENGTH) return [];
    const found = new Set<string>();
    for (const key of [term, ...oneDeletions(term)]) {
      for (const word of this.byKey.get(key) ?? []) {
        if (word !== term && withinOneEdit(term, word)) found.add(word);
      }
    }
    return [...found].sort().slice(0, MAX_CORRECTIONS);
  }

  clear(): void {
    this.counts.clear();
    this.byKey.clear();
  }

  get size(): number {
    return this.counts.size;
  }

  memoryEstimate(): number {
    let bytes = 0;
    for (const [key, words] of this.byKey) bytes += key.length * 2 + 80 + words.length * 8;
    return bytes + this.counts.size * 60;
  }
}
