import type { ProductSearchQuery } from '../../../domain/catalog/search-query';
import { ascending, compareKeys, positionAfter } from './search-order';

/**
 * Positions in the (unsorted) matches of the first `limit + 1` items after the cursor, in the
 * sort's order: a pass that keeps the best few, instead of sorting every match. Values are
 * compared as numbers first; ids only break ties.
 */
export function topAfter(
  slots: Int32Array,
  values: Float64Array,
  ids: string[],
  query: Pick<ProductSearchQuery, 'sort' | 'after' | 'limit'>,
): number[] {
  const { after } = query;
  const up = ascending(query.sort);
  const wanted = query.limit + 1;
  // Negative when match i comes before the item (value, id) in the sort's order.
  const order = (i: number, value: number, id: string): number => {
    const mine = values[i]!;
    if (mine !== value) return up ? mine - value : value - mine;
    const own = ids[slots[i]!]!;
    const byId = own < id ? -1 : own > id ? 1 : 0;
    return up ? byId : -byId;
  };
  const best: number[] = [];
  // The value of the worst kept match once `wanted` are kept: a match clearly behind it is skipped.
  let worstValue = up ? Infinity : -Infinity;
  for (let i = 0; i < slots.length; i++) {
    const value = values[i]!;
    if (best.length === wanted && (up ? value > worstValue : value < worstValue)) continue;
    if (after && order(i, after.value, after.id) <= 0) continue;
    if (best.length === wanted) {
      const worst = best[wanted - 1]!;
      if (order(i, values[worst]!, ids[slots[worst]!]!) >= 0) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && order(i, values[best[at - 1]!]!, ids[slots[best[at - 1]!]!]!) < 0) at--;
    best.splice(at, 0, i);
    if (best.length === wanted) worstValue = values[best[wanted - 1]!]!;
  }
  return best;
}

/** Matches this many or more are sorted once, when their query is asked again (a second page, a repeat). */
const SORT_FROM = 256;

/**
 * Positions of the page after the cursor, as `topAfter` gives them, from the matches sorted in
 * the sort's order (`order`: positions into slots/values): a binary search for the cursor, then
 * a slice.
 */
export function pageFromSorted(
  order: Int32Array,
  slots: Int32Array,
  values: Float64Array,
  ids: string[],
  query: Pick<ProductSearchQuery, 'sort' | 'after' | 'limit'>,
): number[] {
  const { sort, after } = query;
  const start = after
    ? positionAfter(sort, after, order.length, (i) => ({
        value: values[order[i]!]!,
        id: ids[slots[order[i]!]!]!,
      }))
    : 0;
  return Array.from(order.subarray(start, start + query.limit + 1));
}

/** The matches' positions in the sort's order, or undefined when there are too few to be worth it. */
export function sortedOrder(
  slots: Int32Array,
  values: Float64Array,
  ids: string[],
  sort: ProductSearchQuery['sort'],
): Int32Array | undefined {
  if (slots.length < SORT_FROM) return undefined;
  const order = new Int32Array(slots.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => compareKeys(sort, values[a]!, ids[slots[a]!]!, values[b]!, ids[slots[b]!]!));
}
