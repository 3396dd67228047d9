import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeOrder, type PricedLine } from './order';
import {
  DEFAULT_SHIPPING_POLICY,
  shippingAreaOf,
  shippingFeeFor,
  validateShippingPolicy,
  type ShippingLine,
  type ShippingPolicy,
} from './shipping-policy';

const policy: ShippingPolicy = {
  baseFee: 3_000,
  freeShippingOver: 50_000,
  remoteAreaFee: 5_000,
  jejuFee: 3_000,
};
const SEOUL = '06236';
const JEJU = '63100';
const ULLEUNG = '40200';

const line = (productId: string, lineAmount: number, extra: Partial<ShippingLine> = {}): ShippingLine => ({
  productId,
  lineAmount,
  ...extra,
});

describe('shipping fee of one seller part (won)', () => {
  // [rule, policy, lines, zip, fee, amountToFreeShipping]
  const cases: Array<[string, ShippingPolicy, ShippingLine[], string, number, number | null]> = [
    ['base fee under the threshold', policy, [line('a', 20_000)], SEOUL, 3_000, 30_000],
    ['one won below the threshold pays', policy, [line('a', 49_999)], SEOUL, 3_000, 1],
    ['exactly at the threshold ships free (이상)', policy, [line('a', 50_000)], SEOUL, 0, 0],
    ['above the threshold ships free', policy, [line('a', 30_000), line('b', 30_000)], SEOUL, 0, 0],
    ['lines add up to the threshold', policy, [line('a', 25_000), line('b', 25_000)], SEOUL, 0, 0],
    [
      'no threshold: always the base fee',
      { ...policy, freeShippingOver: null },
      [line('a', 900_000)],
      SEOUL,
      3_000,
      null,
    ],
    ['a free policy charges nothing', { ...policy, baseFee: 0 }, [line('a', 1_000)], SEOUL, 0, null],
    ['제주 adds its fee', policy, [line('a', 20_000)], JEJU, 6_000, 30_000],
    ['제주 fee stays when shipping is free', policy, [line('a', 60_000)], JEJU, 3_000, 0],
    ['제주 first zip 63000', policy, [line('a', 20_000)], '63000', 6_000, 30_000],
    ['제주 last zip 63644', policy, [line('a', 20_000)], '63644', 6_000, 30_000],
    ['63645 is not 제주', policy, [line('a', 20_000)], '63645', 3_000, 30_000],
    ['울릉도 adds the 도서산간 fee', policy, [line('a', 20_000)], ULLEUNG, 8_000, 30_000],
    ['도서산간 fee stays when shipping is free', policy, [line('a', 80_000)], ULLEUNG, 5_000, 0],
    ['신안 island is 도서산간', policy, [line('a', 20_000)], '58800', 8_000, 30_000],
    [
      "the seller's own 도서산간 ranges replace the list",
      { ...policy, remoteZipRanges: [{ from: '12000', to: '12099' }] },
      [line('a', 20_000)],
      '12050',
      8_000,
      30_000,
    ],
    [
      'with its own ranges the default islands are mainland',
      { ...policy, remoteZipRanges: [{ from: '12000', to: '12099' }] },
      [line('a', 20_000)],
      ULLEUNG,
      3_000,
      30_000,
    ],
    [
      '개별 배송비 is charged on its own',
      policy,
      [line('a', 20_000, { shippingFee: 5_000 })],
      SEOUL,
      5_000,
      null,
    ],
    [
      '개별 배송비 is not waived by the threshold and does not count toward it',
      policy,
      [line('a', 60_000, { shippingFee: 5_000 }), line('b', 10_000)],
      SEOUL,
      5_000 + 3_000,
      40_000,
    ],
    [
      '개별 배송비 once per product, for all its lines',
      policy,
      [line('a', 10_000, { shippingFee: 4_000 }), line('a', 12_000, { shippingFee: 4_000 })],
      SEOUL,
      4_000,
      null,
    ],
    [
      '개별 배송비 0 is a free-shipping product',
      policy,
      [line('a', 5_000, { shippingFee: 0 })],
      SEOUL,
      0,
      null,
    ],
    [
      '묶음배송 불가: every line charged',
      policy,
      [line('a', 10_000, { bundleShipping: false }), line('b', 10_000, { bundleShipping: false })],
      SEOUL,
      6_000,
      null,
    ],
    [
      '묶음배송 불가 line reaching the threshold alone ships free, the bundle still pays',
      policy,
      [line('a', 50_000, { bundleShipping: false }), line('b', 10_000)],
      SEOUL,
      3_000,
      40_000,
    ],
    [
      '묶음배송 불가 with 개별 배송비: its own fee per line',
      policy,
      [
        line('a', 70_000, { bundleShipping: false, shippingFee: 10_000 }),
        line('a', 70_000, { bundleShipping: false, shippingFee: 10_000 }),
      ],
      SEOUL,
      20_000,
      null,
    ],
    [
      '제주 extra per parcel: bundle + 묶음배송 불가 line',
      policy,
      [line('a', 10_000), line('b', 10_000, { bundleShipping: false })],
      JEJU,
      (3_000 + 3_000) * 2,
      40_000,
    ],
  ];
  for (const [rule, p, lines, zip, fee, toFree] of cases) {
    test(rule, () => {
      const quote = shippingFeeFor(p, lines, zip);
      assert.deepEqual([quote.fee, quote.amountToFreeShipping], [fee, toFree]);
      assert.equal(
        quote.fee,
        quote.breakdown.reduce((sum, c) => sum + c.fee + c.areaFee, 0),
        'the breakdown adds up to the fee',
      );
    });
  }

  test('areas by zip code', () => {
    assert.deepEqual(
      [SEOUL, JEJU, ULLEUNG, '23100', '99999'].map((zip) => shippingAreaOf(zip)),
      ['MAINLAND', 'JEJU', 'REMOTE', 'REMOTE', 'MAINLAND'],
    );
  });

  test('the platform default: 3,000원, free from 50,000원, 제주 +3,000원, 도서산간 +5,000원', () => {
    assert.deepEqual(
      { ...DEFAULT_SHIPPING_POLICY },
      { baseFee: 3_000, freeShippingOver: 50_000, remoteAreaFee: 5_000, jejuFee: 3_000 },
    );
  });
});

