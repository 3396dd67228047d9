import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SettlementError } from './settlement-errors';
import { validatePayableLines, validateRefundAdjustment } from './settlement-intake';
import { settlementDigest, taxInvoiceMgtKey } from './settlement-keys';

const intake = {
  orderId: 'order-1',
  orderNumber: 'JT2026112400000001',
  sellerId: 'seller-1',
  purchaseConfirmedAt: '2026-11-17T03:00:00.000Z',
  payableAt: '2026-11-24T03:00:00.000Z',
  lines: [{ orderLineId: 'line-1', productName: '무선 키보드', quantity: 1, amount: 39_000 }],
};

const fieldsOf = (fn: () => void): string[] => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SettlementError);
    return (error.details.errors as Array<{ field: string }>).map((e) => e.field);
  }
  return [];
};

describe('settlement intake and keys', () => {
  test('payable lines from OrderLifecycle are checked field by field', () => {
    assert.deepEqual(
      fieldsOf(() => validatePayableLines(intake)),
      [],
    );
    assert.deepEqual(
      fieldsOf(() =>
        validatePayableLines({
          ...intake,
          payableAt: 'next week',
          lines: [
            { orderLineId: 'line-1', productName: '', quantity: 0, amount: 1.5 },
            { orderLineId: 'line-1', productName: 'x', quantity: 1, amount: 1 },
          ],
        }),
      ),
      ['payableAt', 'lines.0.productName', 'lines.0.quantity', 'lines.0.amount', 'lines.1.orderLineId'],
    );
    assert.deepEqual(
      fieldsOf(() => validatePayableLines({ ...intake, lines: [] })),
      ['lines'],
    );
  });

  test('refund adjustments need a positive whole amount, a reason and an instant', () => {
    const refund = {
      sellerId: 'seller-1',
      orderId: 'order-1',
      refundId: 'refund-1',
      amount: 12_000,
      reason: '반품',
      at: '2026-11-26T02:00:00Z',
    };
    assert.deepEqual(
      fieldsOf(() => validateRefundAdjustment(refund)),
      [],
    );
    assert.deepEqual(
      fieldsOf(() => validateRefundAdjustment({ ...refund, amount: -5, reason: ' ', at: 'yesterday' })),
      ['amount', 'reason', 'at'],
    );
  });

  test('vendor keys are fixed by the settlement id: the same id, the same key', () => {
    const key = taxInvoiceMgtKey('0193a5c2-0000-7000-8000-000000000001', '2026-W48');
    assert.match(key, /^JT2026W48-[0-9A-Z]{13}$/);
    assert.ok(key.length <= 24, 'Popbill allows 24 characters');
    assert.equal(taxInvoiceMgtKey('0193a5c2-0000-7000-8000-000000000001', '2026-W48'), key);
    assert.notEqual(taxInvoiceMgtKey('0193a5c2-0000-7000-8000-000000000002', '2026-W48'), key);
    assert.match(settlementDigest('anything', 9), /^[0-9A-Z]{9}$/);
  });
});
