import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deliversInOneStep, SEQUENCE_HEADS } from './notice-sequence';

describe('which notices are delivered in one step (no workflow)', () => {
  test('a notice outside any sequence: an order placed, a payment, a seller alert, a statement', () => {
    for (const templateCode of [
      'ORDER_PLACED',
      'PAYMENT_COMPLETED',
      'SELLER_NEW_ORDER',
      'SETTLEMENT_STATEMENT',
    ] as const)
      assert.equal(deliversInOneStep({ templateCode }), true, templateCode);
  });

  test('a notice another one waits for keeps its workflow: the cancellation and the approved return', () => {
    assert.deepEqual([...SEQUENCE_HEADS].sort(), ['ORDER_CANCELLED', 'RETURN_APPROVED']);
    assert.equal(deliversInOneStep({ templateCode: 'ORDER_CANCELLED' }), false);
    assert.equal(deliversInOneStep({ templateCode: 'RETURN_APPROVED' }), false);
  });

  test('a notice that follows another keeps its workflow, whatever its template', () => {
    assert.equal(
      deliversInOneStep({ templateCode: 'REFUND_COMPLETED', after: 'order-cancelled:o:all' }),
      false,
    );
    assert.equal(deliversInOneStep({ templateCode: 'ORDER_PLACED', after: 'x' }), false);
  });

  test('the refund notice on its own (a refund with nothing before it) goes in one step', () => {
    assert.equal(deliversInOneStep({ templateCode: 'REFUND_COMPLETED' }), true);
  });
});
