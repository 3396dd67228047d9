import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../domain/shared/domain-error';
import { createDataSource } from '../../persistence/data-source';
import { uuidv7 } from '../../platform/ids';
import { signUpSeller, type TestAccount } from '../support/identity';
import { address, cardPayment, createProduct, orderingServices } from '../support/ordering';
import { dumpDatabase } from '../support/database-dump';
import { TEST_DATABASE_URL } from '../support/services';
import { createTestApp, type TestApp } from '../support/test-app';

function expectDomainError(code: string, check?: (error: DomainError) => void) {
  return (error: unknown) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code, error.message);
    check?.(error);
    return true;
  };
}

describe('order placement (MariaDB, Redis)', () => {
  let app: TestApp;
  let seller: TestAccount;
  let otherSeller: TestAccount;
  let services: ReturnType<typeof orderingServices>;
  const buyers: string[] = [];

  const count = async (sql: string, params: unknown[]) =>
    Number((await app.dataSource.query(sql, params))[0].n);
  const stockOf = async (variantId: string) => {
    const level = await services.inventory.level(variantId);
    return { onHand: level.onHand, reserved: level.reserved };
  };
  const buyer = () => {
    const id = uuidv7();
    buyers.push(id);
    return id;
  };

  before(async () => {
    app = await createTestApp();
    seller = await signUpSeller(app);
    otherSeller = await signUpSeller(app);
    services = orderingServices(app);
  });

  after(async () => {
    for (const userId of buyers) {
      const ids = (await app.dataSource.query('SELECT id FROM orders WHERE user_id = ?', [userId])) as {
        id: string;
      }[];
      for (const { id } of ids) {
        for (const table of ['order_history', 'order_lines', 'order_parts'])
          await app.dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [id]);
        await app.dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [id]);
      }
      await app.dataSource.query('DELETE FROM orders WHERE user_id = ?', [userId]);
      await app.dataSource.query('DELETE FROM cart_items WHERE user_id = ?', [userId]);
    }
    await app.close();
  });

  test('one order per seller part: lines grouped, amounts from current prices (not the client), stock reserved summed per SKU', async () => {
    const mug = await createProduct(app, seller, {
      price: 12_000,
      stocks: [10, 10],
      priceDeltas: [0, 1_500],
    });
    const towel = await createProduct(app, otherSeller, { price: 4_900, stocks: [5] });
    const userId = buyer();
    const { order, created } = await services.placement.place({
      userId,
      body: {
        items: [
          { variantId: mug.variantIds[0]!, quantity: 1 },
          { variantId: towel.variantIds[0]!, quantity: 2 },
          { variantId: mug.variantIds[1]!, quantity: 1 },
          { variantId: mug.variantIds[0]!, quantity: 2 },
        ],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(created, true);
    assert.equal(order.status, 'PENDING_PAYMENT');
    assert.match(order.orderNumber, /^JT\d{16}$/);
    assert.equal(order.totalAmount, 3 * 12_000 + 13_500 + 2 * 4_900 + 2 * 3_000, 'shipping 3,000원 a part');
    assert.deepEqual(
      [order.payment.pointsAmount, order.payment.payableAmount, order.payment.provider],
      [0, order.totalAmount, 'TOSS'],
    );
    assert.equal(order.paymentDueAt.getTime() - order.placedAt.getTime(), 30 * 60 * 1000);
    const parts = Object.fromEntries(order.parts.map((p) => [p.sellerId, p]));
    assert.deepEqual(
      parts[seller.id]!.lines.map((l) => [l.variantId, l.quantity, l.unitPrice]).sort(),
      [
        [mug.variantIds[0], 3, 12_000],
        [mug.variantIds[1], 1, 13_500],
      ].sort(),
    );
    assert.equal(parts[seller.id]!.subtotal, 49_500);
    assert.equal(parts[otherSeller.id]!.subtotal, 9_800);

    const stored = await services.orders.findById(order.id);
    assert.deepEqual(
      stored!.parts.map((p) => [p.sellerId, p.status, p.subtotal, p.shippingFee]).sort(),
      order.parts.map((p) => [p.sellerId, p.status, p.subtotal, 3_000]).sort(),
    );
    assert.deepEqual(stored!.shippingAddress, { ...address(), phone: '01023456789' });
    assert.deepEqual(await stockOf(mug.variantIds[0]!), { onHand: 10, reserved: 3 });
    assert.deepEqual(await stockOf(towel.variantIds[0]!), { onHand: 5, reserved: 2 });
    const history = await services.orders.history(order.id);
    assert.deepEqual(
      history.map((h) => [h.command, h.toStatus]),
      [['PLACE', 'PENDING_PAYMENT']],
    );
  });

  test('a failure after the reservation rolls everything back: no order, no lines, no history, stock untouched', async () => {
    const product = await createProduct(app, seller, { price: 8_000, stocks: [7] });
    let failedOrderId = '';
    const failing = orderingServices(app, {
      placement: {
        afterReservation: async (orderId) => {
          failedOrderId = orderId;
          throw new Error('crash after the reservation');
        },
      },
    });
    const userId = buyer();
    await assert.rejects(
      failing.placement.place({
        userId,
        body: {
          items: [{ variantId: product.variantIds[0]!, quantity: 3 }],
          shippingAddress: address(),
          payment: cardPayment,
        },
      }),
      /crash after the reservation/,
    );
    assert.ok(failedOrderId, 'the reservation ran before the failure');
    for (const table of ['order_parts', 'order_lines', 'order_history'])
      assert.equal(
        await count(`SELECT COUNT(*) AS n FROM ${table} WHERE order_id = ?`, [failedOrderId]),
        0,
        table,
      );
    assert.equal(await count('SELECT COUNT(*) AS n FROM orders WHERE id = ?', [failedOrderId]), 0);
    assert.equal(
      await count('SELECT COUNT(*) AS n FROM stock_reservations WHERE reference = ?', [failedOrderId]),
      0,
    );
    assert.deepEqual(await stockOf(product.variantIds[0]!), { onHand: 7, reserved: 0 });
  });

  test('Idempotency-Key: a repeat returns the same order and creates nothing; another body with the key is IDEMPOTENCY_KEY_REUSED', async () => {
    const product = await createProduct(app, seller, { price: 3_000, stocks: [10] });
    const userId = buyer();
    const body = {
      items: [{ variantId: product.variantIds[0]!, quantity: 2 }],
      shippingAddress: address(),
      payment: cardPayment,
    };
    const first = await services.placement.place({ userId, body, idempotencyKey: 'checkout-1' });
    const again = await services.placement.place({
      userId,
      body: { ...body, shippingAddress: { ...address(), recipient: ' 김주문 ' } },
      idempotencyKey: 'checkout-1',
    });
    assert.equal(again.created, false);
    assert.equal(again.order.id, first.order.id);
    assert.equal(again.order.orderNumber, first.order.orderNumber);
    assert.equal(await count('SELECT COUNT(*) AS n FROM orders WHERE user_id = ?', [userId]), 1);
    assert.deepEqual(await stockOf(product.variantIds[0]!), { onHand: 10, reserved: 2 });

    await assert.rejects(
      services.placement.place({
        userId,
        body: { ...body, items: [{ variantId: product.variantIds[0]!, quantity: 3 }] },
        idempotencyKey: 'checkout-1',
      }),
      expectDomainError('IDEMPOTENCY_KEY_REUSED'),
    );
    // The same key from another buyer is another order.
    const other = await services.placement.place({ userId: buyer(), body, idempotencyKey: 'checkout-1' });
    assert.notEqual(other.order.id, first.order.id);
    assert.deepEqual(await stockOf(product.variantIds[0]!), { onHand: 10, reserved: 4 });
  });

  test('concurrent identical requests with one Idempotency-Key create one order; every caller gets it', async () => {
    const product = await createProduct(app, seller, { price: 5_000, stocks: [20] });
    const userId = buyer();
    const body = {
      items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
      shippingAddress: address(),
      payment: cardPayment,
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        services.placement.place({ userId, body, idempotencyKey: 'double-click' }),
      ),
    );
    assert.equal(new Set(results.map((r) => r.order.id)).size, 1);
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(await count('SELECT COUNT(*) AS n FROM orders WHERE user_id = ?', [userId]), 1);
    assert.deepEqual(await stockOf(product.variantIds[0]!), { onHand: 20, reserved: 1 });
  });

  test('short stock: 409 OUT_OF_STOCK lists every short variant with requested and available, and nothing is stored', async () => {
    const product = await createProduct(app, seller, { price: 2_000, stocks: [3, 1, 10] });
    const [a, b, c] = product.variantIds as [string, string, string];
    const userId = buyer();
    await assert.rejects(
      services.placement.place({
        userId,
        body: {
          items: [
            { variantId: a, quantity: 2 },
            { variantId: b, quantity: 2 },
            { variantId: a, quantity: 2 },
            { variantId: c, quantity: 1 },
          ],
          shippingAddress: address(),
          payment: cardPayment,
        },
      }),
      expectDomainError('OUT_OF_STOCK', (error) => {
        const variants = (error.details.variants as { variantId: string }[])
          .slice()
          .sort((x, y) => x.variantId.localeCompare(y.variantId));
        assert.deepEqual(
          variants,
          [
            { variantId: a, requested: 4, available: 3 },
            { variantId: b, requested: 2, available: 1 },
          ].sort((x, y) => x.variantId.localeCompare(y.variantId)),
        );
      }),
    );
    assert.equal(await count('SELECT COUNT(*) AS n FROM orders WHERE user_id = ?', [userId]), 0);
    for (const id of product.variantIds) assert.equal((await stockOf(id)).reserved, 0);
  });

  test('points: the split is server-side against the balance port; more points than available is refused', async () => {
    const product = await createProduct(app, seller, { price: 10_000, stocks: [10] });
    const rich = orderingServices(app, { points: { availablePoints: async () => 3_000 } });
    const body = {
      items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
      shippingAddress: address(),
      payment: { ...cardPayment, points: 2_500 },
    };
    const { order } = await rich.placement.place({ userId: buyer(), body });
    assert.deepEqual(
      [order.totalAmount, order.payment.pointsAmount, order.payment.payableAmount],
      [10_000 + 3_000, 2_500, 10_500],
    );
    await assert.rejects(
      rich.placement.place({
        userId: buyer(),
        body: { ...body, payment: { ...cardPayment, points: 3_001 } },
      }),
      expectDomainError('POINTS_INSUFFICIENT'),
    );
    await assert.rejects(
      rich.placement.place({ userId: buyer(), body: { ...body, payment: { method: 'POINTS' } } }),
      expectDomainError('POINTS_INSUFFICIENT'),
    );
    await assert.rejects(
      services.placement.place({ userId: buyer(), body }),
      expectDomainError('POINTS_INSUFFICIENT'),
      'without a ledger nobody has points',
    );
    const covered = orderingServices(app, { points: { availablePoints: async () => 50_000 } });
    const paidByPoints = await covered.placement.place({
      userId: buyer(),
      body: { ...body, payment: { method: 'POINTS' } },
    });
    assert.deepEqual(
      [
        paidByPoints.order.payment.method,
        paidByPoints.order.payment.provider,
        paidByPoints.order.payment.payableAmount,
      ],
      ['POINTS', null, 0],
    );
  });

  test('from the cart: the ordered lines leave the cart in the same transaction; an empty cart is CART_EMPTY', async () => {
    const product = await createProduct(app, seller, { price: 1_000, stocks: [5, 5] });
    const userId = buyer();
    await services.cart.add(userId, product.variantIds[0]!, 2);
    await services.cart.add(userId, product.variantIds[1]!, 1);
    const { order } = await services.placement.place({
      userId,
      body: { shippingAddress: address(), payment: cardPayment },
    });
    assert.equal(order.totalAmount, 3_000 + 3_000, 'goods + the default shipping fee');
    assert.equal((await services.cart.view(userId)).lines.length, 0);
    await assert.rejects(
      services.placement.place({ userId, body: { shippingAddress: address(), payment: cardPayment } }),
      expectDomainError('CART_EMPTY'),
    );
  });

  test('the shipping address is not in plain text in a mysqldump', async () => {
    const product = await createProduct(app, seller, { price: 1_000, stocks: [5] });
    const tag = uuidv7().slice(-8);
    const secret = {
      recipient: `비밀수령인${tag}`,
      phone: '010-9876-5432',
      zipCode: '04524',
      address1: `서울 중구 세종대로 ${tag}번길`,
      address2: `비밀동${tag}`,
    };
    await services.placement.place({
      userId: buyer(),
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: secret,
        payment: cardPayment,
      },
    });
    const dump = await dumpDatabase();
    assert.ok(dump.includes('INSERT INTO `orders`'), 'the dump holds the orders table');
    for (const value of [secret.recipient, secret.address1, secret.address2, tag])
      assert.ok(!dump.includes(value), `found ${value} in the dump`);
  });
});

