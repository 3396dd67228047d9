import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { settlementWeek, type PayableLinesInput } from '../../domain/settlement';
import { uuidv7 } from '../../platform/ids';
import { createDataSource } from '../data-source';
import { TypeOrmSettlementStore } from './typeorm-settlement.store';

const DAY = 86_400_000;

/** The embedded mode: the settlement migration and store on SQLite (time comparisons, claims, releases). */
describe('settlement store on SQLite (embedded mode)', () => {
  let dataSource: DataSource;
  let store: TypeOrmSettlementStore;
  const ids = () => ({ newId: uuidv7, now: new Date() });

  before(async () => {
    dataSource = await createDataSource({ kind: 'sqlite', path: ':memory:' }).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    store = new TypeOrmSettlementStore(dataSource);
  });
  after(async () => {
    await dataSource?.destroy();
  });

  const lines = (sellerId: string, weekId: string, amounts: number[], day = 3): PayableLinesInput => {
    const payableAt = new Date(settlementWeek(weekId).start.getTime() + day * DAY);
    return {
      orderId: uuidv7(),
      orderNumber: 'JT2026112400000001',
      sellerId,
      purchaseConfirmedAt: new Date(payableAt.getTime() - 7 * DAY).toISOString(),
      payableAt: payableAt.toISOString(),
      lines: amounts.map((amount) => ({ orderLineId: uuidv7(), productName: '상품', quantity: 1, amount })),
    };
  };

  test('only lines payable before the cutoff are settled; a paid settlement claims them, a refused payout releases them', async () => {
    const seller = uuidv7();
    await store.recordPayableLines(lines(seller, '2026-W10', [20_000]), 500, new Date());
    await store.recordPayableLines(lines(seller, '2026-W11', [30_000]), 500, new Date());
    await store.recordAdjustment({
      id: uuidv7(),
      kind: 'REFUND',
      refundId: `r-${uuidv7()}`,
      sellerId: seller,
      orderId: uuidv7(),
      amount: 2_000,
      reason: '환불',
      occurredAt: new Date(settlementWeek('2026-W10').start.getTime() + DAY),
      recordedAt: new Date(),
      recordedBy: null,
      settlementId: null,
    });
    assert.ok((await store.sellersToSettle(settlementWeek('2026-W10'), null, 100)).includes(seller));
    assert.equal(
      (await store.sellersToSettle(settlementWeek('2026-W09'), null, 100)).includes(seller),
      false,
    );

    const week10 = await store.prepare(settlementWeek('2026-W10'), seller, ids());
    assert.deepEqual(
      [week10?.settlement.status, week10?.figures.gross, week10?.figures.refunds, week10?.figures.net],
      ['PAYOUT_PENDING', 20_000, 2_000, 17_000],
    );
    assert.equal((await store.prepare(settlementWeek('2026-W10'), seller, ids()))?.created, false);

    await store.beginPayout({
      settlementId: week10!.settlement.id,
      amount: 17_000,
      bankCode: '004',
      accountMasked: '****1234',
      transferId: 'M202400001UABCDEFGH1',
      status: 'REQUESTED',
      vendorCode: null,
      vendorMessage: null,
      requestedAt: new Date(),
      paidAt: null,
    });
    await store.failPayout(week10!.settlement.id, { code: 'BANK_400', message: '입금불능' }, new Date());
    const week11 = await store.prepare(settlementWeek('2026-W11'), seller, ids());
    assert.deepEqual(
      [week11?.figures.gross, week11?.figures.refunds, week11?.figures.saleCount],
      [50_000, 2_000, 2],
    );
    const detail = await store.get(week11!.settlement.id);
    assert.deepEqual(
      detail?.lines.map((l) => [l.kind, l.amount]),
      [
        ['SALE', 20_000],
        ['SALE', 30_000],
        ['REFUND', -2_000],
      ],
    );
    const page = await store.list({ sellerId: seller, limit: 10 });
    assert.deepEqual(
      page.items.map((s) => [s.weekId, s.status]),
      [
        ['2026-W11', 'PAYOUT_PENDING'],
        ['2026-W10', 'PAYOUT_FAILED'],
      ],
    );
  });

  test('shipping fees, return-shipping credits and seller costs are lines of their own; the fee is on goods only', async () => {
    const seller = uuidv7();
    const part = { ...lines(seller, '2026-W20', [40_000, 20_000]), shippingFee: 3_000 };
    assert.deepEqual(await store.recordPayableLines(part, 500, new Date()), { recorded: 3 });
    assert.deepEqual(await store.recordPayableLines(part, 500, new Date()), { recorded: 0 });
    const at = new Date(settlementWeek('2026-W20').start.getTime() + DAY);
    const adjustment = (kind: 'RETURN_SHIPPING' | 'SELLER_COST', amount: number) => ({
      id: uuidv7(),
      kind,
      refundId: `${kind}-${uuidv7()}`,
      sellerId: seller,
      orderId: part.orderId,
      amount,
      reason: kind === 'SELLER_COST' ? '반품 배송비 판매자 부담 (상품 불량)' : '반품 배송비 (단순 변심)',
      occurredAt: at,
      recordedAt: new Date(),
      recordedBy: null,
      settlementId: null,
    });
    await store.recordAdjustment(adjustment('RETURN_SHIPPING', 6_000));
    await store.recordAdjustment(adjustment('SELLER_COST', 3_000));
    const week = await store.prepare(settlementWeek('2026-W20'), seller, ids());
    // gross 60,000 + 3,000 + 6,000; fee 5 % of 60,000; seller cost 3,000.
    assert.deepEqual(
      [week?.figures.gross, week?.figures.fee, week?.figures.refunds, week?.figures.net],
      [69_000, 3_000, 3_000, 63_000],
    );
    const detail = await store.get(week!.settlement.id);
    const rows = detail!.lines.map((l) => [l.kind, l.amount, l.fee] as const);
    assert.deepEqual(
      rows.map(([kind]) => kind),
      ['SALE', 'SALE', 'SHIPPING_FEE', 'RETURN_SHIPPING', 'SELLER_COST'],
    );
    // The two sales of one moment come in either order.
    assert.deepEqual(
      rows.slice(0, 2).sort((a, b) => b[1] - a[1]),
      [
        ['SALE', 40_000, 2_000],
        ['SALE', 20_000, 1_000],
      ],
    );
    assert.deepEqual(rows.slice(2), [
      ['SHIPPING_FEE', 3_000, 0],
      ['RETURN_SHIPPING', 6_000, 0],
      ['SELLER_COST', -3_000, 0],
    ]);
  });
});
