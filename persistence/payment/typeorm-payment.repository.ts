import { In, Not, IsNull, type DataSource } from 'typeorm';
import {
  statusesBefore,
  type PaymentAdvance,
  type PaymentEventRecord,
  type PaymentRecord,
  type PaymentRepository,
} from '../../domain/payment';
import { isUniqueViolation } from '../unique-violation';
import { PaymentEntity, PaymentEventEntity, type PaymentRow } from './payment.entities';
import { toPaymentRecord, toPaymentRow } from './payment.mapper';

export class TypeOrmPaymentRepository implements PaymentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get rows() {
    return this.dataSource.getRepository(PaymentEntity);
  }

  async begin(record: PaymentRecord) {
    try {
      await this.rows.insert(toPaymentRow(record));
      return record;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return toPaymentRecord(
        await this.rows.findOneByOrFail({ orderId: record.orderId, attempt: record.attempt }),
      );
    }
  }

  async findAttempt(orderId: string, attempt: number) {
    const row = await this.rows.findOneBy({ orderId, attempt });
    return row ? toPaymentRecord(row) : null;
  }

  async findById(id: string) {
    const row = await this.rows.findOneBy({ id });
    return row ? toPaymentRecord(row) : null;
  }

  async findForPg(orderId: string, pgTransactionId: string) {
    const row =
      (await this.rows.findOne({ where: { orderId, pgTransactionId }, order: { attempt: 'DESC' } })) ??
      (await this.rows.findOne({ where: { orderId }, order: { attempt: 'DESC' } }));
    return row ? toPaymentRecord(row) : null;
  }

  async advance(id: string, change: PaymentAdvance, now: Date) {
    const columns: Partial<PaymentRow> = { status: change.status, updatedAt: now };
    if (change.pgTransactionId !== undefined) columns.pgTransactionId = change.pgTransactionId;
    if (change.pgStatus !== undefined) columns.pgStatus = change.pgStatus;
    if (change.rawResponse !== undefined) columns.rawResponse = JSON.stringify(change.rawResponse);
    if (change.callbackSecret !== undefined) columns.callbackSecret = change.callbackSecret;
    if (change.approvedAt !== undefined) columns.approvedAt = change.approvedAt;
    if (change.cancelledAmount !== undefined) columns.cancelledAmount = change.cancelledAmount;
    if (change.failureCode !== undefined) columns.failureCode = change.failureCode.slice(0, 80);
    if (change.failureMessage !== undefined) columns.failureMessage = change.failureMessage.slice(0, 500);
    const result = await this.rows.update({ id, status: In(statusesBefore(change.status)) }, columns);
    return (result.affected ?? 0) > 0;
  }

  async callbackSecretOf(orderId: string) {
    const row = await this.rows.findOne({
      where: { orderId, callbackSecret: Not(IsNull()) },
      order: { attempt: 'DESC' },
    });
    return row?.callbackSecret ?? undefined;
  }

  async recordEvent(event: PaymentEventRecord) {
    try {
      await this.dataSource.getRepository(PaymentEventEntity).insert(event);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
