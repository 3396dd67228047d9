import { compact, isChoseongQuery, TYPO_MIN_LENGTH } from '../../../domain/catalog/korean-text';
import { occurrence, type FieldText, type IndexedProduct } from './indexed-product';
import type { TypoVocabulary } from './typo-vocabulary';

/** Terms longer than this are not tried as two parts (the number of splits grows with length). */
const MAX_SPLIT_LENGTH = 16;
/** Each part of a split term has at least two characters. */
const MIN_PART = 2;

/** A query term with what it may match as besides itself. */
export interface PreparedTerm {
  text: string;
  choseong: boolean;
  /** Two-part splits of the term, both parts required in one field (무선이어폰 → 무선 + 이어폰). */
  splits: [string, string][];
  /** Vocabulary words one edit away (블루투수 → 블루투스). */
  corrections: string[];
}

export function prepareTerm(term: string, vocabulary: TypoVocabulary): PreparedTerm {
  const text = compact(term);
  if (isChoseongQuery(text)) return { text, choseong: true, splits: [], corrections: [] };
  const splits: [string, string][] = [];
  if (text.length >= MIN_PART * 2 && text.length <= MAX_SPLIT_LENGTH) {
    for (let at = MIN_PART; at <= text.length - MIN_PART; at++)
      splits.push([text.slice(0, at), text.slice(at)]);
  }
  const corrections = text.length >= TYPO_MIN_LENGTH ? vocabulary.corrections(text) : [];
  return { text, choseong: false, splits, corrections };
}

/** Field ranks: the name above the seller, category and options above the description. */
const NAME = 2;
const OTHER = 1;
const DESCRIPTION = 0;
/** Kinds of match: whole words above inside words or in two parts above one typo. */
const EXACT = 2;
const PARTIAL = 1;
const TYPO = 0;

/**
 * The forms a term may match as, in the order of the bits of a form mask: the term itself (bit 0),
 * each split, each correction. Each form lists the texts that must all occur.
 */
export function formsOf(term: PreparedTerm): string[][] {
  return [[term.text], ...term.splits, ...term.corrections.map((word) => [word])];
}

/** The lowest score of a match in the name, which no other field can beat. */
export const NAME_MATCH = 1 + NAME * 3 + TYPO;

/** Every form bit set: verify the term against its document without a hint from the postings. */
export const ANY_FORM = 0xffffffff;

/**
 * The best kind of match of the term in one field, or -1. `forms` has a bit for each form the
 * postings say the document may hold (bit 0 the term, then splits, then corrections).
 */
function kindIn(field: FieldText, term: PreparedTerm, forms: number): number {
  if (forms & 1) {
    const whole = occurrence(field, term.text);
    if (whole === 2) return EXACT;
    if (whole === 1) return PARTIAL;
  }
  const splits = term.splits;
  for (let i = 0; i < splits.length; i++) {
    if (!(forms & (1 << (i + 1)))) continue;
    const [first, second] = splits[i]!;
    if (field.compact.includes(first) && field.compact.includes(second)) return PARTIAL;
  }
  const corrections = term.corrections;
  for (let i = 0; i < corrections.length; i++) {
    if (!(forms & (1 << (i + 1 + splits.length)))) continue;
    if (field.compact.includes(corrections[i]!)) return TYPO;
  }
  return -1;
}

/**
 * The term's score in a product, 0 when it does not match: 1 + 3 × field rank + kind, the best
 * field winning (a typo in the name still ranks above an exact word in the description).
 */
export function termScore(
  product: IndexedProduct,
  term: PreparedTerm,
  forms = ANY_FORM,
  plain?: number,
): number {
  if (term.choseong) return product.choseong.includes(term.text) ? 1 + NAME * 3 + PARTIAL : 0;
  if (plain !== undefined) return beyondPlain(product, term, forms & ~1, plain);
  // Where the term itself first occurs tells which fields can hold it at all.
  let plainAt = -1;
  if (forms & 1) {
    plainAt = product.all.indexOf(term.text);
    if (plainAt < 0) forms &= ~1;
  }
  if (forms === 0) return 0;
  const onlyPlain = forms === 1;
  const nameEnd = product.name.compact.length;
  const descriptionStart = product.all.length - product.description.compact.length;
  if (!onlyPlain || plainAt < nameEnd) {
    const inName = kindIn(product.name, term, forms);
    if (inName >= 0) return 1 + NAME * 3 + inName;
  }
  if (!onlyPlain || plainAt < descriptionStart) {
    const inOthers = kindInOthers(product, term, forms);
    if (inOthers >= 0) return 1 + OTHER * 3 + inOthers;
  }
  const inDescription = kindIn(product.description, term, forms);
  return inDescription >= 0 ? 1 + DESCRIPTION * 3 + inDescription : 0;
}

function kindInOthers(product: IndexedProduct, term: PreparedTerm, forms: number): number {
  let best = -1;
  for (const field of product.others) {
    best = Math.max(best, kindIn(field, term, forms));
    if (best === EXACT) break;
  }
  return best;
}

/**
 * The score given the term's own score (0 when absent): a split or a typo wins only in a field
 * ranked above the one the term itself was found in, since there it ranks no higher.
 */
function beyondPlain(product: IndexedProduct, term: PreparedTerm, others: number, plain: number): number {
  const plainRank = plain === 0 ? -1 : Math.floor((plain - 1) / 3);
  if (others === 0) return plain;
  if (plainRank < NAME) {
    const inName = kindIn(product.name, term, others);
    if (inName >= 0) return 1 + NAME * 3 + inName;
  }
  if (plainRank < OTHER) {
    const inOthers = kindInOthers(product, term, others);
    if (inOthers >= 0) return 1 + OTHER * 3 + inOthers;
  }
  if (plain > 0) return plain;
  const inDescription = kindIn(product.description, term, others);
  return inDescription >= 0 ? 1 + DESCRIPTION * 3 + inDescription : 0;
}

export { EXACT, PARTIAL, TYPO };
