import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { useSandboxWindow } from '../../simulators/pg/shared/sandbox-buyer';
import { paymentWorkflowId } from '../../workflows/shared/workflow-ids';
import { orderStateQuery } from '../../workflows/ordering/order-lifecycle.messages';
import type { OrderSandbox } from '../support/order-sandbox';
import { useJourney } from '../support/order-part-workers';

describe('the PG return URL: one payment attempt per PG transaction, however often it is called', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  useJourney((opened) => ({ env, box } = opened), { partWorkers: false });

  test('10 concurrent returns of one payment start one attempt and one PG confirm; a late reload gets the same answer', async () => {
    const product = await box.product([3], 21_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const window = await useSandboxWindow(order.payment.checkoutUrl!, 'approve');
    assert.equal(window.kind, 'redirect');
    const returnUrl = (window as { location: string }).location;
    const landOn = async () => {
      const response = await fetch(returnUrl, { redirect: 'manual' });
      assert.equal(response.status, 303);
      return new URL(response.headers.get('location')!).searchParams.get('status');
    };

    const landings = await Promise.all(Array.from({ length: 10 }, landOn));
    for (const status of landings) assert.ok(status === 'PAID' || status === 'PROCESSING', String(status));
    assert.equal(await landOn(), 'PAID', 'a reload after the payment shows it paid, never failed');

    const state = await box.workflow(order.id).query(orderStateQuery);
    assert.equal(state.payment.attempts, 1);
    // The attempt was settled inside the order (generation 3): no PaymentAttempt workflow at all.
    for (const attempt of [1, 2])
      await assert.rejects(
        env.client.workflow.getHandle(paymentWorkflowId(order.id, attempt)).describe(),
        WorkflowNotFoundError,
      );
    const confirms = box.simulator.state.toss.calls.filter(
      (call) => call.operation === 'confirm' && call.idempotencyKey?.includes(order.id),
    );
    assert.equal(confirms.length, 1, 'one confirm reached the PG');
    await box.workflow(order.id).cancel();
  });

  test('a declined PG transaction returned again and again stays one attempt with the same answer', async () => {
    const product = await box.product([3], 17_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const window = await useSandboxWindow(order.payment.checkoutUrl!, 'approve');
    const tampered = new URL((window as { location: string }).location);
    tampered.searchParams.set('amount', String(order.payableAmount - 1_000));
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(tampered, { redirect: 'manual' });
      const landing = new URL(response.headers.get('location')!).searchParams;
      answers.push(`${landing.get('status')} ${landing.get('code')}`);
    }
    assert.deepEqual(new Set(answers), new Set(['FAILED PAYMENT_AMOUNT_MISMATCH']));
    // The app handing in the same transaction (other update ids than the return URL's) gets that answer too.
    const confirmed = new Set<string>();
    for (const key of ['app-1', 'app-2']) {
      const response = await box.app.request(`/api/v1/orders/${order.id}/payments/confirm`, {
        headers: { ...box.consumer.auth, 'idempotency-key': key },
        body: { paymentKey: tampered.searchParams.get('paymentKey'), amount: order.payableAmount - 1_000 },
      });
      const { requestId: _request, ...answer } = (await response.json()) as Record<string, unknown>;
      confirmed.add(`${response.status} ${JSON.stringify(answer)}`);
    }
    assert.equal(confirmed.size, 1, [...confirmed].join('\n'));
    assert.match([...confirmed][0]!, /^402 .*"attempt":1/);
    const state = await box.workflow(order.id).query(orderStateQuery);
    assert.equal(state.payment.attempts, 1, 'each repeat would otherwise start a new attempt');
    await box.workflow(order.id).cancel();
  });
});
