import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyOrderCommand, commandsOf, placeOrder, type Order, type PricedLine } from './order';
import {
  deriveOrderStatus,
  nextPartStatus,
  ORDER_COMMANDS,
  ORDER_STATUSES,
  PART_TRANSITIONS,
  type OrderCommand,
  type OrderStatus,
} from './order-status';

const at = new Date('2026-11-24T03:00:00.000Z');
let n = 0;
const newId = () => `id-${++n}`;

function line(sellerId: string, variantId: string, unitPrice: number, quantity: number): PricedLine {
  return {
    sellerId,
    productId: `p-${variantId}`,
    variantId,
    productName: `상품 ${variantId}`,
    options: { 색상: '빨강' },
    unitPrice,
    quantity,
  };
}

function orderOf(lines: PricedLine[]): Order {
  const total = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  return placeOrder(
    {
      userId: 'buyer',
      lines,
      shippingAddress: {
        recipient: '김구매',
        phone: '01012345678',
        zipCode: '06236',
        address1: '서울 강남구 테헤란로 1',
        address2: null,
      },
      payment: { method: 'CARD', provider: 'TOSS', pointsAmount: 0, payableAmount: total },
      // Shipping fees have their own tests (shipping-policy.test.ts); these orders ship free.
      shippingPolicies: new Map(
        lines.map((l) => [l.sellerId, { baseFee: 0, freeShippingOver: null, remoteAreaFee: 0, jejuFee: 0 }]),
      ),
    },
    { orderId: 'order-1', orderNumber: 'JT2026112400000001', now: at, newId },
  ).order;
}

describe('order state machine', () => {
  // Every allowed move, spelled out as from → command → to: a change to a rule must change this
  // list on purpose. Any pair not listed is refused.
  const allowed: Array<[OrderStatus, OrderCommand, OrderStatus]> = [
    ['PENDING_PAYMENT', 'MARK_PAID', 'PAID'],
    ['PENDING_PAYMENT', 'FAIL_PAYMENT', 'PAYMENT_FAILED'],
    ['PENDING_PAYMENT', 'EXPIRE_PAYMENT', 'CANCELLED'],
    ['PENDING_PAYMENT', 'CANCEL', 'CANCELLED'],
    ['PAID', 'CANCEL', 'CANCELLED'],
    ['PAID', 'START_PREPARING', 'PREPARING'],
    ['PAID', 'SHIP', 'SHIPPED'],
    ['PREPARING', 'CANCEL', 'CANCELLED'],
    ['PREPARING', 'SHIP', 'SHIPPED'],
    ['SHIPPED', 'DELIVER', 'DELIVERED'],
    ['SHIPPED', 'REQUEST_RETURN', 'RETURN_REQUESTED'],
    ['DELIVERED', 'CONFIRM_PURCHASE', 'PURCHASE_CONFIRMED'],
    ['DELIVERED', 'REQUEST_RETURN', 'RETURN_REQUESTED'],
    ['RETURN_REQUESTED', 'APPROVE_RETURN', 'RETURNED'],
    ['RETURN_REQUESTED', 'REJECT_RETURN', 'DELIVERED'],
    ['RETURN_REQUESTED', 'APPROVE_PARTIAL_RETURN', 'DELIVERED'],
    ['RETURN_REQUESTED', 'DELIVER', 'RETURN_REQUESTED'],
    ['DELIVERED', 'REQUEST_EXCHANGE', 'EXCHANGE_REQUESTED'],
    ['EXCHANGE_REQUESTED', 'APPROVE_EXCHANGE', 'EXCHANGE_APPROVED'],
    ['EXCHANGE_REQUESTED', 'REJECT_EXCHANGE', 'DELIVERED'],
    ['EXCHANGE_APPROVED', 'SHIP_EXCHANGE', 'EXCHANGE_IN_TRANSIT'],
    ['EXCHANGE_IN_TRANSIT', 'DELIVER_EXCHANGE', 'DELIVERED'],
  ];
  const expectedNext = (status: OrderStatus, command: OrderCommand) =>
    allowed.find(([from, by]) => from === status && by === command)?.[2] ?? null;

  test('every status × command pair is allowed or refused exactly as the table says', () => {
    for (const status of ORDER_STATUSES) {
      for (const command of ORDER_COMMANDS) {
        assert.equal(
          nextPartStatus(status, command),
          expectedNext(status, command),
          `${status} + ${command}`,
        );
      }
    }
    assert.deepEqual(Object.keys(PART_TRANSITIONS).sort(), [...ORDER_STATUSES].sort());
  });

  test('cancel is allowed until the seller ships, never after', () => {
    for (const status of ['PENDING_PAYMENT', 'PAID', 'PREPARING'] as const)
      assert.equal(nextPartStatus(status, 'CANCEL'), 'CANCELLED');
    for (const status of [
      'SHIPPED',
      'DELIVERED',
      'RETURN_REQUESTED',
      'PURCHASE_CONFIRMED',
      'RETURNED',
    ] as const)
      assert.equal(nextPartStatus(status, 'CANCEL'), null);
  });

  test('a return can be requested after shipment or delivery only', () => {
    const allowed = ORDER_STATUSES.filter((s) => nextPartStatus(s, 'REQUEST_RETURN') !== null);
    assert.deepEqual(allowed, ['SHIPPED', 'DELIVERED']);
  });

  test('the order status follows its parts: least advanced live part, a pending return first, cancelled parts last', () => {
    assert.equal(deriveOrderStatus(['SHIPPED', 'PREPARING']), 'PREPARING');
    assert.equal(deriveOrderStatus(['SHIPPED', 'CANCELLED']), 'SHIPPED');
    assert.equal(deriveOrderStatus(['DELIVERED', 'RETURN_REQUESTED']), 'RETURN_REQUESTED');
    assert.equal(deriveOrderStatus(['RETURNED', 'CANCELLED']), 'RETURNED');
    assert.equal(deriveOrderStatus(['CANCELLED', 'CANCELLED']), 'CANCELLED');
    assert.equal(deriveOrderStatus(['PURCHASE_CONFIRMED', 'RETURNED']), 'PURCHASE_CONFIRMED');
  });
});

