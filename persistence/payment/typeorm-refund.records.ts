import { Not, type DataSource } from 'typeorm';
import type { RefundRecord, RefundRecords, RefundStatus } from '../../domain/payment';
import { isUniqueViolation } from '../unique-violation';
import { RefundEntity, type RefundRow } from './refund.entity';

const toRecord = (row: RefundRow): RefundRecord => ({
  refundId: row.refundId,
  orderId: row.orderId,
  pgAmount: row.pgAmount,
  pointsAmount: row.pointsAmount,
  status: row.status as RefundStatus,
  failureCode: row.failureCode ?? undefined,
  failureMessage: row.failureMessage ?? undefined,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export class TypeOrmRefundRecords implements RefundRecords {
  constructor(private readonly dataSource: DataSource) {}

  private get rows() {
    return this.dataSource.getRepository(RefundEntity);
  }

  async begin(refund: Omit<RefundRecord, 'status' | 'createdAt' | 'updatedAt'>, at: Date) {
    try {
      await this.rows.insert({
        ...refund,
        status: 'PENDING',
        failureCode: null,
        failureMessage: null,
        createdAt: at,
        updatedAt: at,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.rows.update(
        { refundId: refund.refundId, status: Not('DONE') },
        { status: 'PENDING', updatedAt: at },
      );
    }
    return toRecord(await this.rows.findOneByOrFail({ refundId: refund.refundId }));
  }

  async markDone(refundId: string, at: Date) {
    await this.rows.update(
      { refundId },
      { status: 'DONE', failureCode: null, failureMessage: null, updatedAt: at },
    );
  }

  async markFailed(refundId: string, failure: { code: string; message: string }, at: Date) {
    await this.rows.update(
      { refundId, status: Not('DONE') },
      {
        status: 'FAILED',
        failureCode: failure.code.slice(0, 80),
        failureMessage: failure.message.slice(0, 500),
        updatedAt: at,
      },
    );
  }

  async find(refundId: string) {
    const row = await this.rows.findOneBy({ refundId });
    return row ? toRecord(row) : null;
  }

  async ofOrder(orderId: string) {
    const rows = await this.rows.find({ where: { orderId }, order: { createdAt: 'ASC', refundId: 'ASC' } });
    return rows.map(toRecord);
  }
}
