import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowFailedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { formatSeoulDateTime } from '../../domain/notification/notification-format';
import { PAYMENT_REMINDER_AFTER_MS } from '../../workflows/ordering/order-payment-phase';
import { paymentWorkflowId } from '../../workflows/shared/workflow-ids';
import { temporal } from '@temporalio/proto';
import {
  cancelOrderUpdate,
  orderStateQuery,
  paymentOutcomeUpdate,
  shipPartUpdate,
  startPreparingUpdate,
  submitPaymentUpdate,
} from '../../workflows/ordering/order-lifecycle.messages';
import { createAdmin, signUpConsumer } from '../support/identity';
import { useJourney } from '../support/order-part-workers';
import type { OrderSandbox, PlacedOrder } from '../support/order-sandbox';
import { address, cardPayment, orderingServices } from '../support/ordering';
import { eventually } from '../support/eventually';
import { attemptOutcome } from '../support/payment-outcome';
import { historySteps } from '../support/workflow-histories';

const cancelledWorkflow = (error: unknown) =>
  error instanceof WorkflowFailedError && error.cause instanceof CancelledFailure;

describe('orderLifecycleWorkflow (time-skipping server, real activities, MariaDB, the PG simulator)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let points: TypeOrmPointsLedger;

  useJourney((opened) => ({ env, box } = opened), { partWorkers: false });
  before(() => {
    points = new TypeOrmPointsLedger({
      dataSource: box.app.dataSource,
      newId: uuidv7,
      now: () => new Date(),
    });
  });

  /** The buyer pays in the sandbox window and hands the result to the order. */
  async function pay(order: PlacedOrder, amount = order.payableAmount) {
    const pgReturn = await box.buyerPays(order.id, amount);
    return box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
  }

  const paymentResult = (orderId: string, attempt: number) => attemptOutcome(env, orderId, attempt);
  const sentFor = (orderId: string) =>
    box.sent.filter((n) => n.orderId === orderId).map((n) => n.templateCode);
  const waitFor = (what: () => Promise<boolean>, label: string) =>
    eventually(what, { what: label, timeoutMs: 10_000 });
  /** The workflow itself has taken in the PAID step (the row turns PAID while the activity is still returning). */
  const paidInWorkflow = (orderId: string) =>
    waitFor(
      async () => (await box.workflow(orderId).query(orderStateQuery)).status === 'PAID',
      'PAID in the workflow',
    );

  test('an unpaid order is cancelled 30 minutes after placement and its stock goes back on sale', async () => {
    const product = await box.product([5]);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 2 }]);
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 5, reserved: 2 });

    const state = await box.workflow(order.id).result();
    assert.equal(state.status, 'CANCELLED');
    const stored = await box.orderStatus(order.id);
    assert.equal(stored.status, 'CANCELLED');
    assert.deepEqual(stored.history, ['PLACE', 'EXPIRE_PAYMENT']);
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 5, reserved: 0 });
    assert.deepEqual(sentFor(order.id), ['ORDER_PLACED', 'ORDER_AUTO_CANCELLED']);
    await assert.rejects(pay(order), (error: unknown) => error instanceof Error);
  });

  test('a buyer who has not paid 5 minutes after placing the order is reminded once, with the deadline, and can still pay', async () => {
    const product = await box.product([2], 9_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    await env.sleep(PAYMENT_REMINDER_AFTER_MS - 10_000);
    assert.deepEqual(sentFor(order.id), [], 'nothing asked of the buyer in the first minutes');
    await env.sleep(20_000);
    await waitFor(async () => sentFor(order.id).includes('ORDER_PLACED'), 'the reminder');
    const reminder = box.sent.find((n) => n.orderId === order.id && n.templateCode === 'ORDER_PLACED')!;
    assert.equal(reminder.variables?.['결제기한'], formatSeoulDateTime(new Date(order.paymentDueAt)));

    await env.sleep(10 * 60_000);
    await pay(order);
    await paidInWorkflow(order.id);
    await waitFor(async () => sentFor(order.id).includes('PAYMENT_COMPLETED'), 'the receipt');
    assert.deepEqual(sentFor(order.id), ['ORDER_PLACED', 'PAYMENT_COMPLETED'], 'reminded once');
    // Ended before the next test sleeps: a run left with an activity in flight stops time skipping.
    await box.workflow(order.id).cancel();
    await assert.rejects(box.workflow(order.id).result(), cancelledWorkflow);
  });

  test('a buyer who cancels before the reminder is due is never asked to pay', async () => {
    const product = await box.product([2], 9_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    await env.sleep(60_000);
    await box.workflow(order.id).executeUpdate(cancelOrderUpdate, {
      args: [{ actorId: box.consumer.id, reason: '단순 변심' }],
    });
    const state = await box.workflow(order.id).result();
    assert.equal(state.status, 'CANCELLED');
    assert.ok(!sentFor(order.id).includes('ORDER_PLACED'), `sent: ${sentFor(order.id).join(', ')}`);
  });

  test('a payment being approved across the 30-minute deadline wins: the order is paid, not cancelled', async () => {
    const product = await box.product([3]);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const handle = box.workflow(order.id);
    await env.sleep(29 * 60_000 + 50_000);
    // Three transient PG errors: the attempt's retry timers (1 s, 3 s, 9 s) carry it past the deadline.
    await box.faults({ transient: { times: 3, code: 'PROVIDER_ERROR', status: 500 } });
    const started = await pay(order);
    const result = await paymentResult(order.id, started.attempt);
    assert.equal(result.status, 'PAID');
    await waitFor(async () => (await box.orderStatus(order.id)).status === 'PAID', 'PAID');
    const state = await handle.query(orderStateQuery);
    assert.equal(state.payment.attempts, 1);
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 2, reserved: 0 });
    assert.deepEqual((await box.orderStatus(order.id)).history, ['PLACE', 'MARK_PAID']);
    await handle.cancel();
  });

  test('a declined attempt leaves the order awaiting payment; the next attempt pays it', async () => {
    const product = await box.product([4], 12_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const handle = box.workflow(order.id);
    // The window reported another amount than the order's: declined without charging anything.
    const first = await pay(order, order.payableAmount - 1_000);
    const declined = await paymentResult(order.id, first.attempt);
    assert.equal(declined.status, 'DECLINED');
    assert.equal((await handle.query(orderStateQuery)).payment.lastDecline?.code, 'PAYMENT_AMOUNT_MISMATCH');
    assert.equal((await box.orderStatus(order.id)).status, 'PENDING_PAYMENT');

    const second = await pay(order);
    assert.equal(second.attempt, 2);
    assert.equal((await paymentResult(order.id, second.attempt)).status, 'PAID');
    await waitFor(async () => (await box.orderStatus(order.id)).status === 'PAID', 'PAID');
    await handle.cancel();
  });

  test('cancel after payment: stock back, PG cancelled and points refunded, newest step undone first', async () => {
    const product = await box.product([6], 20_000);
    const buyer = box.consumer;
    await points.earn(buyer.id, 5_000, `welcome:${uuidv7()}`);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 2 }], {
      method: 'CARD',
      provider: 'TOSS',
      points: 5_000,
    });
    assert.equal(order.payableAmount, 35_000 + 3_000, 'goods + the default shipping fee − points');
    const started = await pay(order);
    assert.equal((await paymentResult(order.id, started.attempt)).status, 'PAID');
    await waitFor(async () => (await box.orderStatus(order.id)).status === 'PAID', 'PAID');
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 4, reserved: 0 });
    await paidInWorkflow(order.id);

    box.calls.length = 0;
    box.failNext('restockLines', 2);
    const answer = await box.workflow(order.id).executeUpdate(cancelOrderUpdate, {
      args: [{ actorId: buyer.id, reason: '단순 변심' }],
    });
    assert.equal(answer.status, 'CANCELLED');
    assert.deepEqual(box.calls, ['recordOrderStep', 'restockLines']);
    // The order's own history orders the undos: newest step first (shipment, stock, then money); no
    // invoice yet, so no Shipment ran: its row is closed by the order itself (generation 3).
    const steps = historySteps(await box.workflow(order.id).fetchHistory());
    const undone = steps
      .slice(steps.lastIndexOf('recordOrderStep') + 1)
      .filter((step) => !['sendNotification', 'sendSellerAlert', 'sendOrderNotices'].includes(step));
    assert.deepEqual(undone, ['cancelShipment', 'restockLines', 'refundPayment']);
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 6, reserved: 0 });
    const pgPayment = [...box.simulator.state.toss.payments.values()].find((p) => p.orderId === order.id);
    assert.equal(pgPayment?.status, 'CANCELED');
    assert.equal((await points.balance(buyer.id)).available, 5_000);
    const state = await box.workflow(order.id).query(orderStateQuery);
    assert.deepEqual(state.refunds, [{ refundId: `${order.id}:cancel:all`, amount: 43_000 }]);
    await waitFor(async () => sentFor(order.id).includes('REFUND_COMPLETED'), 'refund notice');
    assert.ok(sentFor(order.id).includes('ORDER_CANCELLED'));
  });

  test('a ship racing a cancel: exactly one is accepted', async () => {
    const product = await box.product([2]);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const started = await pay(order);
    await paymentResult(order.id, started.attempt);
    await waitFor(async () => (await box.orderStatus(order.id)).status === 'PAID', 'PAID');
    const handle = box.workflow(order.id);
    await handle.executeUpdate(startPreparingUpdate, {
      args: [{ actorId: box.seller.id, sellerId: box.seller.id }],
    });
    const [ship, cancel] = await Promise.allSettled([
      handle.executeUpdate(shipPartUpdate, {
        args: [
          { actorId: box.seller.id, sellerId: box.seller.id, courier: 'CJ', invoiceNumber: '123456789012' },
        ],
      }),
      handle.executeUpdate(cancelOrderUpdate, { args: [{ actorId: box.consumer.id, reason: '변심' }] }),
    ]);
    const accepted = [ship, cancel].filter((r) => r.status === 'fulfilled');
    assert.equal(accepted.length, 1, 'one command wins');
    const refused = [ship, cancel].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(refused.reason instanceof WorkflowUpdateFailedError);
    const stored = await box.orderStatus(order.id);
    assert.ok(['SHIPPED', 'CANCELLED'].includes(stored.status));
    if (stored.status === 'SHIPPED') await handle.cancel().catch(() => undefined);
  });

  test('an operator cancelling a paid order’s workflow undoes it: status, stock and money', async () => {
    const product = await box.product([3], 15_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const started = await pay(order);
    await paymentResult(order.id, started.attempt);
    await paidInWorkflow(order.id);
    box.calls.length = 0;
    await box.workflow(order.id).cancel();
    await assert.rejects(box.workflow(order.id).result(), cancelledWorkflow);
    assert.deepEqual(box.calls, ['recordOrderStep', 'restockLines']);
    assert.equal((await box.orderStatus(order.id)).status, 'CANCELLED');
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 3, reserved: 0 });
    const pg = [...box.simulator.state.toss.payments.values()].find((p) => p.orderId === order.id);
    assert.equal(pg?.status, 'CANCELED');
  });

  test('an order fully paid with points needs no PG: it is paid as soon as it starts', async () => {
    const product = await box.product([2], 8_000);
    const buyer = box.consumer;
    await points.earn(buyer.id, 11_000, `gift:${uuidv7()}`);
    const before = (await points.balance(buyer.id)).available;
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }], {
      method: 'POINTS',
      points: 8_000 + 3_000, // goods + the default shipping fee
    });
    assert.equal(order.payment.checkoutUrl, null);
    await waitFor(async () => (await box.orderStatus(order.id)).status === 'PAID', 'PAID');
    assert.equal((await points.balance(buyer.id)).available, before - 11_000);
    await box.workflow(order.id).cancel();
    await waitFor(async () => (await points.balance(buyer.id)).available === before, 'points back');
  });

  test('an order whose process died before starting its workflow gets one from the sweep', async () => {
    const product = await box.product([4]);
    const { order } = await orderingServices(box.app).placement.place({
      userId: box.consumer.id,
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
      idempotencyKey: null,
    });
    await box.app.dataSource.query('UPDATE orders SET placed_at = ? WHERE id = ?', [
      new Date(Date.now() - 2 * 60_000),
      order.id,
    ]);
    const sweep = () =>
      env.client.workflow.execute('orderSweepWorkflow', {
        taskQueue: 'ordering',
        workflowId: `sweep-${uuidv7()}`,
      });
    const first = (await sweep()) as { started: string[] };
    assert.ok(first.started.includes(order.id));
    assert.equal((await box.workflow(order.id).describe()).status.name, 'RUNNING');
    const second = (await sweep()) as { started: string[] };
    assert.ok(!second.started.includes(order.id), 'a running workflow is left alone');
    await box.workflow(order.id).cancel();
  });

  test('exhausted PG retries fail the order: stock released, points back, and the dead letter cannot charge it later', async () => {
    const product = await box.product([3], 9_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    await box.faults({ transient: { times: 4 } });
    const started = await pay(order);
    const outcome = await paymentResult(order.id, started.attempt);
    assert.equal(outcome.status, 'FAILED');
    assert.equal('code' in outcome && outcome.code, 'PAYMENT_DEAD_LETTERED');
    const state = await box.workflow(order.id).result();
    assert.equal(state.status, 'PAYMENT_FAILED');
    assert.deepEqual((await box.orderStatus(order.id)).history, ['PLACE', 'FAIL_PAYMENT']);
    assert.deepEqual(await box.sellable(product.variantIds[0]!), { onHand: 3, reserved: 0 });

    const admin = await createAdmin(box.app);
    const listed = await box.app.request('/api/v1/admin/dead-letters?kind=payment&status=OPEN&size=100', {
      headers: admin.auth,
    });
    const letter = ((await listed.json()) as { items: Array<{ id: string; reference: string }> }).items.find(
      (l) => l.reference.includes(order.id),
    );
    assert.ok(letter, 'the attempt was parked');
    const retried = await box.app.request(`/api/v1/admin/dead-letters/${letter.id}/retry`, {
      method: 'POST',
      headers: admin.auth,
    });
    assert.equal(retried.status, 422);
    assert.equal(((await retried.json()) as { code: string }).code, 'DEAD_LETTER_NOT_RETRYABLE');
  });

  test('POST /orders/{id}/payments/confirm: paid once, a repeat with the same key gives the same answer', async () => {
    const product = await box.product([2], 13_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    const confirm = (key: string, account = box.consumer, amount = pgReturn.amount) =>
      box.app.request(`/api/v1/orders/${order.id}/payments/confirm`, {
        headers: { ...account.auth, 'idempotency-key': key },
        body: { paymentKey: pgReturn.token, amount },
      });
    const first = await confirm('confirm-1');
    const firstBody = (await first.json()) as { status: string; attempt: number };
    assert.equal(first.status, 200, JSON.stringify(firstBody));
    assert.equal(firstBody.status, 'PAID');
    const again = await confirm('confirm-1');
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), firstBody);
    const confirmCalls = box.simulator.state.toss.calls.filter(
      (c) => c.operation === 'confirm' && c.idempotencyKey?.includes(order.id),
    );
    assert.equal(new Set(confirmCalls.map((c) => c.idempotencyKey)).size, 1, 'one attempt reached the PG');
    const other = await signUpConsumer(box.app);
    assert.equal((await confirm('confirm-2', other)).status, 404);
    const unknown = await box.app.request(`/api/v1/orders/${uuidv7()}/payments/confirm`, {
      headers: { ...box.consumer.auth, 'idempotency-key': 'confirm-unknown' },
      body: { paymentKey: pgReturn.token, amount: pgReturn.amount },
    });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { code: string }).code, 'ORDER_NOT_FOUND');
    await waitFor(async () => (await box.orderStatus(order.id)).status === 'PAID', 'PAID');
    // The same PG transaction later gets the same answer (one attempt per PG transaction); another is refused.
    const late = await confirm('confirm-3');
    assert.equal(late.status, 200);
    assert.deepEqual(await late.json(), firstBody);
    const otherTransaction = await box.app.request(`/api/v1/orders/${order.id}/payments/confirm`, {
      headers: { ...box.consumer.auth, 'idempotency-key': 'confirm-4' },
      body: { paymentKey: `${pgReturn.token}-other`, amount: pgReturn.amount },
    });
    assert.equal(otherTransaction.status, 409);
    assert.equal(((await otherTransaction.json()) as { code: string }).code, 'ORDER_NOT_PAYABLE');
    const missing = await box.app.request(`/api/v1/orders/${order.id}/payments/confirm`, {
      headers: box.consumer.auth,
      body: { amount: 'lots' },
    });
    assert.equal(missing.status, 400);
    await box.workflow(order.id).cancel();
  });

  test('a new order (generation 5) asks no patched(), settles its attempt without a child, starts no PG budget timer, asks a buyer who paid at once for nothing and sends the receipt and the seller’s alert in one activity', async () => {
    const product = await box.product([2], 11_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const started = await pay(order);
    assert.equal(started.workflowId, box.workflow(order.id).workflowId, 'the attempt runs in the order');
    assert.equal((await paymentResult(order.id, started.attempt)).status, 'PAID');
    await paidInWorkflow(order.id);

    const EventType = temporal.api.enums.v1.EventType;
    const orderEvents = (await box.workflow(order.id).fetchHistory()).events ?? [];
    const patchMarkers = orderEvents.filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_patch',
    );
    assert.deepEqual(patchMarkers, [], 'every change of generations 2 to 5 is in without a marker');
    const children = orderEvents
      .map((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name)
      .filter(Boolean);
    assert.ok(!children.includes('paymentAttemptWorkflow'), `children: ${children.join(', ')}`);
    await assert.rejects(
      env.client.workflow.getHandle(paymentWorkflowId(order.id, 1)).describe(),
      WorkflowNotFoundError,
    );
    const confirms = orderEvents.filter(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'confirmPgPayment',
    );
    assert.equal(confirms.length, 1, 'one PG confirm, scheduled by the order');
    const budgetTimers = orderEvents.filter(
      (e) => Number(e.timerStartedEventAttributes?.startToFireTimeout?.seconds ?? 0) === 600,
    );
    assert.deepEqual(budgetTimers, [], 'no PG budget timer');
    const signals = orderEvents.filter(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
    );
    assert.deepEqual(signals, [], "Toss's approval webhook signals nothing");

    // The buyer's receipt and the seller's new-order alert: one activity, once the order is PAID.
    await waitFor(
      async () =>
        sentFor(order.id).includes('PAYMENT_COMPLETED') &&
        box.sellerAlerts.some((a) => a.orderId === order.id && a.templateCode === 'SELLER_NEW_ORDER'),
      'the receipt and the alert sent',
    );
    const history = (await box.workflow(order.id).fetchHistory()).events ?? [];
    const sends = history
      .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
      .filter((name) => name?.startsWith('send'));
    assert.deepEqual(sends, ['sendOrderNotices'], 'no 결제 대기 notice, the two together');
    assert.deepEqual(sentFor(order.id), ['PAYMENT_COMPLETED']);
    const timers = history.filter((e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED);
    assert.equal(
      Number(timers[0]?.timerStartedEventAttributes?.startToFireTimeout?.seconds),
      PAYMENT_REMINDER_AFTER_MS / 1000,
      'the first timer is the reminder’s: the window’s own never started',
    );
    await box.workflow(order.id).cancel();
  });

  test("a virtual-account order waits for the deposit; the deposit's webhook wakes the order, the approval's does not", async () => {
    const product = await box.product([2], 16_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }], {
      method: 'BANK_TRANSFER',
      provider: 'TOSS',
    });
    const pgReturn = await box.buyerPays(order.id, order.payableAmount, {
      method: 'BANK_TRANSFER',
      choices: { method: 'VIRTUAL_ACCOUNT' },
    });
    const handle = box.workflow(order.id);
    await handle.executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    const stored = async () =>
      (
        (await box.app.dataSource.query('SELECT status FROM payments WHERE order_id = ?', [
          order.id,
        ])) as Array<{
          status: string;
        }>
      )[0]?.status;
    await waitFor(async () => (await stored()) === 'AWAITING_DEPOSIT', 'the virtual account issued');
    const deposit = await fetch(`${box.simulatorUrl}/__sim/toss/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: order.id }),
    });
    assert.equal(deposit.status, 200);
    // The clock stands still here: without the webhook's signal the order would look again in an hour.
    const answer = await handle.executeUpdate(paymentOutcomeUpdate, {
      args: [{ attempt: 1, waitMs: 30_000 }],
    });
    assert.equal(answer.status, 'PAID');
    await paidInWorkflow(order.id);

    const EventType = temporal.api.enums.v1.EventType;
    const signals = ((await handle.fetchHistory()).events ?? []).filter(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
    );
    // Toss reports a deposit twice (its callback and a status change): one or both may wake the order.
    const told = signals.map((e) => {
      const [payload] = e.workflowExecutionSignaledEventAttributes?.input?.payloads ?? [];
      return JSON.parse(Buffer.from(payload!.data!).toString()) as { pgStatus: string };
    });
    assert.ok(told.length >= 1 && told.length <= 2, `${told.length} signals`);
    assert.ok(
      told.every((t) => t.pgStatus === 'APPROVED'),
      `only the deposit wakes the order, never the account being issued: ${JSON.stringify(told)}`,
    );
    await handle.cancel();
  });

  test('submitPayment with waitMs answers the attempt’s outcome in the same update: one update, and a repeat answers the same', async () => {
    const product = await box.product([2], 13_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    const submit = () =>
      box.workflow(order.id).executeUpdate(submitPaymentUpdate, {
        args: [{ pgReturn, waitMs: 20_000 }],
        updateId: `confirm-once-${order.id}`,
      });
    const answer = await submit();
    assert.equal(answer.outcome?.status, 'PAID');
    assert.equal(answer.attempt, 1);
    assert.deepEqual(await submit(), answer, 'the same update id answers its first answer');
    await paidInWorkflow(order.id);

    const EventType = temporal.api.enums.v1.EventType;
    const events = (await box.workflow(order.id).fetchHistory()).events ?? [];
    const updates = events.filter(
      (e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
    );
    assert.equal(updates.length, 1, 'the confirm took one update');
    await box.workflow(order.id).cancel();
  });

  test('submitPayment with waitMs answers PROCESSING when the PG has not answered within the wait', async () => {
    const product = await box.product([2], 14_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    // Every Toss answer comes after the client's 2 s timeout: the attempt cannot end within the wait.
    await box.faults({ latencyMs: 7_000 });
    try {
      const answer = await box
        .workflow(order.id)
        .executeUpdate(submitPaymentUpdate, { args: [{ pgReturn, waitMs: 1_000 }] });
      assert.deepEqual(answer.outcome, { status: 'PROCESSING', orderId: order.id, attempt: 1 });
    } finally {
      await box.faults({ latencyMs: 0 });
    }
    assert.equal((await paymentResult(order.id, 1)).status, 'PAID');
    await box.workflow(order.id).cancel();
  });

  test('messages never hold the order: with the receipt stuck, it is paid, recorded PAID and its shipment opened', async () => {
    const release = box.holdNotices('PAYMENT_COMPLETED');
    const product = await box.product([3]);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 1 }]);
    try {
      await pay(order);
      await waitFor(
        async () => (await box.orderStatus(order.id)).status === 'PAID',
        'PAID while notices hang',
      );
      // The seller's to-ship list has the part (its Shipment starts with the invoice, generation 3).
      await waitFor(async () => {
        const rows = (await box.app.dataSource.query(
          'SELECT status FROM shipments WHERE order_id = ? AND seller_id = ?',
          [order.id, box.seller.id],
        )) as Array<{ status: string }>;
        return rows[0]?.status === 'AWAITING_INVOICE';
      }, 'the shipment opened');
      assert.deepEqual(sentFor(order.id), [], 'the receipt was still stuck');
    } finally {
      release();
    }
    await waitFor(
      async () => sentFor(order.id).includes('PAYMENT_COMPLETED'),
      'the receipt sent once released',
    );
    await box.workflow(order.id).cancel();
  });
});
