import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cancelOrderUpdate, submitPaymentUpdate } from '../../workflows/ordering/order-lifecycle.messages';
import { eventually } from '../support/eventually';
import { createAdmin, type TestAccount } from '../support/identity';
import { openOrderSandbox, type OrderSandbox } from '../support/order-sandbox';
import { createTimeSkippingEnvironment } from '../support/temporal';

interface OrderView {
  status: string;
  refundStatus: string | null;
  refunds: Array<{ refundId: string; amount: number; status: string; failureCode: string | null }>;
}

interface LetterView {
  id: string;
  kind: string;
  reference: string;
  status: string;
  input: { orderId: string; refundId: string; pgAmount: number };
  lastError: { code: string; message: string; orderId: string; amount: number };
}

describe('a refund the PG refuses (time-skipping server, real activities, the PG simulator)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let admin: TestAccount;

  before(async () => {
    env = await createTimeSkippingEnvironment();
    box = await openOrderSandbox(env);
    admin = await createAdmin(box.app);
  });

  after(async () => {
    await box?.close();
    await env?.teardown();
  });

  const get = async <T>(path: string, account: TestAccount) => {
    const response = await box.app.request(path, { method: 'GET', headers: account.auth });
    assert.equal(response.status, 200, `GET ${path}`);
    return (await response.json()) as T;
  };
  const refundLetterCount = async () =>
    (await box.metrics.deadLetters.get()).values.find((v) => v.labels.kind === 'refund')?.value ?? 0;
  /** refunds_total as the process's /metrics reads it. */
  const refundsCounted = async () => {
    const text = await box.metrics.registry.metrics();
    const of = (outcome: string) =>
      Number(new RegExp(`^refunds_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    return { done: of('done'), failed: of('failed') };
  };
  const refundCalls = (paymentKey: string) =>
    box.simulator.state.toss.calls.filter(
      (call) => call.operation === 'cancel' && call.path.includes(paymentKey) && call.status === 200,
    );

  test('is parked as a dead letter, shown FAILED on the order, and an admin retry refunds it exactly once', async () => {
    const product = await box.product([4], 20_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'PAID' });
    const lettersBefore = await refundLetterCount();
    const refundsBefore = await refundsCounted();

    // Toss refuses the refund (a final code: retrying the same call cannot help).
    await box.faults({
      transient: { operation: 'cancel', times: 1, code: 'NOT_CANCELABLE_PAYMENT', status: 403 },
    });
    const answer = await box.workflow(order.id).executeUpdate(cancelOrderUpdate, {
      args: [{ actorId: box.consumer.id, reason: '단순 변심' }],
    });
    assert.equal(answer.status, 'CANCELLED', 'the cancel stands');
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 4, reserved: 0 });

    const refundId = `${order.id}:cancel:all`;
    const failed = await get<OrderView>(`/api/v1/orders/${order.id}`, box.consumer);
    assert.equal(failed.refundStatus, 'FAILED');
    assert.deepEqual(
      failed.refunds.map((r) => [r.refundId, r.amount, r.status, r.failureCode]),
      [[refundId, 20_000 + 3_000, 'FAILED', 'NOT_CANCELABLE_PAYMENT']], // goods + the default shipping fee
    );
    const sellerView = await get<{ items: Array<{ orderId: string; refundStatus: string | null }> }>(
      '/api/v1/seller/orders',
      box.seller,
    );
    assert.equal(sellerView.items.find((i) => i.orderId === order.id)?.refundStatus, 'FAILED');
    assert.equal(
      (await refundLetterCount()) - lettersBefore,
      1,
      'dead_letters_total{kind="refund"} counted once',
    );
    assert.deepEqual(await refundsCounted(), { ...refundsBefore, failed: refundsBefore.failed + 1 });
    assert.ok(!box.sent.some((n) => n.orderId === order.id && n.templateCode === 'REFUND_COMPLETED'));

    const listed = await get<{ items: LetterView[] }>(
      '/api/v1/admin/dead-letters?kind=refund&status=OPEN&size=100',
      admin,
    );
    const letter = listed.items.find((l) => l.input.orderId === order.id);
    assert.ok(letter, 'a refund dead letter for the order');
    assert.equal(letter.reference, refundId);
    assert.equal(letter.lastError.code, 'NOT_CANCELABLE_PAYMENT');
    assert.equal(letter.lastError.amount, 20_000 + 3_000);

    // The fault was spent: the retry reaches a PG that accepts. Retried twice: one run, one refund.
    const retry = () =>
      box.app.request(`/api/v1/admin/dead-letters/${letter.id}/retry`, {
        method: 'POST',
        headers: admin.auth,
      });
    const first = await retry();
    assert.equal(first.status, 202);
    const { retry: started } = (await first.json()) as { retry: { workflowId: string } };
    assert.equal((await retry()).status, 202);
    const outcome = await env.client.workflow.getHandle(started.workflowId).result();
    assert.equal(outcome.status, 'DONE');

    const done = await get<OrderView>(`/api/v1/orders/${order.id}`, box.consumer);
    assert.equal(done.refundStatus, 'DONE');
    assert.equal(done.refunds[0]?.status, 'DONE');
    const pgPayment = [...box.simulator.state.toss.payments.values()].find((p) => p.orderId === order.id)!;
    assert.equal(pgPayment.status, 'CANCELED');
    assert.equal(refundCalls(pgPayment.paymentKey).length, 1, 'the PG refunded once');
    assert.equal((await refundLetterCount()) - lettersBefore, 1, 'no new letter');
    assert.deepEqual(await refundsCounted(), {
      done: refundsBefore.done + 1,
      failed: refundsBefore.failed + 1,
    });
    const after = await get<{ items: LetterView[] }>(
      '/api/v1/admin/dead-letters?kind=refund&size=100',
      admin,
    );
    assert.deepEqual(
      after.items.filter((l) => l.input.orderId === order.id).map((l) => l.status),
      ['RETRIED'],
    );
  });
});
