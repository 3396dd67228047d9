import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cartTotals, viewCartLine, type CartItem } from './cart';
import { defaultProviderFor, validateCheckout } from './checkout';
import { formatOrderNumber, ORDER_NUMBER_PATTERN } from './order-number';
import { paymentDueAt, paymentTimeLeft } from './payment-deadline';
import type { VariantOffer } from './ports';
import {
  orderWorkflowId,
  parseOrderingWorkflowId,
  paymentWorkflowId,
  shipmentWorkflowId,
} from './workflow-ids';

describe('workflow ids', () => {
  test('are built from business keys and parse back', () => {
    assert.equal(orderWorkflowId('o1'), 'order:o1');
    assert.equal(paymentWorkflowId('o1', 2), 'payment:o1:2');
    assert.equal(shipmentWorkflowId('o1', 's9'), 'shipment:o1:s9');
    assert.deepEqual(parseOrderingWorkflowId('order:o1'), { kind: 'order', orderId: 'o1' });
    assert.deepEqual(parseOrderingWorkflowId('payment:o1:2'), { kind: 'payment', orderId: 'o1', attempt: 2 });
    assert.deepEqual(parseOrderingWorkflowId('shipment:o1:s9'), {
      kind: 'shipment',
      orderId: 'o1',
      sellerId: 's9',
    });
    assert.equal(parseOrderingWorkflowId('weekly-settlement'), null);
    assert.equal(parseOrderingWorkflowId('payment:o1:0'), null);
  });

  test('refuse keys that would make an ambiguous id', () => {
    assert.throws(() => orderWorkflowId(''));
    assert.throws(() => shipmentWorkflowId('o:1', 's'));
    assert.throws(() => paymentWorkflowId('o1', 0));
  });
});

describe('order numbers and the payment deadline', () => {
  test('JT + the Seoul date + an 8-digit serial (Seoul is UTC+9: 23:30 UTC is the next day)', () => {
    assert.equal(formatOrderNumber(new Date('2026-11-24T14:59:59Z'), 42), 'JT2026112400000042');
    assert.equal(formatOrderNumber(new Date('2026-11-24T15:00:00Z'), 99_999_999), 'JT2026112599999999');
    assert.match(formatOrderNumber(new Date('2026-01-01T00:00:00Z'), 7), ORDER_NUMBER_PATTERN);
    assert.throws(() => formatOrderNumber(new Date(), 100_000_000));
    assert.throws(() => formatOrderNumber(new Date(), -1));
  });

  test('payment is due 30 minutes after placement', () => {
    const placed = new Date('2026-11-24T03:00:00Z');
    assert.equal(paymentDueAt(placed).toISOString(), '2026-11-24T03:30:00.000Z');
    assert.equal(paymentTimeLeft(placed, new Date('2026-11-24T03:29:00Z')), 60_000);
    assert.equal(paymentTimeLeft(placed, new Date('2026-11-24T04:00:00Z')), 0);
  });
});