describe('order placement under contention (MariaDB)', () => {
  const PLACEMENTS = 200;
  const STOCK = 50;
  let app: TestApp;
  let dataSource: DataSource;
  let seller: TestAccount;

  before(async () => {
    app = await createTestApp();
    seller = await signUpSeller(app);
    // Its own pool: the placements run side by side in separate sessions.
    dataSource = await createDataSource(
      { kind: 'mariadb', url: TEST_DATABASE_URL },
      { poolSize: 40 },
    ).initialize();
  });

  after(async () => {
    await dataSource.destroy();
    await app.close();
  });

  test(`${PLACEMENTS} concurrent placements for ${STOCK} units: exactly ${STOCK} orders, the rest OUT_OF_STOCK, stock never negative`, async () => {
    const services = orderingServices(app, { dataSource });
    const product = await createProduct(app, seller, { price: 9_900, stocks: [STOCK] });
    const variantId = product.variantIds[0]!;
    const userIds = Array.from({ length: PLACEMENTS }, () => uuidv7());
    let sampling = true;
    const samples: number[] = [];
    const sampler = (async () => {
      while (sampling) {
        const [row] = await app.dataSource.query(
          'SELECT on_hand - reserved AS sellable, reserved FROM stock_levels WHERE variant_id = ?',
          [variantId],
        );
        samples.push(Number(row.sellable));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      userIds.map((userId) =>
        services.placement.place({
          userId,
          body: { items: [{ variantId, quantity: 1 }], shippingAddress: address(), payment: cardPayment },
        }),
      ),
    );
    const elapsed = Date.now() - started;
    sampling = false;
    await sampler;
    try {
      const placed = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      for (const outcome of refused) {
        assert.ok(outcome.reason instanceof DomainError, String(outcome.reason));
        assert.equal(outcome.reason.code, 'OUT_OF_STOCK');
      }
      assert.equal(placed.length, STOCK);
      assert.equal(refused.length, PLACEMENTS - STOCK);
      const [orders] = await app.dataSource.query(
        `SELECT COUNT(*) AS n FROM orders WHERE user_id IN (${userIds.map(() => '?').join(',')})`,
        userIds,
      );
      assert.equal(Number(orders.n), STOCK);
      const level = await services.inventory.level(variantId);
      assert.deepEqual([level.onHand, level.reserved], [STOCK, STOCK]);
      assert.ok(
        samples.length > 5 && Math.min(...samples) >= 0,
        `lowest sellable sampled: ${Math.min(...samples)} over ${samples.length} samples`,
      );
      console.log(
        `# ${PLACEMENTS} placements in ${elapsed} ms (${Math.round((PLACEMENTS * 1000) / elapsed)}/s)`,
      );
    } finally {
      const ids = (await app.dataSource.query(
        `SELECT id FROM orders WHERE user_id IN (${userIds.map(() => '?').join(',')})`,
        userIds,
      )) as { id: string }[];
      for (const { id } of ids) {
        for (const table of ['order_history', 'order_lines', 'order_parts'])
          await app.dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [id]);
        await app.dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [id]);
        await app.dataSource.query('DELETE FROM orders WHERE id = ?', [id]);
      }
    }
  });
});
