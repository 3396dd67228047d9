import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CourierSimulator } from '../../simulators/courier/courier.simulator';
import {
  shipPartUpdate,
  submitPaymentUpdate,
  type OrderLifecycleState,
} from '../../workflows/ordering/order-lifecycle.messages';
import { AUTO_CONFIRM_AFTER_MS } from '../../workflows/ordering/order-lifecycle.workflow';
import { eventually } from '../support/eventually';
import { callApi, historyTimes, useJourney } from '../support/order-part-workers';
import type { OrderSandbox } from '../support/order-sandbox';

const DAY_MS = 24 * 3600_000;

/**
 * A rejected return (docs/ordering.md, purchase confirmation) lets the 7-day clock go on where it
 * stopped: the days the return was pending do not count, and a rejection late in the week never
 * confirms the purchase at once.
 */
describe('a rejected return and the purchase-confirmation clock (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let courier: CourierSimulator;
  useJourney((opened) => ({ env, box, courier } = opened));

  const api = (path: string, auth: Record<string, string>, body?: unknown) => callApi(box, path, auth, body);
  const historyAt = async (orderId: string) => new Map(await historyTimes(box, orderId));

  test('asked on day 6, rejected on day 9: confirmed on day 10, not at the rejection', async () => {
    const product = await box.product([5], 20_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    const invoice = '601234567923';
    await box.workflow(order.id).executeUpdate(shipPartUpdate, {
      args: [{ actorId: box.seller.id, sellerId: box.seller.id, courier: 'CJ', invoiceNumber: invoice }],
    });
    await eventually(() => [...courier.state.parcels.values()].some((p) => p.invoice === invoice), {
      what: 'parcel registered at the courier',
    });
    courier.advance('04', invoice, 6);
    await eventually(async () => (await box.orderStatus(order.id)).status === 'DELIVERED', {
      what: 'DELIVERED',
    });

    await env.sleep(6 * DAY_MS);
    const requested = await api(`/orders/${order.id}/returns`, box.consumer.auth, {
      reason: '생각보다 커요',
      reasonCode: 'CHANGE_OF_MIND',
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    await env.sleep(3 * DAY_MS);
    const rejected = await api(`/seller/returns/${requested.body.returnId}/reject`, box.seller.auth, {
      reason: '착용 흔적이 있어 반품이 어렵습니다',
    });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal((await box.orderStatus(order.id)).status, 'DELIVERED', 'not confirmed on rejection');

    const final = (await box.workflow(order.id).result()) as OrderLifecycleState;
    assert.equal(final.status, 'PURCHASE_CONFIRMED');
    const at = await historyAt(order.id);
    const paused = at.get('REJECT_RETURN')! - at.get('REQUEST_RETURN')!;
    assert.ok(paused >= 3 * DAY_MS, `pending ${paused / DAY_MS} days`);
    const afterRejection = at.get('CONFIRM_PURCHASE')! - at.get('REJECT_RETURN')!;
    assert.ok(
      Math.abs(afterRejection - DAY_MS) < 60_000,
      `the day left on the clock, got ${afterRejection / DAY_MS} days after the rejection`,
    );
    const counted = at.get('CONFIRM_PURCHASE')! - at.get('DELIVER')! - paused;
    assert.ok(
      counted >= AUTO_CONFIRM_AFTER_MS && counted < AUTO_CONFIRM_AFTER_MS + 60_000,
      `7 days counted outside the return, got ${counted / DAY_MS} days`,
    );
  });
});
