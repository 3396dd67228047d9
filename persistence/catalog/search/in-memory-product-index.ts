import { bigrams } from '../../../domain/catalog/korean-text';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import type {
  ProductSearchPage,
  ProductSearchQuery,
  ProductSort,
  ProductSummary,
  SearchFacets,
} from '../../../domain/catalog/search-query';
import { BigramPostings } from './bigram-postings';
import { SlotColumns } from './slot-columns';
import { SlotTexts } from './slot-texts';
import { fieldsOf, indexProduct, wordsOfField, type IndexedProduct } from './indexed-product';
import { CandidateFinder } from './candidate-finder';
import { FacetCounter } from './search-facets';
import { filterKeyOf, filterOf, NO_FILTER, type Filter } from './search-filter';
import { ListOrders, type ListOrder } from './list-orders';
import { ascending, compareKeys, positionAfter, relevanceValue } from './search-order';
import { NAME_MATCH, prepareTerm, termScore } from './term-match';
import { TypoVocabulary } from './typo-vocabulary';

/** Matches of one keyword query, sorted, with their count and facets. */
interface MatchSet {
  slots: Int32Array;
  values: Float64Array;
  facets: SearchFacets;
}

/** Answers kept per distinct query until the index changes. */
const MEMO_LIMIT = 500;

/**
 * The search engine of the read model when no Elasticsearch is configured: every listed product in
 * memory, an inverted index of character bigrams (of the space-free texts and the name's 초성) to
 * find candidates, each candidate verified against its texts. The matching and ranking rules are
 * docs/catalog.md#search-quality. Lists without keywords walk orders sorted once per change, and
 * the matches, count and facets of a query are kept until the next change.
 */
export class InMemoryProductIndex {
  private products: (IndexedProduct | undefined)[] = [];
  private readonly slots = new Map<string, number>();
  private freeSlots: number[] = [];
  private readonly postings = new BigramPostings();
  private readonly candidates = new CandidateFinder(this.postings);
  private readonly texts = new SlotTexts();
  private readonly columns = new SlotColumns();
  /** Count and facets of every listed product, kept up to date by each change. */
  private everything = new FacetCounter(this.columns);
  private readonly vocabulary = new TypoVocabulary();
  /** Posting entries that no longer hold for their slot; the lists are rebuilt when they pile up. */
  private stalePostings = 0;
  private readonly orders = new ListOrders();
  private readonly memo = new Map<string, MatchSet>();
  private readonly listTotals = new Map<string, { total: number; facets: SearchFacets }>();

  get size(): number {
    return this.slots.size;
  }

