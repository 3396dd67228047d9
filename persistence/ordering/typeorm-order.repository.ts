import { In, LessThan, type DataSource, type EntityManager } from 'typeorm';
import type { PiiCipher } from '../../domain/identity/ports';
import type { Order } from '../../domain/ordering/order';
import type { OrderHistoryEntry } from '../../domain/ordering/order-history';
import type { OrderStatus } from '../../domain/ordering/order-status';
import type {
  OrderPage,
  OrderRepository,
  SellerOrderPart,
  VersionedOrder,
} from '../../domain/ordering/ports';
import { DuplicateKeyError, type Transaction } from '../../domain/shared/unit-of-work';
import { execute, select, sqlTime } from '../inventory/sql';
import { managerOf } from '../inventory/typeorm-unit-of-work';
import { primaryReads, type ReadRoute } from '../read-replicas';
import { isUniqueViolation } from '../unique-violation';
import {
  decryptAddress,
  historyFromRow,
  historyToRow,
  lineFromRow,
  lineRows,
  orderFromRows,
  orderToRow,
  partRows,
} from './order.mapper';
import {
  OrderEntity,
  OrderHistoryEntity,
  OrderLineEntity,
  OrderPartEntity,
  type OrderLineRow,
  type OrderRow,
} from './ordering.entities';

const PAID_STATUSES: OrderStatus[] = [
  'PAID',
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'PURCHASE_CONFIRMED',
  'RETURN_REQUESTED',
  'RETURNED',
  // The seller ships the replacement of an exchange to the same address.
  'EXCHANGE_REQUESTED',
  'EXCHANGE_APPROVED',
  'EXCHANGE_IN_TRANSIT',
];

