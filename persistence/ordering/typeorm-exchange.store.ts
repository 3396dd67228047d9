import { In, LessThan, type DataSource } from 'typeorm';
import type { ExchangeRecord, ExchangeStatus, NewExchange } from '../../domain/ordering/exchange';
import type { ExchangeStore } from '../../domain/ordering/exchange-ports';
import { isUniqueViolation } from '../unique-violation';
import { OrderExchangeEntity } from './order-exchange.entity';

/** Exchange requests (order_exchanges); each change applies only from the status it expects, so a retried step changes nothing. */
export class TypeOrmExchangeStore implements ExchangeStore {
  constructor(private readonly dataSource: DataSource) {}

  private get rows() {
    return this.dataSource.getRepository(OrderExchangeEntity);
  }

  async open(exchange: NewExchange): Promise<void> {
    try {
      await this.rows.insert({
        ...exchange,
        status: 'REQUESTED',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        courier: null,
        invoiceNumber: null,
        shippedAt: null,
        deliveredAt: null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async decide(
    id: string,
    decision: {
      status: 'APPROVED' | 'REJECTED';
      decidedBy: string;
      decidedAt: Date;
      decisionReason: string | null;
    },
  ): Promise<void> {
    await this.rows.update({ id, status: 'REQUESTED' }, decision);
  }

  async shipped(id: string, parcel: { courier: string; invoiceNumber: string; at: Date }): Promise<void> {
    await this.rows.update(
      { id, status: In(['APPROVED', 'SHIPPED']) },
      {
        status: 'SHIPPED',
        courier: parcel.courier,
        invoiceNumber: parcel.invoiceNumber,
        shippedAt: parcel.at,
      },
    );
  }

  async delivered(id: string, at: Date): Promise<void> {
    await this.rows.update({ id, status: 'SHIPPED' }, { status: 'DELIVERED', deliveredAt: at });
  }

  find(id: string): Promise<ExchangeRecord | null> {
    return this.rows.findOneBy({ id });
  }

  exchangesOf(orderId: string): Promise<ExchangeRecord[]> {
    return this.rows.find({ where: { orderId }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  /** Exchange ids are time-ordered (UUIDv7), so the id alone orders and pages them. */
  async exchangesOfSeller(
    sellerId: string,
    page: { status?: ExchangeStatus; cursor?: string; limit: number },
  ): Promise<{ items: ExchangeRecord[]; nextCursor: string | null }> {
    const rows = await this.rows.find({
      where: {
        sellerId,
        ...(page.status ? { status: page.status } : {}),
        ...(page.cursor ? { id: LessThan(page.cursor) } : {}),
      },
      order: { id: 'DESC' },
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
  }

  /**
   * The replacement parcel's tracking status, by exchange: its shipment row names the exchange
   * (docs/shipping.md#parcels).
   */
  async trackingOf(exchangeIds: string[]): Promise<Map<string, string>> {
    if (exchangeIds.length === 0) return new Map();
    const marks = exchangeIds.map(() => '?').join(', ');
    const rows = (await this.dataSource.query(
      `SELECT exchange_id, status FROM shipments WHERE exchange_id IN (${marks})`,
      exchangeIds,
    )) as Array<{ exchange_id: string; status: string }>;
    return new Map(rows.map((row) => [row.exchange_id, row.status]));
  }
}