describe('checkout validation', () => {
  const good = {
    shippingAddress: {
      recipient: ' 김구매 ',
      phone: '010-1234-5678',
      zipCode: '06236',
      address1: '서울 강남구 테헤란로 1',
      address2: '3층',
    },
    payment: { method: 'CARD', provider: 'NICEPAY', points: 1000 },
  };

  test('normalises a valid body (trimmed, phone as digits, cart when no items)', () => {
    const checkout = validateCheckout(good);
    assert.deepEqual(checkout.shippingAddress, {
      recipient: '김구매',
      phone: '01012345678',
      zipCode: '06236',
      address1: '서울 강남구 테헤란로 1',
      address2: '3층',
    });
    assert.deepEqual(checkout.payment, {
      method: 'CARD',
      provider: 'NICEPAY',
      cardScope: null,
      points: 1000,
    });
    assert.equal(checkout.items, null);
  });

  test('names every wrong field at once', () => {
    assert.throws(
      () =>
        validateCheckout({
          items: [{ variantId: 'v1', quantity: 0 }],
          shippingAddress: { recipient: '', phone: '123', zipCode: '1234', address1: '' },
          payment: { method: 'CASH', provider: 'PAYPAL', points: -1 },
        }),
      (e: { code: string; details: { errors: { field: string }[] } }) => {
        assert.equal(e.code, 'VALIDATION_FAILED');
        assert.deepEqual(
          e.details.errors.map((x) => x.field),
          [
            'body.shippingAddress.recipient',
            'body.shippingAddress.phone',
            'body.shippingAddress.zipCode',
            'body.shippingAddress.address1',
            'body.payment.method',
            'body.payment.provider',
            'body.payment.points',
            'body.items.0.quantity',
          ],
        );
        return true;
      },
    );
  });

  test('a points-only payment takes no PG; fractional points are refused', () => {
    assert.equal(validateCheckout({ ...good, payment: { method: 'POINTS' } }).payment.provider, null);
    assert.throws(() => validateCheckout({ ...good, payment: { method: 'POINTS', provider: 'TOSS' } }), {
      code: 'VALIDATION_FAILED',
    });
    assert.throws(() => validateCheckout({ ...good, payment: { method: 'CARD', points: 10.5 } }), {
      code: 'VALIDATION_FAILED',
    });
  });

  test('the PG follows the method: KakaoPay and NaverPay their own, overseas cards NicePay, else Toss', () => {
    assert.equal(defaultProviderFor('KAKAOPAY', null), 'KAKAOPAY');
    assert.equal(defaultProviderFor('NAVERPAY', null), 'NAVERPAY');
    assert.equal(defaultProviderFor('CARD', 'OVERSEAS'), 'NICEPAY');
    assert.equal(defaultProviderFor('CARD', 'DOMESTIC'), 'TOSS');
    assert.equal(defaultProviderFor('BANK_TRANSFER', null), 'TOSS');
    const overseas = validateCheckout({ ...good, payment: { method: 'CARD', cardScope: 'OVERSEAS' } });
    assert.deepEqual(overseas.payment, {
      method: 'CARD',
      provider: null,
      cardScope: 'OVERSEAS',
      points: undefined,
    });
    const refused = (payment: Record<string, unknown>) =>
      assert.throws(
        () => validateCheckout({ ...good, payment }),
        (e: { details: { errors: { field: string; message: string }[] } }) => {
          assert.deepEqual(
            e.details.errors.map((x) => x.field),
            [
              payment.cardScope === 'MARS' || payment.method === 'BANK_TRANSFER'
                ? 'body.payment.cardScope'
                : 'body.payment.provider',
            ],
          );
          return true;
        },
      );
    refused({ method: 'CARD', provider: 'KAKAOPAY' });
    refused({ method: 'NAVERPAY', provider: 'KAKAOPAY' });
    refused({ method: 'CARD', provider: 'INICIS', cardScope: 'OVERSEAS' });
    refused({ method: 'CARD', cardScope: 'MARS' });
    refused({ method: 'BANK_TRANSFER', cardScope: 'OVERSEAS' });
  });
});

describe('cart lines against the catalog', () => {
  const item: CartItem = {
    id: 'c1',
    userId: 'u',
    variantId: 'v1',
    productId: 'p1',
    quantity: 2,
    priceWhenAdded: 10_000,
    addedAt: new Date(),
    updatedAt: new Date(),
  };
  const offer: VariantOffer = {
    variantId: 'v1',
    productId: 'p1',
    sellerId: 's',
    productName: '머그컵',
    options: {},
    unitPrice: 12_000,
    productStatus: 'ON_SALE',
    sellable: 5,
    shippingFee: null,
    bundleShipping: true,
  };

  test('shows a price change since the item was added and prices the line at today’s price', () => {
    const line = viewCartLine(item, offer);
    assert.deepEqual(line.priceChange, { previous: 10_000, current: 12_000, difference: 2_000 });
    assert.equal(line.lineAmount, 24_000);
    assert.equal(line.availability, 'AVAILABLE');
  });

  test('marks lines that became unavailable, sold out or short, and leaves them out of the total', () => {
    const lines = [
      viewCartLine(item, null),
      viewCartLine(item, { ...offer, sellable: 0, productStatus: 'SOLD_OUT' }),
      viewCartLine(item, { ...offer, sellable: 1 }),
      viewCartLine(item, { ...offer, unitPrice: 10_000 }),
    ];
    assert.deepEqual(
      lines.map((l) => l.availability),
      ['UNAVAILABLE', 'SOLD_OUT', 'INSUFFICIENT_STOCK', 'AVAILABLE'],
    );
    assert.deepEqual(cartTotals(lines), {
      goodsAmount: 20_000,
      shippingFee: 0,
      totalAmount: 20_000,
      orderableCount: 1,
      unavailableCount: 3,
      priceChangedCount: 2,
    });
  });
});