/** Orders with their parts, lines and history (the shipping address encrypted). */
export class TypeOrmOrderRepository implements OrderRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly newId: () => string,
    /** Answers sellers' order lists (lag-tolerant); a buyer's own orders and details stay on the primary. */
    private readonly reads: ReadRoute = primaryReads(dataSource),
  ) {}

  async insert(
    order: Order,
    history: OrderHistoryEntry[],
    idempotency: { key: string | null; requestHash: string | null },
    tx: Transaction,
  ): Promise<void> {
    const manager = managerOf(this.dataSource, tx);
    try {
      await manager.insert(OrderEntity, orderToRow(order, this.cipher, idempotency));
      await manager.insert(OrderPartEntity, partRows(order, this.newId));
      await manager.insert(OrderLineEntity, lineRows(order));
      await this.appendHistory(history, 0, null, manager);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DuplicateKeyError(`Order ${order.orderNumber} or its Idempotency-Key is taken`, {
        cause: error,
      });
    }
  }

  /**
   * Appends entries numbered from `firstSeq` (timeline order); the first carries `transitionKey`
   * (unique per order), so a retried change is recorded once.
   */
  private async appendHistory(
    entries: OrderHistoryEntry[],
    firstSeq: number,
    transitionKey: string | null,
    manager: EntityManager,
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      OrderHistoryEntity,
      entries.map((entry, i) =>
        historyToRow(
          entry,
          this.newId(),
          firstSeq + i,
          transitionKey === null ? null : i === 0 ? transitionKey : `${transitionKey}#${i}`,
        ),
      ),
    );
  }

  async hasTransition(orderId: string, transitionKey: string, tx: Transaction): Promise<boolean> {
    return (await managerOf(this.dataSource, tx).countBy(OrderHistoryEntity, { orderId, transitionKey })) > 0;
  }

  async findById(orderId: string, tx?: Transaction): Promise<VersionedOrder | null> {
    const manager = managerOf(this.dataSource, tx);
    const row = await manager.findOneBy(OrderEntity, { id: orderId });
    return row ? this.assemble(row, manager) : null;
  }

  async buyerOf(orderId: string): Promise<string | null> {
    const rows = await select<{ user_id: string }>(
      this.dataSource.manager,
      'SELECT user_id FROM orders WHERE id = ?',
      [orderId],
    );
    return rows[0]?.user_id ?? null;
  }

  /** The order a buyer already placed with this Idempotency-Key, and the hash of the body that placed it. */
  async findByIdempotencyKey(
    userId: string,
    key: string,
  ): Promise<{ order: Order; requestHash: string | null } | null> {
    const manager = this.dataSource.manager;
    const row = await manager.findOneBy(OrderEntity, { userId, idempotencyKey: key });
    return row ? { order: await this.assemble(row, manager), requestHash: row.requestHash } : null;
  }

  /**
   * Saves a transition: the order's status and every part's, guarded by the version read with it
   * (false when another writer got there first: the caller reads again), plus its history.
   */
  async saveTransition(
    order: Order,
    expectedVersion: number,
    history: OrderHistoryEntry[],
    transitionKey: string | null,
    tx: Transaction,
  ): Promise<boolean> {
    const manager = managerOf(this.dataSource, tx);
    const at = sqlTime(order.updatedAt);
    const updated = await execute(
      manager,
      'UPDATE orders SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      [order.status, at, order.id, expectedVersion],
    );
    if (updated !== 1) return false;
    for (const part of order.parts) {
      await execute(
        manager,
        'UPDATE order_parts SET status = ?, updated_at = ? WHERE order_id = ? AND seller_id = ? AND status <> ?',
        [part.status, at, order.id, part.sellerId, part.status],
      );
    }
    await this.appendHistory(history, expectedVersion * 1000, transitionKey, manager);
    return true;
  }

  async history(orderId: string): Promise<OrderHistoryEntry[]> {
    const rows = await this.dataSource.manager.find(OrderHistoryEntity, {
      where: { orderId },
      order: { seq: 'ASC' },
    });
    return rows.map(historyFromRow);
  }

  /** Orders still awaiting payment that were placed before `cutoff`, oldest first (the placement sweep). */
  async awaitingPaymentBefore(cutoff: Date, limit: number): Promise<Order[]> {
    const rows = await this.dataSource.manager.find(OrderEntity, {
      where: { status: 'PENDING_PAYMENT', placedAt: LessThan(cutoff) },
      order: { placedAt: 'ASC' },
      take: limit,
    });
    return this.assembleMany(rows);
  }

  /** A buyer's orders, newest first (ids are UUIDv7: time-ordered), keyset-paginated by id. */
  async listByUser(userId: string, page: { limit: number; cursor?: string }): Promise<OrderPage<Order>> {
    const rows = await this.dataSource.manager.find(OrderEntity, {
      where: { userId, ...(page.cursor ? { id: LessThan(page.cursor) } : {}) },
      order: { id: 'DESC' },
      take: page.limit + 1,
    });
    const pageRows = rows.slice(0, page.limit);
    const orders = await this.assembleMany(pageRows);
    return { items: orders, nextCursor: rows.length > page.limit ? pageRows[pageRows.length - 1]!.id : null };
  }

  /** A seller's parts of orders, newest first, with only that seller's lines. */
  async listBySeller(
    sellerId: string,
    page: { limit: number; cursor?: string; status?: OrderStatus },
  ): Promise<OrderPage<SellerOrderPart>> {
    return this.reads.read((db) => this.sellerPage(db.manager, sellerId, page));
  }

  private async sellerPage(
    manager: EntityManager,
    sellerId: string,
    page: { limit: number; cursor?: string; status?: OrderStatus },
  ): Promise<OrderPage<SellerOrderPart>> {
    const parts = await manager.find(OrderPartEntity, {
      where: {
        sellerId,
        ...(page.status ? { status: page.status } : {}),
        ...(page.cursor ? { orderId: LessThan(page.cursor) } : {}),
      },
      order: { orderId: 'DESC' },
      take: page.limit + 1,
    });
    const pageParts = parts.slice(0, page.limit);
    if (pageParts.length === 0) return { items: [], nextCursor: null };
    const orderIds = pageParts.map((p) => p.orderId);
    const orders = new Map((await manager.findBy(OrderEntity, { id: In(orderIds) })).map((o) => [o.id, o]));
    const lines = await manager.find(OrderLineEntity, {
      where: { orderId: In(orderIds), sellerId },
      order: { position: 'ASC' },
    });
    const items = pageParts.map((part): SellerOrderPart => {
      const order = orders.get(part.orderId)!;
      const status = part.status as OrderStatus;
      return {
        orderId: part.orderId,
        orderNumber: order.orderNumber,
        status,
        orderStatus: order.status as OrderStatus,
        subtotal: Number(part.subtotal),
        shippingFee: Number(part.shippingFee ?? 0),
        lines: lines.filter((l) => l.orderId === part.orderId).map(lineFromRow),
        placedAt: part.placedAt,
        shippingAddress: PAID_STATUSES.includes(status)
          ? decryptAddress(this.cipher, order.shippingAddress)
          : null,
      };
    });
    return { items, nextCursor: parts.length > page.limit ? pageParts[pageParts.length - 1]!.orderId : null };
  }

  /** Withdrawal: the address and recipient go; the order record stays (5-year retention). Idempotent. */
  async erasePersonalData(userId: string, at: Date): Promise<number> {
    return execute(
      this.dataSource.manager,
      'UPDATE orders SET shipping_address = NULL, personal_data_erased_at = ? WHERE user_id = ? AND shipping_address IS NOT NULL',
      [sqlTime(at), userId],
    );
  }

  private async assemble(row: OrderRow, manager: EntityManager): Promise<VersionedOrder> {
    const parts = await manager.findBy(OrderPartEntity, { orderId: row.id });
    const lines = await manager.findBy(OrderLineEntity, { orderId: row.id });
    return { ...orderFromRows(row, parts, lines, this.cipher), version: Number(row.version) };
  }

  private async assembleMany(rows: OrderRow[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const parts = await this.dataSource.manager.findBy(OrderPartEntity, { orderId: In(ids) });
    const lines: OrderLineRow[] = await this.dataSource.manager.findBy(OrderLineEntity, { orderId: In(ids) });
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
