import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { temporal } from '@temporalio/proto';
import { eventually } from '../support/eventually';
import { openJourney, type Journey } from '../support/journey';

/**
 * The order journey end to end: HTTP → API → Temporal dev server → worker process → MariaDB →
 * PG and courier simulators. Timers run in real time here (the courier moves a parcel one step
 * every half second); the 30-minute, 7-day and weekly timers are covered on the time-skipping server.
 */
describe('order journey end to end (dev server, worker process, simulators)', () => {
  let shop: Journey;

  before(async () => {
    shop = await openJourney({ courierStepMs: 400 });
  });

  after(async () => {
    await shop?.close();
  });

  const stock = async (variantId: string) => {
    const [row] = (await shop.app.dataSource.query(
      'SELECT on_hand, reserved FROM stock_levels WHERE variant_id = ?',
      [variantId],
    )) as Array<{ on_hand: number; reserved: number }>;
    return { onHand: Number(row!.on_hand), reserved: Number(row!.reserved) };
  };

  test('order, pay in the sandbox window, prepare, ship, the courier delivers, the buyer confirms', async () => {
    const product = await shop.product([5], 32_000);
    const variantId = product.variantIds[0]!;
    const order = await shop.placeOrder(variantId, 2);
    assert.equal(order.status, 'PENDING_PAYMENT');
    assert.equal(order.payableAmount, 64_000);
    assert.match(order.payment.checkoutUrl, /\/sandbox\/toss\/checkout\?/);

    const { landedOn } = await shop.payInWindow(order);
    assert.equal(landedOn.pathname, '/api/v1/payments/result');
    assert.ok(['PAID', 'PROCESSING'].includes(landedOn.searchParams.get('status')!));
    await shop.until(order.id, 'PAID');
    assert.deepEqual(await stock(variantId), { onHand: 3, reserved: 0 });

    const prepared = await shop.call(`/seller/orders/${order.id}/prepare`, shop.seller, { method: 'POST' });
    assert.equal(prepared.status, 200, JSON.stringify(prepared.body));
    assert.equal(prepared.body.status, 'PREPARING');
    const badInvoice = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'UPS', invoiceNumber: 'abc' },
    });
    assert.equal(badInvoice.status, 400);
    assert.deepEqual(badInvoice.body.errors.map((e: { field: string }) => e.field).sort(), [
      'body.courier',
      'body.invoiceNumber',
    ]);
    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'CJ', invoiceNumber: '6012-3456-7890' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
    assert.equal(shipped.body.status, 'SHIPPED');
    assert.equal(shipped.body.invoiceNumber, '601234567890');

    const early = await shop.call(`/orders/${order.id}/cancel`, shop.consumer, { method: 'POST' });
    assert.equal(early.status, 409, 'a shipped order cannot be cancelled');
    assert.equal(early.body.code, 'ORDER_TRANSITION_NOT_ALLOWED');

    await shop.until(order.id, 'DELIVERED', 90_000);
    const confirmed = await shop.call(`/orders/${order.id}/confirm-purchase`, shop.consumer, {
      method: 'POST',
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.status, 'PURCHASE_CONFIRMED');
    const detail = await shop.call(`/orders/${order.id}`, shop.consumer);
    assert.deepEqual(
      detail.body.timeline.map((t: { status: string }) => t.status),
      ['PENDING_PAYMENT', 'PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'PURCHASE_CONFIRMED'],
    );
  });

  test('a declined payment: the window’s 결제 실패 lands on the result page, the order can still be paid', async () => {
    const product = await shop.product([3]);
    const order = await shop.placeOrder(product.variantIds[0]!);
    const { landedOn } = await shop.payInWindow(order, 'fail');
    assert.equal(landedOn.searchParams.get('status'), 'FAILED');
    const page = await fetch(landedOn);
    assert.match(await page.text(), /결제가 완료되지 않았습니다/);
    assert.equal((await shop.call(`/orders/${order.id}`, shop.consumer)).body.status, 'PENDING_PAYMENT');

    // The PG refuses the card at confirmation: the result page says why, nothing is charged.
    await shop.pgFaults({ decline: { code: 'REJECT_CARD_PAYMENT', times: 1 } });
    const declined = await shop.payInWindow(order);
    assert.equal(declined.landedOn.searchParams.get('status'), 'FAILED');
    assert.equal(declined.landedOn.searchParams.get('code'), 'REJECT_CARD_PAYMENT');
    assert.equal((await shop.call(`/orders/${order.id}`, shop.consumer)).body.status, 'PENDING_PAYMENT');

    const fresh = await shop.call(`/orders/${order.id}/payments/checkout`, shop.consumer, { method: 'POST' });
    assert.equal(fresh.status, 200);
    const paid = await shop.payInWindow({ ...order, payment: fresh.body });
    assert.ok(['PAID', 'PROCESSING'].includes(paid.landedOn.searchParams.get('status')!));
    await shop.until(order.id, 'PAID');
  });

  test('cancel after payment: the PG payment is cancelled, the stock comes back', async () => {
    const product = await shop.product([4], 18_000);
    const variantId = product.variantIds[0]!;
    const order = await shop.placeOrder(variantId, 1);
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');
    assert.deepEqual(await stock(variantId), { onHand: 3, reserved: 0 });
    const cancelled = await shop.call(`/orders/${order.id}/cancel`, shop.consumer, {
      body: { reason: '단순 변심' },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'CANCELLED');
    assert.deepEqual(await stock(variantId), { onHand: 4, reserved: 0 });
    const pgPayment = [...shop.pg.state.toss.payments.values()].find((p) => p.orderId === order.id);
    assert.equal(pgPayment?.status, 'CANCELED');
  });

  test('a return: delivered, the buyer asks, the seller approves with a deduction, refund and restock follow', async () => {
    const product = await shop.product([2], 40_000);
    const variantId = product.variantIds[0]!;
    const order = await shop.placeOrder(variantId, 1);
    await shop.payInWindow(order);
    await shop.until(order.id, 'PAID');
    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'HANJIN', invoiceNumber: '412345678901' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
    await shop.until(order.id, 'DELIVERED', 90_000);
    const requested = await shop.call(`/orders/${order.id}/returns`, shop.consumer, {
      body: { reason: '사이즈가 맞지 않아요' },
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    assert.equal(requested.body.status, 'RETURN_REQUESTED');
    const stranger = await shop.call(`/seller/returns/${requested.body.returnId}/approve`, shop.consumer, {
      body: {},
    });
    assert.equal(stranger.status, 403);
    const approved = await shop.call(`/seller/returns/${requested.body.returnId}/approve`, shop.seller, {
      body: { deductionAmount: 3_000, reason: '반품 배송비 차감' },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'RETURNED');
    assert.deepEqual(await stock(variantId), { onHand: 2, reserved: 0 });
    const pgPayment = [...shop.pg.state.toss.payments.values()].find((p) => p.orderId === order.id);
    assert.equal(pgPayment?.status, 'PARTIAL_CANCELED');
    assert.equal(pgPayment?.balanceAmount, 3_000);
  });

  for (const { label, payment, provider, window } of [
    {
      label: 'KakaoPay',
      payment: { method: 'KAKAOPAY' },
      provider: 'KAKAOPAY',
      window: '/sandbox/kakaopay/',
    },
    {
      label: 'NaverPay',
      payment: { method: 'NAVERPAY' },
      provider: 'NAVERPAY',
      window: '/sandbox/naverpay/',
    },
    {
      label: 'an overseas card (NicePay)',
      payment: { method: 'CARD', cardScope: 'OVERSEAS' },
      provider: 'NICEPAY',
      window: '/sandbox/nicepay/',
    },
    {
      label: 'KG Inicis',
      payment: { method: 'CARD', provider: 'INICIS' },
      provider: 'INICIS',
      window: '/sandbox/inicis/',
    },
  ])
    test(`paid through ${label}: its own window, its return, the order PAID`, async () => {
      const product = await shop.product([2], 15_500);
      const order = await shop.placeOrder(product.variantIds[0]!, 1, payment);
      assert.equal(order.payment.provider, provider);
      assert.ok(new URL(order.payment.checkoutUrl).pathname.startsWith(window), order.payment.checkoutUrl);
      const { landedOn } = await shop.payInWindow(order);
      assert.ok(['PAID', 'PROCESSING'].includes(landedOn.searchParams.get('status')!), landedOn.toString());
      await shop.until(order.id, 'PAID');
      const [row] = (await shop.app.dataSource.query(
        'SELECT provider, status FROM payments WHERE order_id = ?',
        [order.id],
      )) as Array<{ provider: string; status: string }>;
      assert.deepEqual({ ...row }, { provider, status: 'APPROVED' });
    });

  test('a worker killed with SIGKILL during the PG call and started again finishes the order, nothing twice', async () => {
    const product = await shop.product([3], 27_000);
    const variantId = product.variantIds[0]!;
    const order = await shop.placeOrder(variantId, 1);
    await shop.pgFaults({ latencyMs: 4_000 });
    const paying = shop.payInWindow(order);
    // Killed while the worker's confirm call waits on the slowed PG (the order settles its attempt itself).
    const attempt = shop.env.client.workflow.getHandle(`order:${order.id}`);
    await eventually(
      async () => {
        const pending = await attempt.describe().then(
          (described) => described.raw.pendingActivities ?? [],
          () => [],
        );
        return pending.some(
          (activity) =>
            activity.activityType?.name === 'confirmPgPayment' &&
            activity.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED,
        );
      },
      { what: 'the PG confirm call in flight', timeoutMs: 30_000 },
    );
    await shop.restartWorker({ kill: true });
    const restarted = Date.now();
    await shop.pgFaults({ latencyMs: 0 });
    // The lost call's missing heartbeat gets it retried within seconds, with the same key; no
    // message is awaited on the way (issue 17: PAID within 15 s of the restart).
    await shop.until(order.id, 'PAID', 15_000);
    const recoveredMs = Date.now() - restarted;
    assert.ok(recoveredMs <= 15_000, `PAID ${recoveredMs} ms after the restart`);
    await paying;
    const shipped = await shop.call(`/seller/orders/${order.id}/shipments`, shop.seller, {
      body: { courier: 'LOTTE', invoiceNumber: '234567890123' },
    });
    assert.equal(shipped.status, 201, JSON.stringify(shipped.body));
    await shop.until(order.id, 'DELIVERED', 90_000);

    const payments = (await shop.app.dataSource.query('SELECT status FROM payments WHERE order_id = ?', [
      order.id,
    ])) as Array<{ status: string }>;
    assert.deepEqual(
      payments.map((p) => p.status),
      ['APPROVED'],
      'one payment attempt, approved once',
    );
    const keys = new Set(
      shop.pg.state.toss.calls
        .filter((c) => c.operation === 'confirm' && c.idempotencyKey?.includes(order.id))
        .map((c) => c.idempotencyKey),
    );
    assert.equal(keys.size, 1, 'every confirm call carried the same idempotency key');
    assert.equal([...shop.pg.state.toss.payments.values()].filter((p) => p.orderId === order.id).length, 1);
    const history = (await shop.app.dataSource.query(
      'SELECT command FROM order_history WHERE order_id = ? ORDER BY seq',
      [order.id],
    )) as Array<{ command: string }>;
    assert.deepEqual(
      history.map((h) => h.command),
      ['PLACE', 'MARK_PAID', 'SHIP', 'DELIVER'],
    );
    assert.deepEqual(await stock(variantId), { onHand: 2, reserved: 0 }, 'the stock was committed once');
  });
});
