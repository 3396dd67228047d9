import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import { exchangeItems, exchangeItemText, exchangeShipping } from './exchange';
import { parcelWorkflowId } from './exchange-ids';
import type { OrderLine } from './order';
import { isExchangePending, nextPartStatus, deriveOrderStatus } from './order-status';
import type { VariantOffer } from './ports';

const line: OrderLine = {
  id: 'line-1',
  sellerId: 's',
  productId: 'shirt',
  variantId: 'red-m',
  productName: '면 티셔츠',
  options: { 색상: '빨강', 사이즈: 'M' },
  unitPrice: 19_000,
  quantity: 2,
  lineAmount: 38_000,
  shippingFee: null,
  bundleShipping: true,
};
const offer = (variantId: string, changes: Partial<VariantOffer> = {}): VariantOffer => ({
  variantId,
  productId: 'shirt',
  sellerId: 's',
  productName: '면 티셔츠',
  options: { 색상: '파랑', 사이즈: 'M' },
  unitPrice: 19_000,
  productStatus: 'ON_SALE',
  sellable: 5,
  shippingFee: null,
  bundleShipping: true,
  ...changes,
});
const part = { lines: [line] };
const refusal = (code: string, field: string) => (error: unknown) => {
  assert.ok(error instanceof DomainError);
  assert.equal(error.code, code);
  const errors = (error.details as { errors: Array<{ field: string }> }).errors;
  assert.deepEqual(
    errors.map((e) => e.field),
    [field],
  );
  return true;
};

describe('exchange items', () => {
  test('another option of the same product at the same price: from → to with the option labels', () => {
    const items = exchangeItems(
      part,
      [{ orderLineId: 'line-1', variantId: 'blue-m' }],
      new Map([['blue-m', offer('blue-m')]]),
    );
    assert.deepEqual(items, [
      {
        orderLineId: 'line-1',
        productId: 'shirt',
        productName: '면 티셔츠',
        quantity: 2,
        fromVariantId: 'red-m',
        fromOptions: { 색상: '빨강', 사이즈: 'M' },
        toVariantId: 'blue-m',
        toOptions: { 색상: '파랑', 사이즈: 'M' },
      },
    ]);
    assert.equal(exchangeItemText(items), '면 티셔츠 (빨강 / M → 파랑 / M) 2개');
  });

  test('an option of another product is refused naming the field', () => {
    assert.throws(
      () =>
        exchangeItems(
          part,
          [{ orderLineId: 'line-1', variantId: 'mug' }],
          new Map([['mug', offer('mug', { productId: 'mug', productName: '머그컵' })]]),
        ),
      refusal('VALIDATION_FAILED', 'body.items.0.variantId'),
    );
  });

  test('the option already held is refused', () => {
    assert.throws(
      () => exchangeItems(part, [{ orderLineId: 'line-1', variantId: 'red-m' }], new Map()),
      refusal('VALIDATION_FAILED', 'body.items.0.variantId'),
    );
  });

  test('a line not of the part, or not held any more, is refused', () => {
    const offers = new Map([['blue-m', offer('blue-m')]]);
    assert.throws(
      () => exchangeItems(part, [{ orderLineId: 'other', variantId: 'blue-m' }], offers),
      refusal('VALIDATION_FAILED', 'body.items.0.orderLineId'),
    );
    assert.throws(
      () => exchangeItems(part, [{ orderLineId: 'line-1', variantId: 'blue-m' }], offers, new Set()),
      refusal('VALIDATION_FAILED', 'body.items.0.orderLineId'),
    );
  });

  test('a removed option (absent from the catalogue) or a suspended product is unavailable', () => {
    const wish = [{ orderLineId: 'line-1', variantId: 'blue-m' }];
    assert.throws(
      () => exchangeItems(part, wish, new Map()),
      refusal('EXCHANGE_VARIANT_UNAVAILABLE', 'body.items.0.variantId'),
    );
    assert.throws(
      () => exchangeItems(part, wish, new Map([['blue-m', offer('blue-m', { productStatus: 'SUSPENDED' })]])),
      refusal('EXCHANGE_VARIANT_UNAVAILABLE', 'body.items.0.variantId'),
    );
  });

  test('a different price is EXCHANGE_PRICE_DIFFERS: an exchange moves no money for goods', () => {
    assert.throws(
      () =>
        exchangeItems(
          part,
          [{ orderLineId: 'line-1', variantId: 'blue-xl' }],
          new Map([['blue-xl', offer('blue-xl', { unitPrice: 21_000 })]]),
        ),
      refusal('EXCHANGE_PRICE_DIFFERS', 'body.items.0.variantId'),
    );
  });
});

