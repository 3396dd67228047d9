import { createHash } from 'node:crypto';
import { In, IsNull, LessThan, type DataSource, type FindOptionsWhere } from 'typeorm';
import {
  payableEntries,
  SETTLEMENT_LINE_KINDS,
  SettlementError,
  SettlementErrorCode,
  type PayableLinesInput,
  type RefundAdjustment,
  type SettlementDetail,
  type SettlementPayout,
  type SettlementStatus,
  type SettlementStore,
  type SettlementTaxInvoice,
  type SettlementWeek,
} from '../../domain/settlement';
import { primaryReads, type ReadRoute } from '../read-replicas';
import { isUniqueViolation } from '../unique-violation';
import {
  AdjustmentEntity,
  PayableLineEntity,
  PayoutEntity,
  SettlementEntity,
  SettlementLineEntity,
  TaxInvoiceEntity,
  type SettlementRow,
  type TaxInvoiceRow,
} from './settlement.entities';
import { prepareSettlement, sellersToSettle } from './settlement-run';
import { raw, toAdjustment, toPayout, toSettlement, toTaxInvoice } from './settlement.mapper';

/** The 36-character id of a part's shipping fee line, derived from its first order line's id. */
const shippingLineId = (orderLineId: string) =>
  createHash('sha256').update(`shipping:${orderLineId}`).digest('hex').slice(0, 36);

