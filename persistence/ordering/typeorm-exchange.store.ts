import { In, type DataSource } from 'typeorm';
import type { ExchangeRecord, ExchangeStatus, NewExchange } from '../../domain/ordering/exchange';
import type { ExchangeStore } from '../../domain/ordering/exchange-ports';
import { isUniqueViolation } from '../unique-violation';
import { pageOfSeller, type SellerPageRequest } from './seller-page';
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

  exchangesOfSeller(
    sellerId: string,
    page: SellerPageRequest<ExchangeStatus>,
  ): Promise<{ items: ExchangeRecord[]; nextCursor: string | null }> {
    return pageOfSeller(this.rows, sellerId, page);
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
