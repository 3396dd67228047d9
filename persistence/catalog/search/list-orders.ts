import type { ProductSort } from '../../../domain/catalog/search-query';

export type ListOrder = 'newest' | 'price' | 'popular';

/** More changes than this between two lists and an order is sorted afresh. */
const FEW_CHANGES = 64;

/** What an order is built from: the slots, which of them are listed, and the sort's comparison. */
export interface OrderSource {
  slotCount: number;
  listed: ArrayLike<number>;
  /** Negative when slot a comes first in the sort's order. */
  compare(sort: ProductSort, a: number, b: number): number;
}

/**
 * The listed products sorted once per list order, for lists without keywords. A change marks its
 * slot; the next list of that order moves a few marked slots to their new places, or sorts afresh
 * after many.
 */
export class ListOrders {
  private orders: Partial<Record<ListOrder, Int32Array>> = {};
  private readonly pending: Record<ListOrder, Set<number>> = {
    newest: new Set(),
    price: new Set(),
    popular: new Set(),
  };

  /** Listed products in one order (price ascending; walked backwards for price_desc). */
  get(name: ListOrder, source: OrderSource): Int32Array {
    const sort: ProductSort = name === 'price' ? 'price_asc' : name;
    const cached = this.orders[name];
    const pending = this.pending[name];
    if (cached && pending.size === 0) return cached;
    const order =
      cached && pending.size <= FEW_CHANGES ? moved(cached, pending, sort, source) : sorted(sort, source);
    pending.clear();
    this.orders[name] = order;
    return order;
  }

  /** A slot changed (undefined: everything did). */
  changed(slot?: number): void {
    for (const name of ['newest', 'price', 'popular'] as const) {
      if (slot === undefined) this.orders[name] = undefined;
      if (this.orders[name]) this.pending[name].add(slot!);
      else this.pending[name].clear();
    }
  }
}

function sorted(sort: ProductSort, source: OrderSource): Int32Array {
  const slots: number[] = [];
  for (let slot = 0; slot < source.slotCount; slot++) if (source.listed[slot] === 1) slots.push(slot);
  return Int32Array.from(slots).sort((a, b) => source.compare(sort, a, b));
}

/** Each changed slot leaves its old place and is put back where it now belongs. */
function moved(order: Int32Array, changed: Set<number>, sort: ProductSort, source: OrderSource): Int32Array {
  for (const slot of changed) {
    const old = order.indexOf(slot);
    if (old >= 0) {
      const next = new Int32Array(order.length - 1);
      next.set(order.subarray(0, old));
      next.set(order.subarray(old + 1), old);
      order = next;
    }
    if (source.listed[slot] !== 1) continue;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (source.compare(sort, order[mid]!, slot) < 0) low = mid + 1;
      else high = mid;
    }
    const next = new Int32Array(order.length + 1);
    next.set(order.subarray(0, low));
    next[low] = slot;
    next.set(order.subarray(low), low + 1);
    order = next;
  }
  return order;
}
