import { bigrams } from '../../../domain/catalog/korean-text';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import type {
  ProductSearchPage,
  ProductSearchQuery,
  ProductSort,
  ProductSummary,
  SearchFacets,
} from '../../../domain/catalog/search-query';
import { BigramPostings, holds } from './bigram-postings';
import { SlotColumns } from './slot-columns';
import { SlotTexts } from './slot-texts';
import { fieldsOf, indexProduct, wordsOfField, type IndexedProduct } from './indexed-product';
import { FacetCounter } from './search-facets';
import { ascending, compareKeys, positionAfter, relevanceValue, sortValue } from './search-order';
import { ANY_FORM, formsOf, NAME_MATCH, prepareTerm, termScore, type PreparedTerm } from './term-match';
import { TypoVocabulary } from './typo-vocabulary';

/** Matches of one keyword query, sorted, with their count and facets. */
interface MatchSet {
  slots: Int32Array;
  values: Float64Array;
  facets: SearchFacets;
}

type ListOrder = 'newest' | 'price' | 'popular';
type Filter = (slot: number) => boolean;

const NO_FILTER = JSON.stringify([null, null, null, null]);

/** Answers kept per distinct query until the index changes. */
const MEMO_LIMIT = 500;
/** More changes than this between two lists and an order is sorted afresh. */
const FEW_CHANGES = 64;

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
  private readonly texts = new SlotTexts();
  private readonly columns = new SlotColumns();
  /** Count and facets of every listed product, kept up to date by each change. */
  private everything = new FacetCounter(this.columns);
  private readonly vocabulary = new TypoVocabulary();
  /** Posting entries that no longer hold for their slot; the lists are rebuilt when they pile up. */
  private stalePostings = 0;
  private orders: Partial<Record<ListOrder, Int32Array>> = {};
  /** Slots changed since each order was sorted: moved to their new places at the next list. */
  private readonly pending: Record<ListOrder, Set<number>> = {
    newest: new Set(),
    price: new Set(),
    popular: new Set(),
  };
  private readonly memo = new Map<string, MatchSet>();
  private readonly listTotals = new Map<string, { total: number; facets: SearchFacets }>();
  /** Scratch: the form bits of the first term's candidates, by slot (zero between searches). */
  private formBits = new Uint32Array(0);

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
    const filterKey = JSON.stringify([
      query.categoryIds ? [...query.categoryIds].sort() : null,
      query.sellerId ?? null,
      query.minPrice ?? null,
      query.maxPrice ?? null,
    ]);
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
    const prepared = terms
      .map((text) => prepareTerm(text, this.vocabulary))
      .map((term) => ({ term, forms: this.formPieces(term) }))
      .sort((a, b) => this.estimate(a.forms) - this.estimate(b.forms));
    // Candidates: every slot whose postings hold all pieces of some form of every term, with a
    // bit per form it may match as; then each is verified and scored on its texts.
    const first = this.union(prepared[0]!.forms);
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
  private estimate(forms: (string[] | null)[]): number {
    let count = 0;
    for (const pieces of forms)
      count += pieces === null ? this.products.length : this.postings.count(pieces[0]!);
    return count;
  }

  /**
   * The slots whose postings hold every piece of at least one form, ascending,
   * with a bit per such form.
   */
  private union(forms: (string[] | null)[]): { slots: Int32Array; masks: Uint32Array } {
    if (this.formBits.length < this.products.length)
      this.formBits = new Uint32Array(this.products.length * 2);
    const bits = this.formBits;
    const found: number[] = [];
    forms.forEach((pieces, f) => {
      const rarest = pieces === null ? null : this.postings.get(pieces[0]!);
      const others = pieces === null ? [] : pieces.slice(1).map((piece) => this.postings.lookup(piece));
      const length = rarest === null ? this.products.length : rarest.length;
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
    const at = (i: number) => this.products[order[backwards ? order.length - 1 - i : i]!]!;
    const start = query.after
      ? positionAfter(sort, query.after, order.length, (i) => ({
          value: sortValue(at(i), sort, 0),
          id: at(i).summary.id,
        }))
      : 0;
    const items: ProductSummary[] = [];
    let more = false;
    for (let i = start; i < order.length; i++) {
      const product = at(i);
      if (!filter(order[backwards ? order.length - 1 - i : i]!)) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(copy(product.summary));
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
              value: sortValue(this.products[this.slots.get(last.id)!]!, sort, 0),
              id: last.id,
            }
          : null,
      total: counted.total,
      facets: counted.facets,
    };
  }

  /** Listed products in one order (price ascending; walked backwards for price_desc). */
  private order(name: ListOrder): Int32Array {
    const sort: ProductSort = name === 'price' ? 'price_asc' : name;
    const cached = this.orders[name];
    const pending = this.pending[name];
    if (cached && pending.size === 0) return cached;
    const listed = this.columns.listed;
    let order: Int32Array;
    if (cached && pending.size <= FEW_CHANGES) {
      // A few changes: each changed slot leaves its old place and is put back where it now belongs.
      order = cached;
      for (const slot of pending) {
        const old = order.indexOf(slot);
        if (old >= 0) {
          const next = new Int32Array(order.length - 1);
          next.set(order.subarray(0, old));
          next.set(order.subarray(old + 1), old);
          order = next;
        }
        if (listed[slot] !== 1) continue;
        let low = 0;
        let high = order.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (this.compareSlots(sort, order[mid]!, slot) < 0) low = mid + 1;
          else high = mid;
        }
        const next = new Int32Array(order.length + 1);
        next.set(order.subarray(0, low));
        next[low] = slot;
        next.set(order.subarray(low), low + 1);
        order = next;
      }
    } else {
      const slots: number[] = [];
      for (let slot = 0; slot < this.products.length; slot++) if (listed[slot] === 1) slots.push(slot);
      order = Int32Array.from(slots).sort((a, b) => this.compareSlots(sort, a, b));
    }
    pending.clear();
    this.orders[name] = order;
    return order;
  }

  /** Negative when slot a comes first in the sort's order (by value, then id). */
  private compareSlots(sort: ProductSort, a: number, b: number): number {
    const ids = this.columns.ids;
    return compareKeys(sort, this.valueOf(a, sort, 0), ids[a]!, this.valueOf(b, sort, 0), ids[b]!);
  }

  private changed(slot?: number): void {
    for (const name of ['newest', 'price', 'popular'] as const) {
      if (slot === undefined) this.orders[name] = undefined;
      if (this.orders[name]) this.pending[name].add(slot!);
      else this.pending[name].clear();
    }
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

function filterOf(
  query: ProductSearchQuery,
  columns: SlotColumns,
  products: (IndexedProduct | undefined)[],
): Filter {
  const { listed, price, seller, category } = columns;
  const { sellerId, minPrice, maxPrice } = query;
  const sellerNumber = sellerId === undefined ? undefined : (columns.sellerNumber(sellerId) ?? -1);
  const categories = query.categoryIds ? new Set(query.categoryIds) : null;
  const categoryNumbers = categories
    ? new Set([...categories].map((id) => columns.categoryNumber(id)))
    : null;
  const low = minPrice ?? -Infinity;
  const high = maxPrice ?? Infinity;
  return (slot) => {
    if (listed[slot] !== 1) return false;
    if (sellerNumber !== undefined && seller[slot] !== sellerNumber) return false;
    if (price[slot]! < low || price[slot]! > high) return false;
    if (categoryNumbers && !categoryNumbers.has(category[slot]!))
      return products[slot]!.categoryPathIds.some((id) => categories!.has(id));
    return true;
  };
}

function remember<T>(memo: Map<string, T>, key: string, value: T): void {
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}

const copy = (summary: ProductSummary): ProductSummary => ({
  ...summary,
  createdAt: new Date(summary.createdAt),
});
