import { In, IsNull, LessThan, type DataSource, type EntityManager } from 'typeorm';
import {
  adjustmentSign,
  computeSettlement,
  type SettlementStatus,
  type SettlementWeek,
} from '../../domain/settlement';
import { isUniqueViolation } from '../unique-violation';
import {
  AdjustmentEntity,
  PayableLineEntity,
  SettlementEntity,
  SettlementLineEntity,
  type SettlementLineRow,
  type SettlementRow,
} from './settlement.entities';
import { figuresOf, toSettlement } from './settlement.mapper';

const CHUNK = 500;
const UNFINISHED: SettlementStatus[] = ['PAYOUT_PENDING', 'PAID_OUT'];

/** Another run claimed a line between our read and our claim: compute again. */
class ClaimRace extends Error {}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Sellers with something to settle in the week: pending lines or refunds, or an unfinished payout. */
export async function sellersToSettle(
  dataSource: DataSource,
  week: SettlementWeek,
  afterSellerId: string | null,
  limit: number,
) {
  const after = afterSellerId ?? '';
  const pendingLines = dataSource
    .createQueryBuilder()
    .select('DISTINCT l.seller_id', 'sellerId')
    .from('payable_lines', 'l')
    .where('l.settlement_id IS NULL AND l.payable_at < :cutoff AND l.seller_id > :after', {
      cutoff: week.cutoff,
      after,
    })
    .orderBy('l.seller_id')
    .limit(limit);
  const pendingRefunds = dataSource
    .createQueryBuilder()
    .select('DISTINCT a.seller_id', 'sellerId')
    .from('settlement_adjustments', 'a')
    .where('a.settlement_id IS NULL AND a.occurred_at < :cutoff AND a.seller_id > :after', {
      cutoff: week.cutoff,
      after,
    })
    .orderBy('a.seller_id')
    .limit(limit);
  const unfinished = dataSource
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

/** The seller's settlement of the week: the existing one, or a new one claiming what is pending. */
export async function prepareSettlement(
  dataSource: DataSource,
  week: SettlementWeek,
  sellerId: string,
  ids: { newId(): string; now: Date },
) {
  for (let attempt = 1; ; attempt += 1) {
    const existing = await dataSource.getRepository(SettlementEntity).findOneBy({
      sellerId,
      weekId: week.weekId,
    });
    if (existing) return { settlement: toSettlement(existing), figures: figuresOf(existing), created: false };
    try {
      return await dataSource.transaction((manager) => createSettlement(manager, week, sellerId, ids));
    } catch (error) {
      if ((error instanceof ClaimRace || isUniqueViolation(error)) && attempt < 5) continue;
      throw error;
    }
  }
}

async function createSettlement(
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
      kind: sale.kind,
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
      kind: refund.kind,
      sourceId: refund.id,
      orderId: refund.orderId,
      orderNumber: null,
      description: refund.reason,
      quantity: null,
      amount: adjustmentSign(refund.kind) * refund.amount,
      feeRateBps: null,
      fee: 0,
      occurredAt: refund.occurredAt,
    })),
  ];
  for (const chunk of chunks(lines)) await manager.getRepository(SettlementLineEntity).insert(chunk);
  if (figures.decision === 'PAY_OUT') {
    await claim(
      manager,
      PayableLineEntity,
      sales.map((s) => s.id),
      settlementId,
    );
    await claim(
      manager,
      AdjustmentEntity,
      refunds.map((r) => r.id),
      settlementId,
    );
  }
  return { settlement: toSettlement(row), figures, created: true };
}

async function claim(
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
