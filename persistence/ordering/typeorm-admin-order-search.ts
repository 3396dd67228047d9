import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../domain/identity/ports';
import type { Order } from '../../domain/ordering/order';
import type { AdminOrderFilter, AdminOrderSearch, OrderPage } from '../../domain/ordering/ports';
import { sqlTime } from '../inventory/sql';
import { orderFromRows } from './order.mapper';
import { OrderEntity, OrderLineEntity, OrderPartEntity, type OrderRow } from './ordering.entities';
import { In } from 'typeorm';

/** Operators' order look-ups: by number (unique index) and a filtered list, newest first. */
export class TypeOrmAdminOrderSearch implements AdminOrderSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async findByOrderNumber(orderNumber: string): Promise<Order | null> {
    const row = await this.dataSource.manager.findOneBy(OrderEntity, { orderNumber });
    return row ? (await this.assemble([row]))[0]! : null;
  }

  async search(
    filter: AdminOrderFilter,
    page: { limit: number; cursor?: string },
  ): Promise<OrderPage<Order>> {
    if (filter.buyerIds && filter.buyerIds.length === 0) return { items: [], nextCursor: null };
    const query = this.dataSource.manager.createQueryBuilder(OrderEntity, 'o');
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.orderNumber)
      query.andWhere('o.orderNumber = :orderNumber', { orderNumber: filter.orderNumber });
    if (filter.buyerIds) query.andWhere('o.userId IN (:...buyerIds)', { buyerIds: filter.buyerIds });
    if (filter.placedFrom) query.andWhere('o.placedAt >= :from', { from: sqlTime(filter.placedFrom) });
    if (filter.placedBefore) query.andWhere('o.placedAt < :before', { before: sqlTime(filter.placedBefore) });
    if (filter.sellerId)
      query.andWhere('o.id IN (SELECT p.order_id FROM order_parts p WHERE p.seller_id = :sellerId)', {
        sellerId: filter.sellerId,
      });
    if (page.cursor) query.andWhere('o.id < :cursor', { cursor: page.cursor });
    const rows = await query
      .orderBy('o.id', 'DESC')
      .take(page.limit + 1)
      .getMany();
    const pageRows = rows.slice(0, page.limit);
    return {
      items: await this.assemble(pageRows),
      nextCursor: rows.length > page.limit ? pageRows[pageRows.length - 1]!.id : null,
    };
  }

  private async assemble(rows: OrderRow[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const parts = await this.dataSource.manager.findBy(OrderPartEntity, { orderId: In(ids) });
    const lines = await this.dataSource.manager.findBy(OrderLineEntity, { orderId: In(ids) });
    return rows.map((row) =>
      orderFromRows(
        row,
        parts.filter((p) => p.orderId === row.id),
        lines.filter((l) => l.orderId === row.id),
        this.cipher,
      ),
    );
  }
}