describe('the order aggregate', () => {
  test('lines are grouped per seller with subtotals, the same variant merged, whole-won totals', () => {
    const order = orderOf([
      line('seller-b', 'v1', 12_000, 1),
      line('seller-a', 'v2', 5_500, 2),
      line('seller-b', 'v1', 12_000, 2),
      line('seller-b', 'v3', 990, 1),
    ]);
    assert.deepEqual(
      order.parts.map((p) => [
        p.sellerId,
        p.subtotal,
        p.lines.map((l) => `${l.variantId}×${l.quantity}=${l.lineAmount}`),
      ]),
      [
        ['seller-a', 11_000, ['v2×2=11000']],
        ['seller-b', 36_990, ['v1×3=36000', 'v3×1=990']],
      ],
    );
    assert.equal(order.totalAmount, 47_990);
    assert.equal(order.status, 'PENDING_PAYMENT');
    assert.equal(order.paymentDueAt.toISOString(), '2026-11-24T03:30:00.000Z');
  });

  test('each seller part moves on its own; the order shows the least advanced; history records parts and order', () => {
    let order = orderOf([line('seller-a', 'v1', 1000, 1), line('seller-b', 'v2', 2000, 1)]);
    order = applyOrderCommand(order, { command: 'MARK_PAID', at }).order;
    assert.deepEqual(
      order.parts.map((p) => p.status),
      ['PAID', 'PAID'],
    );
    const shipped = applyOrderCommand(order, { command: 'SHIP', sellerId: 'seller-a', at });
    assert.equal(shipped.order.status, 'PAID');
    assert.deepEqual(
      shipped.history.map((h) => [h.sellerId, h.fromStatus, h.toStatus]),
      [['seller-a', 'PAID', 'SHIPPED']],
    );
    const both = applyOrderCommand(shipped.order, { command: 'SHIP', sellerId: 'seller-b', at });
    assert.equal(both.order.status, 'SHIPPED');
    assert.deepEqual(
      both.history.map((h) => [h.sellerId, h.toStatus]),
      [
        ['seller-b', 'SHIPPED'],
        [null, 'SHIPPED'],
      ],
    );
  });

  test('cancelling the whole order is refused once one seller shipped, and nothing changes; that seller’s part alone stays cancellable by the other', () => {
    let order = orderOf([line('seller-a', 'v1', 1000, 1), line('seller-b', 'v2', 2000, 1)]);
    order = applyOrderCommand(order, { command: 'MARK_PAID', at }).order;
    order = applyOrderCommand(order, { command: 'SHIP', sellerId: 'seller-a', at }).order;
    assert.throws(
      () => applyOrderCommand(order, { command: 'CANCEL', at }),
      (e: { code: string; details: { parts: { sellerId: string }[] } }) => {
        assert.equal(e.code, 'ORDER_TRANSITION_NOT_ALLOWED');
        assert.deepEqual(
          e.details.parts.map((p) => p.sellerId),
          ['seller-a'],
        );
        return true;
      },
    );
    const partCancel = applyOrderCommand(order, { command: 'CANCEL', sellerId: 'seller-b', at });
    assert.deepEqual(
      partCancel.order.parts.map((p) => p.status),
      ['SHIPPED', 'CANCELLED'],
    );
    assert.equal(partCancel.order.status, 'SHIPPED');
  });

  test('order-wide payment commands move every part; commandsOf lists what is allowed now', () => {
    const order = orderOf([line('s1', 'v1', 1000, 1), line('s2', 'v2', 1000, 1)]);
    assert.deepEqual(commandsOf(order).order, ['MARK_PAID', 'FAIL_PAYMENT', 'EXPIRE_PAYMENT', 'CANCEL']);
    const failed = applyOrderCommand(order, { command: 'FAIL_PAYMENT', at, reason: 'declined' });
    assert.equal(failed.order.status, 'PAYMENT_FAILED');
    assert.throws(() => applyOrderCommand(failed.order, { command: 'MARK_PAID', at }), {
      code: 'ORDER_TRANSITION_NOT_ALLOWED',
    });
    assert.throws(() => applyOrderCommand(order, { command: 'MARK_PAID', sellerId: 's1', at }));
  });
});
