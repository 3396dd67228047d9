import type { ProductSort, SearchCursor } from '../../../domain/catalog/search-query';

/**
 * The relevance score is folded with the creation time into one number, so the keyset cursor
 * (value, id) orders relevance ties by newest and then by id. Creation times stay below 2^42 ms
 * (the year 2109) and scores below 2^11, so the value is an exact integer.
 */
const SCORE_UNIT = 2 ** 42;

export const relevanceValue = (score: number, createdAt: number): number => score * SCORE_UNIT + createdAt;

/** Every sort is by value then id, both descending, except price_asc (both ascending). */
export const ascending = (sort: ProductSort): boolean => sort === 'price_asc';

/** Negative when (valueA, idA) comes first in the sort's order. */
export function compareKeys(
  sort: ProductSort,
  valueA: number,
  idA: string,
  valueB: number,
  idB: string,
): number {
  const order = valueA !== valueB ? valueA - valueB : idA < idB ? -1 : idA > idB ? 1 : 0;
  return ascending(sort) ? order : -order;
}

/** The first position in `length` sorted keys that comes after the cursor. */
export function positionAfter(
  sort: ProductSort,
  cursor: SearchCursor,
  length: number,
  keyAt: (index: number) => { value: number; id: string },
): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const key = keyAt(mid);
    if (compareKeys(sort, key.value, key.id, cursor.value, cursor.id) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
