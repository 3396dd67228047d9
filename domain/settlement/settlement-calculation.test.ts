import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  computeSettlement,
  MINIMUM_PAYOUT,
  settleWeek,
  type RefundForSettlement,
  type SaleForSettlement,
} from './settlement-calculation';
import { payableEntries } from './payable-lines';
import { lineFee, PLATFORM_FEE_RATE_BPS } from './settlement-fee';

let serial = 0;
const sale = (amount: number, rateBps = PLATFORM_FEE_RATE_BPS): SaleForSettlement => ({
  id: `line-${(serial += 1)}`,
  amount,
  feeRateBps: rateBps,
  fee: lineFee(amount, rateBps),
});
const refund = (amount: number): RefundForSettlement => ({ id: `refund-${(serial += 1)}`, amount });

describe('the weekly settlement arithmetic', () => {
  test('a net of exactly 10,000 won is paid out', () => {
    const figures = computeSettlement([sale(10_526)], []);
    assert.deepEqual(figures, {
      gross: 10_526,
      fee: 526,
      refunds: 0,
      net: 10_000,
      saleCount: 1,
      refundCount: 0,
      decision: 'PAY_OUT',
    });
    assert.equal(MINIMUM_PAYOUT, 10_000);
  });

  test('a net of 9,999 won is carried over to the next week', () => {
    const figures = computeSettlement([sale(10_525)], []);
    assert.equal(figures.fee, 526);
    assert.equal(figures.net, 9_999);
    assert.equal(figures.decision, 'CARRY_OVER');
  });

  test('the fee is rounded per line and summed, so the statement’s lines add up to its total', () => {
    const figures = computeSettlement([sale(10_999), sale(10_999)], []);
    assert.equal(figures.fee, 549 + 549); // not ⌊21,998 × 5 %⌋ = 1,099
    assert.equal(figures.net, 21_998 - 1_098);
    // Each line keeps the rate stored on it.
    const mixed = computeSettlement([sale(20_000, 500), sale(20_000, 300)], []);
    assert.equal(mixed.fee, 1_000 + 600);
  });

  test('a refund before the payout is deducted from the same settlement', () => {
    const figures = computeSettlement([sale(50_000)], [refund(20_000)]);
    assert.deepEqual(
      { gross: figures.gross, fee: figures.fee, refunds: figures.refunds, net: figures.net },
      { gross: 50_000, fee: 2_500, refunds: 20_000, net: 27_500 },
    );
    assert.equal(figures.decision, 'PAY_OUT');
  });

  test('a refund after the payout is a negative amount in a later week, and can push it under the minimum', () => {
    const week1 = settleWeek({ sales: [sale(50_000)], refunds: [] });
    assert.equal(week1.figures.net, 47_500);
    assert.equal(week1.figures.decision, 'PAY_OUT');
    assert.deepEqual(week1.stillPending, { sales: [], refunds: [] });

    // Week 2: the buyer returned part of the paid order; a new sale does not cover the minimum.
    const week2 = settleWeek({ sales: [sale(30_000)], refunds: [refund(20_000)] });
    assert.equal(week2.figures.net, 30_000 - 1_500 - 20_000);
    assert.equal(week2.figures.decision, 'CARRY_OVER');

    const week3 = settleWeek({
      sales: [...week2.stillPending.sales, sale(5_000)],
      refunds: week2.stillPending.refunds,
    });
    assert.deepEqual(
      { gross: week3.figures.gross, fee: week3.figures.fee, refunds: week3.figures.refunds },
      { gross: 35_000, fee: 1_750, refunds: 20_000 },
    );
    assert.equal(week3.figures.net, 13_250);
    assert.equal(week3.figures.decision, 'PAY_OUT');
  });

  test('a refund larger than the week’s sales leaves a negative net that later sales pay off', () => {
    const week1 = settleWeek({ sales: [], refunds: [refund(30_000)] });
    assert.equal(week1.figures.net, -30_000);
    assert.equal(week1.figures.decision, 'CARRY_OVER');
    const week2 = settleWeek({ sales: [sale(50_000)], refunds: week1.stillPending.refunds });
    assert.equal(week2.figures.net, 50_000 - 2_500 - 30_000);
    assert.equal(week2.figures.decision, 'PAY_OUT');
  });

  test('several weeks of carry-over accumulate until the net reaches the minimum, then all is paid at once', () => {
    let pending = { sales: [sale(4_000)], refunds: [] as RefundForSettlement[] };
    const nets: number[] = [];
    const decisions: string[] = [];
    for (const added of [[], [sale(3_000)], [sale(4_000)]]) {
      const run = settleWeek({ sales: [...pending.sales, ...added], refunds: pending.refunds });
      nets.push(run.figures.net);
      decisions.push(run.figures.decision);
      pending = { sales: [...run.stillPending.sales], refunds: [...run.stillPending.refunds] };
    }
    assert.deepEqual(nets, [3_800, 3_800 + 2_850, 3_800 + 2_850 + 3_800]);
    assert.deepEqual(decisions, ['CARRY_OVER', 'CARRY_OVER', 'PAY_OUT']);
    assert.deepEqual(pending, { sales: [], refunds: [] });
  });

  test('nothing pending is a zero net that is not paid', () => {
    assert.deepEqual(computeSettlement([], []), {
      gross: 0,
      fee: 0,
      refunds: 0,
      net: 0,
      saleCount: 0,
      refundCount: 0,
      decision: 'CARRY_OVER',
    });
  });
});