/** Settlement's tables on MariaDB or SQLite. Claims are conditional updates, so no line is ever paid twice. */
export class TypeOrmSettlementStore implements SettlementStore {
  /** `reads` answers the settlement lists only (sellers' and admins' pages); every other read and write is on the primary. */
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadRoute = primaryReads(dataSource),
  ) {}

  async recordPayableLines(input: PayableLinesInput, feeRateBps: number, now: Date) {
    const rows = this.dataSource.getRepository(PayableLineEntity);
    const known = new Set(
      (
        await rows.find({
          select: { orderLineId: true, kind: true },
          where: { orderLineId: In(input.lines.map((line) => line.orderLineId)) },
        })
      ).map((row) => `${row.kind}:${row.orderLineId}`),
    );
    let recorded = 0;
    for (const entry of payableEntries(input, feeRateBps)) {
      if (known.has(`${entry.kind}:${entry.orderLineId}`)) continue;
      try {
        await rows.insert({
          ...entry,
          // (order line, kind) is unique already; an id derived from it keeps a retried intake from minting new ones.
          id: entry.kind === 'SALE' ? entry.orderLineId : shippingLineId(entry.orderLineId),
          orderId: input.orderId,
          orderNumber: input.orderNumber,
          sellerId: input.sellerId,
          purchaseConfirmedAt: new Date(input.purchaseConfirmedAt),
          payableAt: new Date(input.payableAt),
          settlementId: null,
          recordedAt: now,
        });
        recorded += 1;
      } catch (error) {
        // Recorded meanwhile by a concurrent attempt of the same intake: nothing more to do.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return { recorded };
  }

  async recordAdjustment(adjustment: RefundAdjustment) {
    const rows = this.dataSource.getRepository(AdjustmentEntity);
    try {
      await rows.insert({ ...adjustment });
      return { adjustment, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = toAdjustment(await rows.findOneByOrFail({ refundId: adjustment.refundId }));
    if (
      existing.sellerId !== adjustment.sellerId ||
      existing.orderId !== adjustment.orderId ||
      existing.amount !== adjustment.amount ||
      existing.kind !== adjustment.kind
    )
      throw new SettlementError(
        SettlementErrorCode.ADJUSTMENT_CONFLICT,
        `refund ${adjustment.refundId} was recorded with other values (seller, order, amount or kind)`,
        { refundId: adjustment.refundId },
      );
    return { adjustment: existing, created: false };
  }

  sellersToSettle(week: SettlementWeek, afterSellerId: string | null, limit: number) {
    return sellersToSettle(this.dataSource, week, afterSellerId, limit);
  }

  prepare(week: SettlementWeek, sellerId: string, ids: { newId(): string; now: Date }) {
    return prepareSettlement(this.dataSource, week, sellerId, ids);
  }

  async get(settlementId: string): Promise<SettlementDetail | null> {
    const row = await this.dataSource.getRepository(SettlementEntity).findOneBy({ id: settlementId });
    if (!row) return null;
    const [lines, payout, invoice] = await Promise.all([
      this.dataSource.getRepository(SettlementLineEntity).find({
        where: { settlementId },
        order: { occurredAt: 'ASC', orderNumber: 'ASC', description: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(PayoutEntity).findOneBy({ settlementId }),
      this.dataSource.getRepository(TaxInvoiceEntity).findOneBy({ settlementId }),
    ]);
    return {
      ...toSettlement(row),
      // Kind by kind (sales first, as SETTLEMENT_LINE_KINDS lists them), each in time order.
      lines: lines
        .sort((a, b) => SETTLEMENT_LINE_KINDS.indexOf(a.kind) - SETTLEMENT_LINE_KINDS.indexOf(b.kind))
        .map(({ id: _id, settlementId: _settlementId, ...line }) => line),
      payout: payout ? toPayout(payout) : null,
      taxInvoice: invoice ? toTaxInvoice(invoice) : null,
    };
  }

  async list(filter: {
    sellerId?: string;
    weekId?: string;
    status?: SettlementStatus;
    cursor?: string;
    limit: number;
  }) {
    const where: FindOptionsWhere<SettlementRow> = {};
    if (filter.sellerId) where.sellerId = filter.sellerId;
    if (filter.weekId) where.weekId = filter.weekId;
    if (filter.status) where.status = filter.status;
    if (filter.cursor) where.id = LessThan(filter.cursor);
    const rows = await this.reads.read((db) =>
      db.getRepository(SettlementEntity).find({ where, order: { id: 'DESC' }, take: filter.limit + 1 }),
    );
    const items = rows.slice(0, filter.limit).map(toSettlement);
    return { items, nextCursor: rows.length > filter.limit ? items.at(-1)!.id : null };
  }

  async beginPayout(payout: SettlementPayout) {
    const rows = this.dataSource.getRepository(PayoutEntity);
    try {
      await rows.insert({
        ...payout,
        vendorCode: null,
        vendorMessage: null,
        rawResponse: null,
        paidAt: null,
        updatedAt: payout.requestedAt,
      });
      return { payout, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return {
        payout: toPayout(await rows.findOneByOrFail({ settlementId: payout.settlementId })),
        created: false,
      };
    }
  }

  async completePayout(
    settlementId: string,
    result: { paidAt: Date; vendorCode: string; raw: unknown },
    now: Date,
  ) {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PayoutEntity).update(
        { settlementId, status: 'REQUESTED' },
        {
          status: 'PAID',
          paidAt: result.paidAt,
          vendorCode: result.vendorCode.slice(0, 20),
          vendorMessage: null,
          rawResponse: raw(result.raw),
          updatedAt: now,
        },
      );
      await manager
        .getRepository<SettlementRow>(SettlementEntity)
        .update(
          { id: settlementId, status: 'PAYOUT_PENDING' },
          { status: 'PAID_OUT', paidOutAt: result.paidAt, updatedAt: now },
        );
    });
  }

  async failPayout(
    settlementId: string,
    failure: { code: string; message: string; raw?: unknown },
    now: Date,
  ) {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PayoutEntity).update(
        { settlementId, status: 'REQUESTED' },
        {
          status: 'FAILED',
          vendorCode: failure.code.slice(0, 20),
          vendorMessage: failure.message.slice(0, 300),
          rawResponse: raw(failure.raw),
          updatedAt: now,
        },
      );
      const moved = await manager.getRepository(SettlementEntity).update(
        { id: settlementId, status: 'PAYOUT_PENDING' },
        {
          status: 'PAYOUT_FAILED',
          failureCode: failure.code.slice(0, 80),
          failureMessage: failure.message.slice(0, 500),
          updatedAt: now,
        },
      );
      if ((moved.affected ?? 0) === 0) return;
      // Released: the lines and refunds are settled again the following week.
      await manager.getRepository(PayableLineEntity).update({ settlementId }, { settlementId: null });
      await manager.getRepository(AdjustmentEntity).update({ settlementId }, { settlementId: null });
    });
  }

  async saveTaxInvoice(invoice: SettlementTaxInvoice, rawResponse: unknown, now: Date) {
    const rows = this.dataSource.getRepository(TaxInvoiceEntity);
    const row: TaxInvoiceRow = {
      ...invoice,
      failureCode: invoice.failureCode?.slice(0, 40) ?? null,
      failureMessage: invoice.failureMessage?.slice(0, 500) ?? null,
      rawResponse: raw(rawResponse),
      createdAt: now,
      updatedAt: now,
    };
    const existing = await rows.findOneBy({ settlementId: invoice.settlementId });
    if (!existing) {
      try {
        await rows.insert(row);
        return;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    // An issued invoice is final; a failed one may be replaced by a later success.
    const { createdAt: _createdAt, ...changes } = row;
    await rows.update({ settlementId: invoice.settlementId, status: 'FAILED' }, changes);
  }

  async markStatementSent(settlementId: string, notificationId: string, now: Date) {
    await this.dataSource.transaction(async (manager) => {
      const rows = manager.getRepository(SettlementEntity);
      await rows.update(
        { id: settlementId, statementSentAt: IsNull() },
        { statementNotificationId: notificationId, statementSentAt: now, updatedAt: now },
      );
      await rows.update(
        { id: settlementId, status: 'PAID_OUT' },
        { status: 'COMPLETED', completedAt: now, updatedAt: now },
      );
    });
  }
}
