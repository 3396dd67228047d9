import { In, IsNull, LessThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  computeSettlement,
  lineFee,
  SettlementError,
  SettlementErrorCode,
  type PayableLinesInput,
  type RefundAdjustment,
  type Settlement,
  type SettlementDetail,
  type SettlementFigures,
  type SettlementPayout,
  type SettlementStatus,
  type SettlementStore,
  type SettlementTaxInvoice,
  type SettlementWeek,
} from '../../domain/settlement';
import { isUniqueViolation } from '../unique-violation';
import {
  AdjustmentEntity,
  PayableLineEntity,
  PayoutEntity,
  SettlementEntity,
  SettlementLineEntity,
  TaxInvoiceEntity,
  type AdjustmentRow,
  type PayoutRow,
  type SettlementLineRow,
  type SettlementRow,
  type TaxInvoiceRow,
} from './settlement.entities';

const CHUNK = 500;
const UNFINISHED: SettlementStatus[] = ['PAYOUT_PENDING', 'PAID_OUT'];

/** Another run claimed a line between our read and our claim: compute again. */
class ClaimRace extends Error {}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const toSettlement = (row: SettlementRow): Settlement => ({
  ...row,
  status: row.status as SettlementStatus,
});

const figuresOf = (row: SettlementRow): SettlementFigures => ({
  gross: row.gross,
  fee: row.fee,
  refunds: row.refunds,
  net: row.net,
  saleCount: row.saleCount,
  refundCount: row.refundCount,
  decision: row.status === 'CARRIED_OVER' ? 'CARRY_OVER' : 'PAY_OUT',
});

const toAdjustment = (row: AdjustmentRow): RefundAdjustment => ({ ...row });

const toPayout = (row: PayoutRow): SettlementPayout => ({
  settlementId: row.settlementId,
  amount: row.amount,
  bankCode: row.bankCode,
  accountMasked: row.accountMasked,
  transferId: row.transferId,
  status: row.status as SettlementPayout['status'],
  vendorCode: row.vendorCode,
  vendorMessage: row.vendorMessage,
  requestedAt: row.requestedAt,
  paidAt: row.paidAt,
});

const toTaxInvoice = (row: TaxInvoiceRow): SettlementTaxInvoice => ({
  settlementId: row.settlementId,
  mgtKey: row.mgtKey,
  status: row.status as SettlementTaxInvoice['status'],
  ntsConfirmNum: row.ntsConfirmNum,
  writeDate: row.writeDate,
  supplyCost: row.supplyCost,
  tax: row.tax,
  total: row.total,
  issuedAt: row.issuedAt,
  failureCode: row.failureCode,
  failureMessage: row.failureMessage,
});

const raw = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Settlement's tables on MariaDB or SQLite. Claims are conditional updates, so no line is ever paid twice. */
export class TypeOrmSettlementStore implements SettlementStore {
  constructor(private readonly dataSource: DataSource) {}