describe('exchange shipping (왕복)', () => {
  const shippingPolicy = {
    baseFee: 3_000,
    freeShippingOver: 50_000,
    remoteAreaFee: 5_000,
    jejuFee: 3_000,
    returnShippingFee: 4_000,
  };

  test('change of mind: return fee + outbound fee, the buyer pays', () => {
    assert.deepEqual(exchangeShipping({ shippingPolicy }, 'CHANGE_OF_MIND'), {
      amount: 7_000,
      payer: 'BUYER',
      reason: '교환 왕복 배송비 (단순 변심)',
    });
  });

  test('defect or wrong item: the seller bears it; without a return fee the base fee counts twice', () => {
    assert.equal(exchangeShipping({ shippingPolicy }, 'DEFECTIVE').payer, 'SELLER');
    const plain = { ...shippingPolicy, returnShippingFee: null };
    assert.deepEqual(exchangeShipping({ shippingPolicy: plain }, 'WRONG_ITEM'), {
      amount: 6_000,
      payer: 'SELLER',
      reason: '교환 왕복 배송비 판매자 부담 (오배송)',
    });
  });

  test('an order placed before shipping policies: nothing to settle', () => {
    assert.equal(exchangeShipping({ shippingPolicy: null }, 'CHANGE_OF_MIND').amount, 0);
  });
});

describe('exchange statuses', () => {
  test('delivered → requested → approved → in transit → delivered; a rejection goes back to delivered', () => {
    assert.equal(nextPartStatus('DELIVERED', 'REQUEST_EXCHANGE'), 'EXCHANGE_REQUESTED');
    assert.equal(nextPartStatus('EXCHANGE_REQUESTED', 'APPROVE_EXCHANGE'), 'EXCHANGE_APPROVED');
    assert.equal(nextPartStatus('EXCHANGE_APPROVED', 'SHIP_EXCHANGE'), 'EXCHANGE_IN_TRANSIT');
    assert.equal(nextPartStatus('EXCHANGE_IN_TRANSIT', 'DELIVER_EXCHANGE'), 'DELIVERED');
    assert.equal(nextPartStatus('EXCHANGE_REQUESTED', 'REJECT_EXCHANGE'), 'DELIVERED');
  });

  test('not before delivery, and nothing else while one is pending (no return, cancel or confirmation)', () => {
    assert.equal(nextPartStatus('SHIPPED', 'REQUEST_EXCHANGE'), null);
    assert.equal(nextPartStatus('PURCHASE_CONFIRMED', 'REQUEST_EXCHANGE'), null);
    assert.equal(nextPartStatus('RETURN_REQUESTED', 'REQUEST_EXCHANGE'), null);
    for (const status of ['EXCHANGE_REQUESTED', 'EXCHANGE_APPROVED', 'EXCHANGE_IN_TRANSIT'] as const) {
      assert.ok(isExchangePending(status));
      for (const command of ['REQUEST_RETURN', 'REQUEST_EXCHANGE', 'CANCEL', 'CONFIRM_PURCHASE'] as const)
        assert.equal(nextPartStatus(status, command), null, `${status} ${command}`);
    }
  });

  test('an order with a pending exchange shows it; an exchange in transit counts as delivered progress', () => {
    assert.equal(deriveOrderStatus(['DELIVERED', 'EXCHANGE_REQUESTED']), 'EXCHANGE_REQUESTED');
    assert.equal(deriveOrderStatus(['SHIPPED', 'EXCHANGE_IN_TRANSIT']), 'SHIPPED');
  });
});

describe('the Shipment of a stored parcel', () => {
  test('a first parcel by its order, a replacement by its exchange (the webhook signals it)', () => {
    assert.equal(parcelWorkflowId({ orderId: 'o1', sellerId: 's9' }), 'shipment:o1:s9');
    assert.equal(parcelWorkflowId({ orderId: 'o1', sellerId: 's9', exchangeId: 'x7' }), 'shipment:x7:s9');
  });
});