describe('order with shipping (two sellers)', () => {
  const priced = (sellerId: string, variantId: string, unitPrice: number, quantity: number): PricedLine => ({
    sellerId,
    productId: `p-${variantId}`,
    variantId,
    productName: variantId,
    options: {},
    unitPrice,
    quantity,
  });
  const address = (zipCode: string) => ({
    recipient: '김',
    phone: '01012345678',
    zipCode,
    address1: '주소',
    address2: null,
  });

  // [rule, zip, s1 fee, s2 fee]: s1 sells 60,000원 (over its threshold), s2 sells 12,000원 with its own policy
  const cases: Array<[string, string, number, number]> = [
    ['mainland', SEOUL, 0, 2_500],
    ['제주', JEJU, 3_000, 2_500 + 4_000],
    ['울릉도', ULLEUNG, 5_000, 2_500 + 6_000],
  ];
  for (const [rule, zip, fee1, fee2] of cases) {
    test(`each part charged by its seller's policy: ${rule}`, () => {
      const goods = 60_000 + 12_000;
      const total = goods + fee1 + fee2;
      const { order } = placeOrder(
        {
          userId: 'buyer',
          lines: [priced('s2', 'v2', 6_000, 2), priced('s1', 'v1', 30_000, 2)],
          shippingAddress: address(zip),
          payment: { method: 'CARD', provider: 'TOSS', pointsAmount: 1_000, payableAmount: total - 1_000 },
          shippingPolicies: new Map([
            ['s2', { baseFee: 2_500, freeShippingOver: 30_000, remoteAreaFee: 6_000, jejuFee: 4_000 }],
          ]),
        },
        { orderId: 'o', orderNumber: 'JT1', now: new Date('2026-12-01T00:00:00Z'), newId: () => 'id' },
      );
      assert.deepEqual(
        order.parts.map((p) => [p.sellerId, p.subtotal, p.shippingFee]),
        [
          ['s1', 60_000, fee1],
          ['s2', 12_000, fee2],
        ],
      );
      assert.deepEqual([order.goodsAmount, order.totalAmount], [goods, total]);
      assert.deepEqual(
        order.parts[0]!.shippingPolicy,
        DEFAULT_SHIPPING_POLICY,
        'a seller with no policy: the default',
      );
    });
  }

  test('a payment split that leaves out the shipping is refused', () => {
    assert.throws(
      () =>
        placeOrder(
          {
            userId: 'buyer',
            lines: [priced('s1', 'v1', 10_000, 1)],
            shippingAddress: address(SEOUL),
            payment: { method: 'CARD', provider: 'TOSS', pointsAmount: 0, payableAmount: 10_000 },
            shippingPolicies: new Map(),
          },
          { orderId: 'o', orderNumber: 'JT1', now: new Date(), newId: () => 'id' },
        ),
      /does not add up to 13000/,
    );
  });
});

describe('shipping policy input', () => {
  const fields = (body: Record<string, unknown>) => {
    try {
      validateShippingPolicy(body);
      return [];
    } catch (error) {
      return ((error as { details: { errors: { field: string }[] } }).details.errors ?? []).map(
        (e) => e.field,
      );
    }
  };
  test('a valid policy passes, null threshold means never free', () => {
    assert.deepEqual(
      validateShippingPolicy({ baseFee: 0, freeShippingOver: null, remoteAreaFee: 0, jejuFee: 0 }),
      {
        baseFee: 0,
        freeShippingOver: null,
        remoteAreaFee: 0,
        jejuFee: 0,
        remoteZipRanges: null,
      },
    );
  });
  test('every wrong field is named', () => {
    assert.deepEqual(
      fields({
        baseFee: -1,
        freeShippingOver: 0,
        remoteAreaFee: 1.5,
        remoteZipRanges: [{ from: '9', to: '1' }],
      }),
      [
        'body.baseFee',
        'body.remoteAreaFee',
        'body.jejuFee',
        'body.freeShippingOver',
        'body.remoteZipRanges.0',
      ],
    );
    assert.deepEqual(
      fields({ baseFee: 3000, freeShippingOver: 50000, remoteAreaFee: 0, jejuFee: 2_000_000 }),
      ['body.jejuFee'],
    );
    assert.deepEqual(
      fields({
        baseFee: 1,
        freeShippingOver: 1,
        remoteAreaFee: 1,
        jejuFee: 1,
        remoteZipRanges: [{ from: '50000', to: '40000' }],
      }),
      ['body.remoteZipRanges.0'],
    );
  });
});
