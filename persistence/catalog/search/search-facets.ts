import { MAX_FACET_VALUES, PRICE_BANDS, type SearchFacets } from '../../../domain/catalog/search-query';
import type { Filter } from './search-filter';
import type { SlotColumns } from './slot-columns';

/**
 * Counts matches by category, price band and seller as they are added (by slot, from the
 * columns' numbers), then keeps the largest MAX_FACET_VALUES of each (ties by id). Every price
 * band is listed, empty ones with 0.
 */
export class FacetCounter {
  private categories: Int32Array;
  private sellers: Int32Array;
  /** How many were added and not taken away. */
  total = 0;
  private readonly bands = new Int32Array(PRICE_BANDS.length);

  constructor(private readonly columns: SlotColumns) {
    this.categories = new Int32Array(columns.categoryIds.length);
    this.sellers = new Int32Array(columns.sellerIds.length);
  }

  add(slot: number, by = 1): void {
    const category = this.columns.category[slot]!;
    const seller = this.columns.seller[slot]!;
    if (category >= this.categories.length || seller >= this.sellers.length) this.grow();
    if (category >= 0) this.categories[category]! += by;
    this.sellers[seller]! += by;
    this.total += by;
    const price = this.columns.price[slot]!;
    for (let band = 0; band < BAND_MIN.length; band++) {
      if (price >= BAND_MIN[band]! && price < BAND_MAX[band]!) {
        this.bands[band]! += by;
        break;
      }
    }
  }

  /** Takes away what `add` counted for the slot (its columns unchanged since). */
  remove(slot: number): void {
    this.add(slot, -1);
  }

  private grow(): void {
    const categories = new Int32Array(this.columns.categoryIds.length * 2 + 8);
    categories.set(this.categories);
    this.categories = categories;
    const sellers = new Int32Array(this.columns.sellerIds.length * 2 + 8);
    sellers.set(this.sellers);
    this.sellers = sellers;
  }

  facets(): SearchFacets {
    const { categoryIds, sellerIds, sellerNames } = this.columns;
    const categories: { categoryId: string; count: number }[] = [];
    this.categories.forEach((count, i) => {
      if (count > 0) categories.push({ categoryId: categoryIds[i]!, count });
    });
    const sellers: { sellerId: string; sellerName: string; count: number }[] = [];
    this.sellers.forEach((count, i) => {
      if (count > 0) sellers.push({ sellerId: sellerIds[i]!, sellerName: sellerNames[i]!, count });
    });
    return {
      categories: top(categories, (c) => c.categoryId),
      priceBands: PRICE_BANDS.map(([min, max], i) => ({ min, max, count: this.bands[i]! })),
      sellers: top(sellers, (s) => s.sellerId),
    };
  }
}

const BAND_MIN = Float64Array.from(PRICE_BANDS, ([min]) => min);
const BAND_MAX = Float64Array.from(PRICE_BANDS, ([, max]) => max ?? Infinity);

function top<T extends { count: number }>(values: T[], idOf: (value: T) => string): T[] {
  return values
    .sort((a, b) => b.count - a.count || (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0))
    .slice(0, MAX_FACET_VALUES);
}

/** Count and facets of the slots below `slotCount` that pass the filter. */
export function countWhere(columns: SlotColumns, slotCount: number, filter: Filter): FacetCounter {
  const facets = new FacetCounter(columns);
  for (let slot = 0; slot < slotCount; slot++) if (filter(slot)) facets.add(slot);
  return facets;
}
