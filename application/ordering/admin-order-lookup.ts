import type { Order } from '../../domain/ordering/order';
import { ORDER_NUMBER_PATTERN } from '../../domain/ordering/order-number';
import type { OrderStatus } from '../../domain/ordering/order-status';
import { invalidFields, orderNotFound } from '../../domain/ordering/ordering-errors';
import type {
  AdminOrderFilter,
  AdminOrderSearch,
  BuyerDirectory,
  OrderPage,
} from '../../domain/ordering/ports';

export interface AdminOrderQuery {
  status?: OrderStatus;
  sellerId?: string;
  /** First day, `YYYY-MM-DD` in Korean time (inclusive). */
  from?: string;
  /** Last day, `YYYY-MM-DD` in Korean time (inclusive). */
  to?: string;
  orderNumber?: string;
  buyerEmail?: string;
  buyerPhone?: string;
  cursor?: string;
  limit: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A Korean calendar day's first instant (KST has no daylight saving time). */
function seoulMidnight(day: string, field: string): Date {
  const at = DAY.test(day) ? new Date(`${day}T00:00:00+09:00`) : new Date(NaN);
  // `2026-02-30` parses as another day: the day read back must be the one asked for.
  if (Number.isNaN(at.getTime()) || new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10) !== day)
    throw invalidFields([{ field, message: 'must be a date YYYY-MM-DD (Korean time)' }]);
  return at;
}

/** Operators find orders: by number, by buyer (keyed hash of e-mail or phone) and by filters. */
export class AdminOrderLookup {
  constructor(private readonly deps: { search: AdminOrderSearch; buyers?: BuyerDirectory }) {}

  async byNumber(orderNumber: string, field = 'path.orderNumber'): Promise<Order> {
    const number = orderNumber.trim().toUpperCase();
    if (!ORDER_NUMBER_PATTERN.test(number))
      throw invalidFields([{ field, message: 'must be an order number like JT2026112404718263' }]);
    const order = await this.deps.search.findByOrderNumber(number);
    if (!order) throw orderNotFound(number);
    return order;
  }

  async list(query: AdminOrderQuery): Promise<OrderPage<Order>> {
    const filter: AdminOrderFilter = { status: query.status, sellerId: query.sellerId };
    if (query.orderNumber !== undefined) {
      filter.orderNumber = query.orderNumber.trim().toUpperCase();
      if (!ORDER_NUMBER_PATTERN.test(filter.orderNumber))
        throw invalidFields([
          { field: 'query.orderNumber', message: 'must be an order number like JT2026112404718263' },
        ]);
    }
    if (query.from !== undefined) filter.placedFrom = seoulMidnight(query.from, 'query.from');
    if (query.to !== undefined)
      filter.placedBefore = new Date(seoulMidnight(query.to, 'query.to').getTime() + DAY_MS);
    if (filter.placedFrom && filter.placedBefore && filter.placedFrom >= filter.placedBefore)
      throw invalidFields([{ field: 'query.to', message: 'must not be before `from`' }]);
    if (query.buyerEmail !== undefined || query.buyerPhone !== undefined) {
      const buyers = this.deps.buyers;
      let ids: string[] | null = null;
      if (query.buyerEmail !== undefined) ids = buyers ? await buyers.userIdsByEmail(query.buyerEmail) : [];
      if (query.buyerPhone !== undefined) {
        const byPhone = buyers ? await buyers.userIdsByPhone(query.buyerPhone) : [];
        ids = ids === null ? byPhone : ids.filter((id) => byPhone.includes(id));
      }
      filter.buyerIds = ids ?? [];
    }
    return this.deps.search.search(filter, { limit: query.limit, cursor: query.cursor });
  }
}