  upsert(doc: ProductSearchDocument): void {
    const next = indexProduct(doc);
    let slot = this.slots.get(doc.productId);
    const previous = slot === undefined ? undefined : this.products[slot];
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.products.length;
      this.slots.set(doc.productId, slot);
    }
    const held = previous ? piecesOf(previous) : new Set<string>();
    const pieces = piecesOf(next);
    for (const piece of pieces) if (!held.has(piece)) this.postings.add(piece, slot);
    for (const piece of held) if (!pieces.has(piece)) this.stalePostings++;
    if (previous) for (const word of wordsOf(previous)) this.vocabulary.delete(word);
    for (const word of wordsOf(next)) this.vocabulary.add(word);
    if (this.columns.listed[slot] === 1) this.everything.remove(slot);
    this.products[slot] = next;
    this.texts.set(slot, next);
    this.columns.set(slot, next);
    if (next.listed) this.everything.add(slot);
    this.changed(slot);
  }

  remove(productId: string): void {
    const slot = this.slots.get(productId);
    if (slot === undefined) return;
    const previous = this.products[slot]!;
    this.stalePostings += piecesOf(previous).size;
    for (const word of wordsOf(previous)) this.vocabulary.delete(word);
    if (this.columns.listed[slot] === 1) this.everything.remove(slot);
    this.products[slot] = undefined;
    this.texts.set(slot, undefined);
    this.columns.set(slot, undefined);
    this.slots.delete(productId);
    this.freeSlots.push(slot);
    this.changed(slot);
  }

  clear(): void {
    this.products = [];
    this.texts.clear();
    this.columns.clear();
    this.everything = new FacetCounter(this.columns);
    this.slots.clear();
    this.freeSlots = [];
    this.postings.clear();
    this.vocabulary.clear();
    this.stalePostings = 0;
    this.changed();
  }

  /** Bytes held, roughly: texts, summaries, posting lists and the typo vocabulary. */
  memoryEstimate(): number {
    let bytes = this.postings.memoryEstimate() + this.vocabulary.memoryEstimate();
    bytes += this.texts.memoryEstimate() + this.columns.memoryEstimate();
    for (const product of this.products) {
      if (!product) continue;
      bytes += 400 + product.summary.name.length * 2 + product.choseong.length * 2;
      bytes += 40 + product.all.length * 2;
      for (const field of fieldsOf(product))
        bytes += 120 + field.compact.length * 2 + field.wordStarts.byteLength;
    }
    return bytes;
  }

  search(query: ProductSearchQuery): ProductSearchPage {
    if (query.categoryIds && query.categoryIds.length === 0) {
      return { items: [], nextCursor: null, total: 0, facets: new FacetCounter(this.columns).facets() };
    }
    const terms = [...new Set(query.terms.map((term) => term.replace(/\s+/g, '')).filter((t) => t !== ''))];
    const filterKey = filterKeyOf(query);
    const filter = filterOf(query, this.columns, this.products);
    if (terms.length === 0) return this.listPage(query, filterKey, filter);
    const key = JSON.stringify([terms, query.sort, filterKey]);
    let matches = this.memo.get(key);
    if (!matches) {
      matches = this.match(terms, filter, query.sort);
      remember(this.memo, key, matches);
    }
    const page = this.topAfter(matches, query);
    const items = page.map((i) => copy(this.products[matches.slots[i]!]!.summary));
    const more = items.length > query.limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        more && last
          ? { sort: query.sort, value: matches.values[page[query.limit - 1]!]!, id: last.id }
          : null,
      total: matches.slots.length,
      facets: matches.facets,
    };
  }

  /**
   * Positions in the (unsorted) matches of the first `limit + 1` items after the cursor, in the
   * sort's order: a pass that keeps the best few, instead of sorting every match.
   */
  private topAfter(matches: MatchSet, query: ProductSearchQuery): number[] {
    const { sort, after } = query;
    const wanted = query.limit + 1;
    const { slots, values } = matches;
    const ids = this.columns.ids;
    // Negative when match i comes before the item (value, id) in the sort's order.
    const order = (i: number, value: number, id: string): number => {
      const mine = values[i]!;
      if (mine !== value) return ascending(sort) ? mine - value : value - mine;
      const own = ids[slots[i]!]!;
      const byId = own < id ? -1 : own > id ? 1 : 0;
      return ascending(sort) ? byId : -byId;
    };
    const best: number[] = [];
    for (let i = 0; i < slots.length; i++) {
      if (after && order(i, after.value, after.id) <= 0) continue;
      if (best.length === wanted) {
        const worst = best[wanted - 1]!;
        if (order(i, values[worst]!, ids[slots[worst]!]!) >= 0) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && order(i, values[best[at - 1]!]!, ids[slots[best[at - 1]!]!]!) < 0) at--;
      best.splice(at, 0, i);
    }
    return best;
  }

  private match(terms: string[], filter: Filter, sort: ProductSort): MatchSet {
    const prepared = this.candidates.prepare(
      terms.map((text) => prepareTerm(text, this.vocabulary)),
      this.products.length,
    );
    const { slots, masks } = this.candidates.find(prepared, this.products.length);
    const values = new Float64Array(slots.length);
    const facets = new FacetCounter(this.columns);
    let matched = 0;
    for (let i = 0; i < slots.length; i++) {
      if (!filter(slots[i]!)) continue;
      let score = 0;
      for (let t = 0; t < prepared.length; t++) {
        const { term } = prepared[t]!;
        const forms = masks[t]![i]!;
        let termScoreHere = 0;
        const plain = !term.choseong && (forms & 1) === 1;
        if (plain) termScoreHere = this.texts.plainScore(slots[i]!, term.text);
        // Only a plain match in the name is sure to be the best: splits and typos may rank higher.
        if ((termScoreHere < NAME_MATCH && forms !== 1) || term.choseong)
          termScoreHere = termScore(
            this.products[slots[i]!]!,
            term,
            forms,
            plain ? termScoreHere : undefined,
          );
        if (termScoreHere === 0) {
          score = 0;
          break;
        }
        score += termScoreHere;
      }
      if (score === 0) continue;
      facets.add(slots[i]!);
      slots[matched] = slots[i]!;
      values[matched++] = this.valueOf(slots[i]!, sort, score);
    }
    return { slots: slots.slice(0, matched), values: values.slice(0, matched), facets: facets.facets() };
  }

  /** The sort key of a slot (for relevance, the score folded with the creation time). */
  private valueOf(slot: number, sort: ProductSort, score: number): number {
    const { createdAt, price, popularity } = this.columns;
    switch (sort) {
      case 'relevance':
        return relevanceValue(score, createdAt[slot]!);
      case 'newest':
        return createdAt[slot]!;
      case 'price_asc':
      case 'price_desc':
        return price[slot]!;
      case 'popular':
        return popularity[slot]!;
    }
  }

  /** A list without keywords: walks the order sorted once per change, skipping filtered products. */
  private listPage(query: ProductSearchQuery, filterKey: string, filter: Filter): ProductSearchPage {
    const sort: ProductSort = query.sort === 'relevance' ? 'newest' : query.sort;
    const order = this.order(sort === 'newest' ? 'newest' : sort === 'popular' ? 'popular' : 'price');
    const backwards = sort === 'price_desc';
    const slotAt = (i: number) => order[backwards ? order.length - 1 - i : i]!;
    const start = query.after
      ? positionAfter(sort, query.after, order.length, (i) => ({
          value: this.valueOf(slotAt(i), sort, 0),
          id: this.columns.ids[slotAt(i)]!,
        }))
      : 0;
    const items: ProductSummary[] = [];
    let more = false;
    for (let i = start; i < order.length; i++) {
      const slot = slotAt(i);
      if (!filter(slot)) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(copy(this.products[slot]!.summary));
    }
    let counted = this.listTotals.get(filterKey);
    if (!counted && filterKey === NO_FILTER) {
      counted = { total: this.everything.total, facets: this.everything.facets() };
      remember(this.listTotals, filterKey, counted);
    }
    if (!counted) {
      const facets = new FacetCounter(this.columns);
      let total = 0;
      for (let slot = 0; slot < this.products.length; slot++) {
        if (filter(slot)) {
          total++;
          facets.add(slot);
        }
      }
      counted = { total, facets: facets.facets() };
      remember(this.listTotals, filterKey, counted);
    }
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        more && last
          ? {
              sort: query.sort,
              value: this.valueOf(this.slots.get(last.id)!, sort, 0),
              id: last.id,
            }
          : null,
      total: counted.total,
      facets: counted.facets,
    };
  }

  private order(name: ListOrder): Int32Array {
    return this.orders.get(name, {
      slotCount: this.products.length,
      listed: this.columns.listed,
      compare: (sort, a, b) => this.compareSlots(sort, a, b),
    });
  }

  /** Negative when slot a comes first in the sort's order (by value, then id). */
  private compareSlots(sort: ProductSort, a: number, b: number): number {
    const ids = this.columns.ids;
    return compareKeys(sort, this.valueOf(a, sort, 0), ids[a]!, this.valueOf(b, sort, 0), ids[b]!);
  }

  private changed(slot?: number): void {
    this.orders.changed(slot);
    this.memo.clear();
    this.listTotals.clear();
    if (this.stalePostings > Math.max(100_000, this.postings.size / 2)) this.rebuildPostings();
  }

  private rebuildPostings(): void {
    this.postings.clear();
    this.stalePostings = 0;
    this.products.forEach((product, slot) => {
      if (product) for (const piece of piecesOf(product)) this.postings.add(piece, slot);
    });
  }
}

function piecesOf(product: IndexedProduct): Set<string> {
  const pieces = new Set<string>(bigrams(product.choseong));
  for (const field of fieldsOf(product)) for (const piece of bigrams(field.compact)) pieces.add(piece);
  return pieces;
}

function wordsOf(product: IndexedProduct): Set<string> {
  const words = new Set<string>();
  for (const field of fieldsOf(product)) for (const word of wordsOfField(field)) words.add(word);
  return words;
}

function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}

const copy = (summary: ProductSummary): ProductSummary => ({
  ...summary,
  createdAt: new Date(summary.createdAt),
});
