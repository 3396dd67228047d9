import type { ProductSort } from '../../../domain/catalog/search-query';
import { relevanceValue } from './search-order';
import type { IndexedProduct } from './indexed-product';

/**
 * The numbers filters, sorts and facets read, by slot, in typed arrays: a pass over thousands of
 * matches then reads a few contiguous arrays instead of each document's objects. Sellers and
 * categories are numbered in the order they are first seen.
 */
export class SlotColumns {
  listed = new Uint8Array(0);
  price = new Float64Array(0);
  createdAt = new Float64Array(0);
  popularity = new Float64Array(0);
  /** Number of the seller; of the category (-1 for none). */
  seller = new Int32Array(0);
  category = new Int32Array(0);
  /** Number of the product's category path (its ids, root first); `paths` holds each path's ids. */
  path = new Int32Array(0);
  readonly paths: string[][] = [];
  ids: string[] = [];
  readonly sellerIds: string[] = [];
  readonly sellerNames: string[] = [];
  readonly categoryIds: string[] = [];
  private readonly sellerNumbers = new Map<string, number>();
  private readonly categoryNumbers = new Map<string, number>();
  private readonly pathNumbers = new Map<string, number>();

  set(slot: number, product: IndexedProduct | undefined): void {
    if (slot >= this.listed.length) this.grow(Math.max(1024, slot * 2));
    if (!product) {
      this.listed[slot] = 0;
      return;
    }
    const { summary } = product;
    this.listed[slot] = product.listed ? 1 : 0;
    this.price[slot] = summary.price;
    this.createdAt[slot] = product.createdAt;
    this.popularity[slot] = summary.popularity;
    this.ids[slot] = summary.id;
    let seller = this.sellerNumbers.get(summary.sellerId);
    if (seller === undefined) {
      seller = this.sellerIds.length;
      this.sellerNumbers.set(summary.sellerId, seller);
      this.sellerIds.push(summary.sellerId);
    }
    this.sellerNames[seller] = summary.sellerName;
    this.seller[slot] = seller;
    this.category[slot] = summary.categoryId === null ? -1 : this.categoryNumber(summary.categoryId);
    const pathKey = product.categoryPathIds.join('\u0001');
    let path = this.pathNumbers.get(pathKey);
    if (path === undefined) {
      path = this.paths.length;
      this.pathNumbers.set(pathKey, path);
      this.paths.push([...product.categoryPathIds]);
    }
    this.path[slot] = path;
  }

  categoryNumber(id: string): number {
    let number = this.categoryNumbers.get(id);
    if (number === undefined) {
      number = this.categoryIds.length;
      this.categoryNumbers.set(id, number);
      this.categoryIds.push(id);
    }
    return number;
  }

  sellerNumber(id: string): number | undefined {
    return this.sellerNumbers.get(id);
  }

  memoryEstimate(): number {
    return this.listed.length * 45 + this.ids.length * 8;
  }

  clear(): void {
    this.listed.fill(0);
  }

  private grow(capacity: number): void {
    const grown = <T extends Uint8Array | Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old as never);
      return next;
    };
    this.listed = grown(this.listed, (n) => new Uint8Array(n));
    this.price = grown(this.price, (n) => new Float64Array(n));
    this.createdAt = grown(this.createdAt, (n) => new Float64Array(n));
    this.popularity = grown(this.popularity, (n) => new Float64Array(n));
    this.seller = grown(this.seller, (n) => new Int32Array(n));
    this.category = grown(this.category, (n) => new Int32Array(n));
    this.path = grown(this.path, (n) => new Int32Array(n));
  }
}

/** The sort key of a slot (for relevance, the score folded with the creation time). */
export function sortValue(columns: SlotColumns, slot: number, sort: ProductSort, score: number): number {
  switch (sort) {
    case 'relevance':
      return relevanceValue(score, columns.createdAt[slot]!);
    case 'newest':
      return columns.createdAt[slot]!;
    case 'price_asc':
    case 'price_desc':
      return columns.price[slot]!;
    case 'popular':
      return columns.popularity[slot]!;
  }
}
