import { bigrams, choseongOf, normaliseText } from '../../../domain/catalog/korean-text';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import type { ProductSummary } from '../../../domain/catalog/search-query';

/** Longer descriptions are indexed up to this many characters (docs/catalog.md#search-quality). */
export const MAX_INDEXED_DESCRIPTION = 1000;

/** One searchable text: its space-free form and where its words start in that form. */
export interface FieldText {
  compact: string;
  /** Offsets in `compact` where a word starts, ascending (the text's end counts as a boundary too). */
  wordStarts: Uint16Array;
}

/** What the in-memory index keeps of a document: summary, filter keys and analysed texts. */
export interface IndexedProduct {
  summary: ProductSummary;
  listed: boolean;
  categoryPathIds: string[];
  createdAt: number;
  name: FieldText;
  /** Seller's name, each category name of the path, each option value. */
  others: FieldText[];
  description: FieldText;
  /** 초성 of the name, space-free. */
  choseong: string;
  /** Every field's compact text, joined by U+0001: one look-up rules most candidates out. */
  all: string;
}

export function fieldText(text: string): FieldText {
  const normalised = normaliseText(text);
  const words = normalised === '' ? [] : normalised.split(' ');
  const wordStarts = new Uint16Array(words.length);
  let offset = 0;
  words.forEach((word, i) => {
    wordStarts[i] = offset;
    offset += word.length;
  });
  return { compact: words.join(''), wordStarts };
}

export function indexProduct(doc: ProductSearchDocument): IndexedProduct {
  const name = fieldText(doc.name);
  const others = [doc.sellerName, ...doc.categoryPath, ...doc.optionValues]
    .map(fieldText)
    .filter((field) => field.compact !== '');
  const description = fieldText(doc.description.slice(0, MAX_INDEXED_DESCRIPTION));
  return {
    summary: {
      id: doc.productId,
      sellerId: doc.sellerId,
      sellerName: doc.sellerName,
      name: doc.name,
      price: doc.price,
      status: doc.status,
      categoryId: doc.categoryId,
      thumbnailKey: doc.thumbnailKey,
      popularity: doc.popularity,
      createdAt: new Date(doc.createdAt.getTime()),
    },
    listed: doc.status !== 'SUSPENDED',
    categoryPathIds: doc.categoryPathIds,
    createdAt: doc.createdAt.getTime(),
    name,
    others,
    description,
    choseong: choseongOf(doc.name),
    all: [name, ...others, description].map((field) => field.compact).join('\u0001'),
  };
}

/** The words of a field (its compact text cut at the word starts). */
export function wordsOfField(field: FieldText): string[] {
  const words: string[] = [];
  for (let i = 0; i < field.wordStarts.length; i++) {
    words.push(field.compact.slice(field.wordStarts[i], field.wordStarts[i + 1] ?? field.compact.length));
  }
  return words;
}

/** Every field's text, for the bigram index and the typo vocabulary. */
export function fieldsOf(product: IndexedProduct): FieldText[] {
  return [product.name, product.description, ...product.others];
}

/** The bigram pieces a product is listed under: its 초성's and every field's. */
export function piecesOf(product: IndexedProduct): Set<string> {
  const pieces = new Set<string>(bigrams(product.choseong));
  for (const field of fieldsOf(product)) for (const piece of bigrams(field.compact)) pieces.add(piece);
  return pieces;
}

/** Every distinct word of a product's fields (the typo vocabulary's words). */
export function wordsOf(product: IndexedProduct): Set<string> {
  const words = new Set<string>();
  for (const field of fieldsOf(product)) for (const word of wordsOfField(field)) words.add(word);
  return words;
}

function isBoundary(field: FieldText, offset: number): boolean {
  if (offset === field.compact.length) return true;
  let low = 0;
  let high = field.wordStarts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = field.wordStarts[mid]!;
    if (start === offset) return true;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * How `term` occurs in the field: 2 when some occurrence starts and ends on word boundaries (a
 * word, or words run together: 블루투스이어폰 in "블루투스 이어폰"), 1 inside words, 0 not at all.
 */
export function occurrence(field: FieldText, term: string): 0 | 1 | 2 {
  let at = field.compact.indexOf(term);
  if (at < 0) return 0;
  while (at >= 0) {
    if (isBoundary(field, at) && isBoundary(field, at + term.length)) return 2;
    at = field.compact.indexOf(term, at + 1);
  }
  return 1;
}
