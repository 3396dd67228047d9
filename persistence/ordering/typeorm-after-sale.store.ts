import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../unique-violation';
import {
  OrderCheckoutEntity,
  OrderReturnEntity,
  type OrderCheckoutRow,
  type OrderReturnRow,
  type ReturnStatus,
} from './after-sale.entities';

export interface ReturnDecisionRecord {
  status: Exclude<ReturnStatus, 'REQUESTED'>;
  decidedBy: string;
  decidedAt: Date;
  decisionReason: string | null;
  deductionAmount: number | null;
  refundAmount: number | null;
}

/** Checkouts prepared with the PGs and return requests of orders. Every write may be repeated. */
export class TypeOrmAfterSaleStore {
  constructor(private readonly dataSource: DataSource) {}

  private get checkouts() {
    return this.dataSource.getRepository(OrderCheckoutEntity);
  }

  private get returns() {
    return this.dataSource.getRepository(OrderReturnEntity);
  }

  async saveCheckout(row: OrderCheckoutRow): Promise<void> {
    await this.checkouts.insert(row);
  }

  async latestCheckout(orderId: string): Promise<OrderCheckoutRow | null> {
    return this.checkouts.findOne({ where: { orderId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Stores the request once (a retried activity finds it). */
  async openReturn(
    row: Omit<
      OrderReturnRow,
      'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'deductionAmount' | 'refundAmount'
    >,
  ): Promise<void> {
    try {
      await this.returns.insert({
        ...row,
        status: 'REQUESTED',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        deductionAmount: null,
        refundAmount: null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Records the decision on a pending request; a repeat of a decided one changes nothing. */
  async decideReturn(id: string, decision: ReturnDecisionRecord): Promise<void> {
    await this.returns.update({ id, status: 'REQUESTED' }, decision);
  }

  findReturn(id: string): Promise<OrderReturnRow | null> {
    return this.returns.findOneBy({ id });
  }

  returnsOf(orderId: string): Promise<OrderReturnRow[]> {
    return this.returns.find({ where: { orderId }, order: { requestedAt: 'ASC' } });
  }
}
