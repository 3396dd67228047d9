import { isChoseongQuery } from '../../../domain/catalog/korean-text';
import type { ProductSearchDocument } from '../../../domain/catalog/search-document';
import type {
  ProductSearchPage,
  ProductSearchQuery,
  ProductSort,
  ProductSummary,
  SearchFacets,
} from '../../../domain/catalog/search-query';
import { BigramPostings } from './bigram-postings';
import { SlotColumns, sortValue } from './slot-columns';
import { SlotTexts } from './slot-texts';
import {
  fieldsOf,
  indexProduct,
  piecesOf,
  wordsOf,
  wordsOfField,
  type IndexedProduct,
} from './indexed-product';
import { CandidateFinder } from './candidate-finder';
import { countWhere, FacetCounter } from './search-facets';
import { filterKeyOf, filterOf, NO_FILTER, type Filter } from './search-filter';
import { ListOrders, type ListOrder } from './list-orders';
import { compareKeys, positionAfter } from './search-order';
import { ANY_FORM, NAME_MATCH, prepareTerm, termScore, type PreparedTerm } from './term-match';
import { ChangesDuringBuilds, TermListBuild, WantedTerms, type TermListJob } from './term-list-build';
import { TermMatchCache, type TermMatches } from './term-match-cache';
import { intersectTermLists } from './term-intersection';
import { TypoVocabulary } from './typo-vocabulary';
import { copy, pagePositions, remember, termKey, type MatchSet } from './search-memo';

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
  private readonly termCache = new TermMatchCache();
  /** Terms searched again whose match lists wait for a background build. */
  private readonly wanted = new WantedTerms();
  /** Scratch for the matches of listed terms, reused by every search (copied out at the end). */
  private scratchSlots: Int32Array = new Int32Array(0);
  private scratchValues: Float64Array = new Float64Array(0);
  private readonly listTotals = new Map<string, { total: number; facets: SearchFacets }>();
  /** The changes made while match lists are built in slices. */
  private readonly buildChanges = new ChangesDuringBuilds();

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

  /** Bytes held, roughly: texts, summaries, posting lists, the typo vocabulary and the terms' match lists. */
  memoryEstimate(): number {
    let bytes = this.postings.memoryEstimate() + this.vocabulary.memoryEstimate();
    bytes += this.texts.memoryEstimate() + this.columns.memoryEstimate() + this.termCache.memoryEstimate();
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
    const filter = filterOf(query, this.columns);
    if (terms.length === 0) return this.listPage(query, filterKey, filter);
    const key = JSON.stringify([terms, query.sort, filterKey]);
    let matches = this.memo.get(key);
    const repeated = matches !== undefined;
    if (!matches) {
      matches = this.match(terms, filter, query.sort);
      remember(this.memo, key, matches);
    }
    const page = pagePositions(matches, this.columns.ids, query, repeated);
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

  private match(terms: string[], filter: Filter, sort: ProductSort): MatchSet {
    const prepared = terms.map((text) => prepareTerm(text, this.vocabulary));
    const lists = this.termLists(prepared);
    const capacity = lists ? Math.min(...lists.map((list) => list.slots.length)) : 0;
    const wanted = capacity + this.termCache.changed.size;
    if (this.scratchSlots.length < wanted) {
      this.scratchSlots = new Int32Array(wanted * 2);
      this.scratchValues = new Float64Array(wanted * 2);
    }
    let slots = this.scratchSlots;
    let values = this.scratchValues;
    const facets = new FacetCounter(this.columns);
    let matched = 0;
    const keep = (slot: number, score: number) => {
      facets.add(slot);
      slots[matched] = slot;
      values[matched++] = sortValue(this.columns, slot, sort, score);
    };
    if (lists) {
      const changed = this.termCache.changed;
      intersectTermLists(lists, changed, filter, keep);
      for (const slot of changed) {
        if (!this.products[slot] || !filter(slot)) continue;
        const score = this.scoreAt(slot, prepared, null, 0);
        if (score > 0) keep(slot, score);
      }
    } else {
      const ordered = this.candidates.prepare(prepared, this.products.length);
      const found = this.candidates.find(ordered, this.products.length);
      slots = found.slots;
      values = new Float64Array(slots.length);
      const orderedTerms = ordered.map((forms) => forms.term);
      for (let i = 0; i < found.slots.length; i++) {
        const slot = found.slots[i]!;
        if (!filter(slot)) continue;
        const score = this.scoreAt(slot, orderedTerms, found.masks, i);
        if (score > 0) keep(slot, score);
      }
    }
    return { slots: slots.slice(0, matched), values: values.slice(0, matched), facets: facets.facets() };
  }

  /**
   * Each term's match list when every term is listed, else undefined: the query then narrows its
   * candidates in the postings. A term searched again waits in `wanted` for a build off the request
   * path (`buildWantedLists`; 14–67 ms for a common word at 100,000 products).
   */
  private termLists(terms: PreparedTerm[]): TermMatches[] | undefined {
    const lists: TermMatches[] = [];
    let complete = true;
    for (const term of terms) {
      const key = termKey(term);
      const list = this.termCache.get(key);
      if (list) lists.push(list);
      else {
        complete = false;
        if (!this.wanted.has(key) && this.termCache.worthListing(key)) this.wanted.add(key, term.text);
      }
    }
    return complete ? lists : undefined;
  }

  /** True while terms searched again wait for their match lists. */
  get wantsLists(): boolean {
    return this.wanted.size > 0;
  }

  /** A background build of the oldest wanted term's list (see `startTermList`), or undefined when none waits. */
  nextWantedList(): TermListJob | undefined {
    for (let text = this.wanted.take(); text !== undefined; text = this.wanted.take()) {
      const job = this.startTermList(text, true);
      if (job) return job;
    }
    return undefined;
  }

  /** Every product the term matches, with its score there, to be built by `step`. */
  private termListBuild(term: PreparedTerm): TermListBuild {
    const ordered = this.candidates.prepare([term], this.products.length);
    const found = this.candidates.find(ordered, this.products.length);
    const terms = [term];
    return new TermListBuild(found.slots, (i) => {
      const slot = found.slots[i]!;
      return this.products[slot] ? this.scoreAt(slot, terms, found.masks, i) : 0;
    });
  }

  /** Slots (some may be free), for a walk over `nameWords`. */
  get slotCount(): number {
    return this.products.length;
  }
  /** The words of a listed product's name (none for a free slot or a suspended product). */
  nameWords(slot: number): string[] {
    const product = this.products[slot];
    return product?.listed ? wordsOfField(product.name) : [];
  }

  /**
   * A background build of a term's match list (`term-list-warmup.ts`), undefined if listed already
   * (or a name word of 초성 only); the term is prepared here, as a change since it was wanted may
   * have changed its typo corrections.
   */
  startTermList(text: string, searched = false): TermListJob | undefined {
    if (!searched && isChoseongQuery(text)) return undefined;
    const term = prepareTerm(text, this.vocabulary);
    const key = termKey(term);
    if (this.termCache.get(key)) return undefined;
    const build = this.termListBuild(term);
    const changes = this.buildChanges.start();
    return {
      step: (deadline) => changes.stale || build.step(deadline),
      finish: () => {
        this.buildChanges.end(changes);
        if (changes.stale || this.termCache.get(key)) return 0;
        const list = build.result();
        this.termCache.set(key, list);
        for (const slot of changes.slots) this.termCache.slotChanged(slot);
        return list.slots.length;
      },
    };
  }

  /**
   * A product's score for the terms, 0 unless every term matches; `masks[t][i]` hints the forms
   * term t may match as in it (null: any form).
   */
  private scoreAt(slot: number, terms: PreparedTerm[], masks: Uint32Array[] | null, i: number): number {
    let score = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const forms = masks ? masks[t]![i]! : ANY_FORM;
      let termScoreHere = 0;
      const plain = !term.choseong && (forms & 1) === 1;
      if (plain) termScoreHere = this.texts.plainScore(slot, term.text);
      // Only a plain match in the name is sure to be the best: splits and typos may rank higher.
      if ((termScoreHere < NAME_MATCH && forms !== 1) || term.choseong)
        termScoreHere = termScore(this.products[slot]!, term, forms, plain ? termScoreHere : undefined);
      if (termScoreHere === 0) return 0;
      score += termScoreHere;
    }
    return score;
  }

  /** A list without keywords: walks the order sorted once per change, skipping filtered products. */
  private listPage(query: ProductSearchQuery, filterKey: string, filter: Filter): ProductSearchPage {
    const sort: ProductSort = query.sort === 'relevance' ? 'newest' : query.sort;
    const order = this.order(sort === 'newest' ? 'newest' : sort === 'popular' ? 'popular' : 'price');
    const backwards = sort === 'price_desc';
    const slotAt = (i: number) => order[backwards ? order.length - 1 - i : i]!;
    const start = query.after
      ? positionAfter(sort, query.after, order.length, (i) => ({
          value: sortValue(this.columns, slotAt(i), sort, 0),
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
      const facets = countWhere(this.columns, this.products.length, filter);
      counted = { total: facets.total, facets: facets.facets() };
      remember(this.listTotals, filterKey, counted);
    }
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        more && last
          ? {
              sort: query.sort,
              value: sortValue(this.columns, this.slots.get(last.id)!, sort, 0),
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
    return compareKeys(
      sort,
      sortValue(this.columns, a, sort, 0),
      ids[a]!,
      sortValue(this.columns, b, sort, 0),
      ids[b]!,
    );
  }

  private changed(slot?: number): void {
    this.buildChanges.changed(slot);
    this.orders.changed(slot);
    if (slot === undefined) this.termCache.clear();
    else this.termCache.slotChanged(slot);
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