describe('settlement with shipping (won)', () => {
  const shipping = (amount: number): SaleForSettlement => ({
    id: `ship-${(serial += 1)}`,
    amount,
    feeRateBps: 0,
    fee: 0,
  });
  const adjustment = (kind: RefundForSettlement['kind'], amount: number): RefundForSettlement => ({
    id: `adj-${(serial += 1)}`,
    kind,
    amount,
  });
  const cases: Array<{
    name: string;
    sales: SaleForSettlement[];
    adjustments: RefundForSettlement[];
    figures: [gross: number, fee: number, refunds: number, net: number];
  }> = [
    {
      name: 'the shipping fee is passed on whole, the 5 % fee is on goods only',
      sales: [sale(40_000), sale(20_000), shipping(3_000)],
      adjustments: [],
      figures: [63_000, 3_000, 0, 60_000],
    },
    {
      name: 'a part under its threshold to 제주: base 3,000 + 제주 3,000 passed on',
      sales: [sale(30_000), shipping(6_000)],
      adjustments: [],
      figures: [36_000, 1_500, 0, 34_500],
    },
    {
      name: 'a change-of-mind deduction kept from the buyer is paid to the seller, without fee',
      sales: [sale(30_000)],
      adjustments: [adjustment('RETURN_SHIPPING', 6_000)],
      figures: [36_000, 1_500, 0, 34_500],
    },
    {
      name: 'a defect’s return shipping is the seller’s cost, deducted',
      sales: [sale(30_000)],
      adjustments: [adjustment('SELLER_COST', 3_000)],
      figures: [30_000, 1_500, 3_000, 25_500],
    },
    {
      name: 'every kind at once, with a refund after the hold',
      sales: [sale(50_000), shipping(3_000)],
      adjustments: [
        adjustment('REFUND', 10_000),
        adjustment('RETURN_SHIPPING', 3_000),
        adjustment('SELLER_COST', 3_000),
      ],
      figures: [56_000, 2_500, 13_000, 40_500],
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      const figures = computeSettlement(c.sales, c.adjustments);
      assert.deepEqual([figures.gross, figures.fee, figures.refunds, figures.net], c.figures);
    });

  test('a payable part becomes its sales with the fee and one shipping line without', () => {
    const entries = payableEntries(
      {
        orderId: 'o',
        orderNumber: 'JT2026112400000001',
        sellerId: 's',
        purchaseConfirmedAt: '2026-11-24T00:00:00Z',
        payableAt: '2026-12-01T00:00:00Z',
        lines: [
          { orderLineId: 'l1', productName: '머그컵', quantity: 2, amount: 10_999 },
          { orderLineId: 'l2', productName: '받침', quantity: 1, amount: 10_999 },
        ],
        shippingFee: 3_000,
      },
      PLATFORM_FEE_RATE_BPS,
    );
    assert.deepEqual(
      entries.map((e) => [e.kind, e.orderLineId, e.amount, e.fee]),
      [
        ['SALE', 'l1', 10_999, 549],
        ['SALE', 'l2', 10_999, 549],
        ['SHIPPING_FEE', 'l1', 3_000, 0],
      ],
    );
  });
});