  async recordPayableLines(input: PayableLinesInput, feeRateBps: number, now: Date) {
    const rows = this.dataSource.getRepository(PayableLineEntity);
    const known = new Set(
      (
        await rows.find({
          select: { orderLineId: true },
          where: { orderLineId: In(input.lines.map((line) => line.orderLineId)) },
        })
      ).map((row) => row.orderLineId),
    );
    let recorded = 0;
    for (const line of input.lines) {
      if (known.has(line.orderLineId)) continue;
      try {
        await rows.insert({
          // The order line id is unique already; a derived id keeps a retried intake from minting new ones.
          id: line.orderLineId,
          orderLineId: line.orderLineId,
          orderId: input.orderId,
          orderNumber: input.orderNumber,
          sellerId: input.sellerId,
          productName: line.productName.slice(0, 200),
          quantity: line.quantity,
          amount: line.amount,
          feeRateBps,
          fee: lineFee(line.amount, feeRateBps),
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
      existing.amount !== adjustment.amount
    )
      throw new SettlementError(
        SettlementErrorCode.ADJUSTMENT_CONFLICT,
        `refund ${adjustment.refundId} was recorded with other values (seller, order or amount)`,
        { refundId: adjustment.refundId },
      );
    return { adjustment: existing, created: false };
  }

  async sellersToSettle(week: SettlementWeek, afterSellerId: string | null, limit: number) {
    const after = afterSellerId ?? '';
    const pendingLines = this.dataSource
      .createQueryBuilder()
      .select('DISTINCT l.seller_id', 'sellerId')
      .from('payable_lines', 'l')
      .where('l.settlement_id IS NULL AND l.payable_at < :cutoff AND l.seller_id > :after', {
        cutoff: week.cutoff,
        after,
      })
      .orderBy('l.seller_id')
      .limit(limit);
    const pendingRefunds = this.dataSource
      .createQueryBuilder()
      .select('DISTINCT a.seller_id', 'sellerId')
      .from('settlement_adjustments', 'a')
      .where('a.settlement_id IS NULL AND a.occurred_at < :cutoff AND a.seller_id > :after', {
        cutoff: week.cutoff,
        after,
      })
      .orderBy('a.seller_id')
      .limit(limit);
    const unfinished = this.dataSource
      .createQueryBuilder()
      .select('s.seller_id', 'sellerId')
      .from('settlements', 's')
      .where('s.week_id = :weekId AND s.status IN (:...statuses) AND s.seller_id > :after', {
        weekId: week.weekId,
        statuses: UNFINISHED,
        after,
      })
      .orderBy('s.seller_id')
      .limit(limit);
    const found = new Set<string>();
    for (const query of [pendingLines, pendingRefunds, unfinished])
      for (const row of await query.getRawMany<{ sellerId: string }>()) found.add(row.sellerId);
    return [...found].sort().slice(0, limit);
  }

  async prepare(week: SettlementWeek, sellerId: string, ids: { newId(): string; now: Date }) {
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.dataSource.getRepository(SettlementEntity).findOneBy({
        sellerId,
        weekId: week.weekId,
      });
      if (existing)
        return { settlement: toSettlement(existing), figures: figuresOf(existing), created: false };
      try {
        return await this.dataSource.transaction((manager) => this.create(manager, week, sellerId, ids));
      } catch (error) {
        if ((error instanceof ClaimRace || isUniqueViolation(error)) && attempt < 5) continue;
        throw error;
      }
    }
  }

  private async create(
    manager: EntityManager,
    week: SettlementWeek,
    sellerId: string,
    ids: { newId(): string; now: Date },
  ) {
    const sales = await manager.getRepository(PayableLineEntity).find({
      where: { sellerId, settlementId: IsNull(), payableAt: LessThan(week.cutoff) },
      order: { payableAt: 'ASC', id: 'ASC' },
    });
    const refunds = await manager.getRepository(AdjustmentEntity).find({
      where: { sellerId, settlementId: IsNull(), occurredAt: LessThan(week.cutoff) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    if (sales.length === 0 && refunds.length === 0) return null;
    const figures = computeSettlement(sales, refunds);
    const settlementId = ids.newId();
    const row: SettlementRow = {
      id: settlementId,
      sellerId,
      weekId: week.weekId,
      periodStart: week.start,
      cutoff: week.cutoff,
      status: figures.decision === 'PAY_OUT' ? 'PAYOUT_PENDING' : 'CARRIED_OVER',
      gross: figures.gross,
      fee: figures.fee,
      refunds: figures.refunds,
      net: figures.net,
      saleCount: figures.saleCount,
      refundCount: figures.refundCount,
      failureCode: null,
      failureMessage: null,
      paidOutAt: null,
      statementNotificationId: null,
      statementSentAt: null,
      completedAt: null,
      createdAt: ids.now,
      updatedAt: ids.now,
    };
    await manager.getRepository(SettlementEntity).insert(row);
    const lines: SettlementLineRow[] = [
      ...sales.map((sale): SettlementLineRow => ({
        id: ids.newId(),
        settlementId,
        kind: 'SALE',
        sourceId: sale.id,
        orderId: sale.orderId,
        orderNumber: sale.orderNumber,
        description: sale.productName,
        quantity: sale.quantity,
        amount: sale.amount,
        feeRateBps: sale.feeRateBps,
        fee: sale.fee,
        occurredAt: sale.payableAt,
      })),
      ...refunds.map((refund): SettlementLineRow => ({
        id: ids.newId(),
        settlementId,
        kind: 'REFUND',
        sourceId: refund.id,
        orderId: refund.orderId,
        orderNumber: null,
        description: refund.reason,
        quantity: null,
        amount: -refund.amount,
        feeRateBps: null,
        fee: 0,
        occurredAt: refund.occurredAt,
      })),
    ];
    for (const chunk of chunks(lines)) await manager.getRepository(SettlementLineEntity).insert(chunk);
    if (figures.decision === 'PAY_OUT') {
      await this.claim(
        manager,
        PayableLineEntity,
        sales.map((s) => s.id),
        settlementId,
      );
      await this.claim(
        manager,
        AdjustmentEntity,
        refunds.map((r) => r.id),
        settlementId,
      );
    }
    return { settlement: toSettlement(row), figures, created: true };
  }

  private async claim(
    manager: EntityManager,
    entity: typeof PayableLineEntity | typeof AdjustmentEntity,
    idList: string[],
    settlementId: string,
  ): Promise<void> {
    for (const chunk of chunks(idList)) {
      const result = await manager
        .getRepository(entity as typeof PayableLineEntity)
        .update({ id: In(chunk), settlementId: IsNull() }, { settlementId });
      if ((result.affected ?? 0) !== chunk.length) throw new ClaimRace();
    }
  }

  async get(settlementId: string): Promise<SettlementDetail | null> {
    const row = await this.dataSource.getRepository(SettlementEntity).findOneBy({ id: settlementId });
    if (!row) return null;
    const [lines, payout, invoice] = await Promise.all([
      this.dataSource.getRepository(SettlementLineEntity).find({
        where: { settlementId },
        order: { kind: 'DESC', occurredAt: 'ASC', orderNumber: 'ASC', description: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(PayoutEntity).findOneBy({ settlementId }),
      this.dataSource.getRepository(TaxInvoiceEntity).findOneBy({ settlementId }),
    ]);
    return {
      ...toSettlement(row),
      lines: lines.map((line) => ({
        kind: line.kind,
        sourceId: line.sourceId,
        orderId: line.orderId,
        orderNumber: line.orderNumber,
        description: line.description,
        quantity: line.quantity,
        amount: line.amount,
        feeRateBps: line.feeRateBps,
        fee: line.fee,
        occurredAt: line.occurredAt,
      })),
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
    const rows = await this.dataSource.getRepository(SettlementEntity).find({
      where,
      order: { id: 'DESC' },
      take: filter.limit + 1,
    });
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
