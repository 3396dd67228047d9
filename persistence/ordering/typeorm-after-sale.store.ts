import type { DataSource } from 'typeorm';
import type {
  NewReturnRequest,
  OrderCheckoutRecord,
  OrderReturnRecord,
  ReturnDecisionRecord,
  ReturnStatus,
} from '../../domain/ordering/after-sale';
import type { AfterSaleStore } from '../../domain/ordering/ports';
import { isUniqueViolation } from '../unique-violation';
import { pageOfSeller, type SellerPageRequest } from './seller-page';
import { OrderCheckoutEntity, OrderReturnEntity } from './after-sale.entities';

export class TypeOrmAfterSaleStore implements AfterSaleStore {
  constructor(private readonly dataSource: DataSource) {}

  private get checkouts() {
    return this.dataSource.getRepository(OrderCheckoutEntity);
  }

  private get returns() {
    return this.dataSource.getRepository(OrderReturnEntity);
  }

  async saveCheckout(row: OrderCheckoutRecord): Promise<void> {
    await this.checkouts.insert(row);
  }

  async latestCheckout(orderId: string): Promise<OrderCheckoutRecord | null> {
    return this.checkouts.findOne({ where: { orderId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async openReturn(row: NewReturnRequest): Promise<void> {
    try {
      await this.returns.insert({
        ...row,
        reasonCode: row.reasonCode ?? null,
        returnedLineIds: row.returnedLineIds ?? null,
        refundBreakdown: null,
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

  async decideReturn(id: string, decision: ReturnDecisionRecord): Promise<void> {
    await this.returns.update({ id, status: 'REQUESTED' }, decision);
  }

  findReturn(id: string): Promise<OrderReturnRecord | null> {
    return this.returns.findOneBy({ id });
  }

  returnsOf(orderId: string): Promise<OrderReturnRecord[]> {
    return this.returns.find({ where: { orderId }, order: { requestedAt: 'ASC' } });
  }

  returnsOfSeller(
    sellerId: string,
    page: SellerPageRequest<ReturnStatus>,
  ): Promise<{ items: OrderReturnRecord[]; nextCursor: string | null }> {
    return pageOfSeller(this.returns, sellerId, page);
  }
}
