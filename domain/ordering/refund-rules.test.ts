import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import {
  adjustDeduction,
  cancelRefund,
  returnRefund,
  type RefundablePart,
  type ReturnReasonCode,
} from './refund-rules';
import type { ShippingPolicy } from './shipping-policy';

const policy: ShippingPolicy = {
  baseFee: 3_000,
  freeShippingOver: 50_000,
  remoteAreaFee: 5_000,
  jejuFee: 3_000,
};
const line = (orderLineId: string, lineAmount: number) => ({
  orderLineId,
  productId: `p-${orderLineId}`,
  lineAmount,
});

/** Under the threshold: 20,000 + 3,000 shipping. */
const paidShipping: RefundablePart = { lines: [line('a', 20_000)], shippingFee: 3_000, policy };
/** Over it: 40,000 + 20,000, shipped free. */
const freeShipping: RefundablePart = {
  lines: [line('a', 40_000), line('b', 20_000)],
  shippingFee: 0,
  policy,
};
/** Over it, to 제주: free base fee, the 3,000 제주 extra charged. */
const freeToJeju: RefundablePart = { ...freeShipping, shippingFee: 3_000 };

describe('refund rules (won)', () => {
  test('a cancel before shipping gives back goods and shipping', () => {
    for (const [part, refund] of [
      [paidShipping, 23_000],
      [freeShipping, 60_000],
      [freeToJeju, 63_000],
    ] as const) {
      const quote = cancelRefund(part);
      assert.equal(quote.refundAmount, refund);
      assert.deepEqual(quote.deductions, []);
    }
  });

  const cases: Array<{
    name: string;
    part: RefundablePart;
    reason: ReturnReasonCode;
    lines?: string[];
    refund: number;
    deductions: Array<[string, number]>;
    sellerCost: number;
  }> = [
    {
      name: 'change of mind, paid shipping: return shipping kept',
      part: paidShipping,
      reason: 'CHANGE_OF_MIND',
      refund: 20_000,
      deductions: [['RETURN_SHIPPING', 3_000]],
      sellerCost: 0,
    },
    {
      name: 'change of mind, free shipping: return and the waived original shipping kept',
      part: freeShipping,
      reason: 'CHANGE_OF_MIND',
      refund: 54_000,
      deductions: [
        ['RETURN_SHIPPING', 3_000],
        ['ORIGINAL_SHIPPING', 3_000],
      ],
      sellerCost: 0,
    },
    {
      name: 'change of mind, free shipping to 제주: the 제주 extra comes back, both fees kept',
      part: freeToJeju,
      reason: 'CHANGE_OF_MIND',
      refund: 57_000,
      deductions: [
        ['RETURN_SHIPPING', 3_000],
        ['ORIGINAL_SHIPPING', 3_000],
      ],
      sellerCost: 0,
    },
    {
      name: 'change of mind with the seller’s own return fee',
      part: { ...paidShipping, policy: { ...policy, returnShippingFee: 4_000 } },
      reason: 'CHANGE_OF_MIND',
      refund: 19_000,
      deductions: [['RETURN_SHIPPING', 4_000]],
      sellerCost: 0,
    },
    {
      name: 'defect: everything back, return shipping borne by the seller',
      part: freeShipping,
      reason: 'DEFECTIVE',
      refund: 60_000,
      deductions: [],
      sellerCost: 3_000,
    },
    {
      name: 'wrong item: everything back, shipping included',
      part: paidShipping,
      reason: 'WRONG_ITEM',
      refund: 23_000,
      deductions: [],
      sellerCost: 3_000,
    },
    {
      name: 'partial return, change of mind, the rest under the threshold: shipping now due kept',
      part: freeShipping,
      reason: 'CHANGE_OF_MIND',
      lines: ['b'],
      refund: 14_000,
      deductions: [
        ['RETURN_SHIPPING', 3_000],
        ['SHIPPING_NOW_DUE', 3_000],
      ],
      sellerCost: 0,
    },
    {
      name: 'partial return, change of mind, the rest still over the threshold',
      part: { ...freeShipping, lines: [line('a', 55_000), line('b', 20_000)] },
      reason: 'CHANGE_OF_MIND',
      lines: ['b'],
      refund: 17_000,
      deductions: [['RETURN_SHIPPING', 3_000]],
      sellerCost: 0,
    },
    {
      name: 'partial return of a defect: the returned goods back, the shipping stays with the rest',
      part: freeShipping,
      reason: 'DEFECTIVE',
      lines: ['b'],
      refund: 20_000,
      deductions: [],
      sellerCost: 3_000,
    },
    {
      name: 'order placed before shipping fees: nothing kept automatically',
      part: { ...paidShipping, shippingFee: 0, policy: null },
      reason: 'CHANGE_OF_MIND',
      refund: 20_000,
      deductions: [],
      sellerCost: 0,
    },
    {
      name: 'a cheap item: the deduction never exceeds the refund',
      part: {
        lines: [line('a', 2_000)],
        shippingFee: 0,
        policy: { ...policy, baseFee: 0, returnShippingFee: 5_000 },
      },
      reason: 'CHANGE_OF_MIND',
      refund: 0,
      deductions: [['RETURN_SHIPPING', 5_000]],
      sellerCost: 0,
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      const quote = returnRefund({ part: c.part, reasonCode: c.reason, returnedLineIds: c.lines });
      assert.equal(quote.refundAmount, c.refund);
      assert.deepEqual(
        quote.deductions.map((d) => [d.kind, d.amount]),
        c.deductions,
      );
      assert.equal(
        quote.sellerCosts.reduce((s, x) => s + x.amount, 0),
        c.sellerCost,
      );
      assert.equal(quote.refundAmount, quote.grossAmount - quote.deductionTotal);
    });

  test('the seller adjusts the deduction with a reason, within 0 and the refund', () => {
    const quote = returnRefund({ part: freeShipping, reasonCode: 'CHANGE_OF_MIND' });
    const waived = adjustDeduction(quote, { amount: -3_000, reason: '첫 구매 고객 배려' });
    assert.equal(waived.refundAmount, 57_000);
    assert.deepEqual(waived.deductions.at(-1), {
      kind: 'ADJUSTMENT',
      amount: -3_000,
      reason: '첫 구매 고객 배려',
    });
    assert.equal(adjustDeduction(quote, { amount: 54_000, reason: '사용 흔적' }).refundAmount, 0);
    for (const bad of [
      { amount: 54_001, reason: '초과' },
      { amount: -6_001, reason: '음수' },
      { amount: 1.5, reason: '소수' },
      { amount: 100, reason: ' ' },
    ])
      assert.throws(
        () => adjustDeduction(quote, bad),
        (e: unknown) => e instanceof DomainError && e.code === 'VALIDATION_FAILED',
      );
  });

  test('a line that is not the part’s is refused', () => {
    assert.throws(
      () => returnRefund({ part: paidShipping, reasonCode: 'DEFECTIVE', returnedLineIds: ['zz'] }),
      /body\.lineIds/,
    );
  });
});
