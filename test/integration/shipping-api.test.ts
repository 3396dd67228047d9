import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SANDBOX_COURIER_WEBHOOK_SECRET } from '../../config/courier-vendors';
import type { ShipmentRecord } from '../../domain/shipping/ports';
import { trackingEventOf } from '../../domain/shipping/tracking-event';
import { TypeOrmShipmentRepository } from '../../persistence/shipping/typeorm-shipment.repository';
import { uuidv7 } from '../../platform/ids';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { address, cardPayment, createProduct, orderingServices } from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('shipping API: tracking, seller lists and the courier webhook (real MariaDB)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let shipments: TypeOrmShipmentRepository;
  let buyer: TestAccount;
  let otherBuyer: TestAccount;
  let seller: TestAccount;
  let otherSeller: TestAccount;
  let ordersManager: TestAccount;
  let productsManager: TestAccount;
  let admin: TestAccount;
  let orderId: string;
  let toShip: ShipmentRecord;
  let shipping: ShipmentRecord;
  const invoice = '123456789013';

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    shipments = new TypeOrmShipmentRepository(app.dataSource, uuidv7);
    [buyer, otherBuyer, seller, otherSeller, admin] = await Promise.all([
      signUpConsumer(app),
      signUpConsumer(app),
      signUpSeller(app),
      signUpSeller(app),
      createAdmin(app),
    ]);
    ordersManager = await createManager(app, admin);
    productsManager = await createManager(app, admin);
    await assignManager(app, seller, ordersManager, ['ORDERS']);
    await assignManager(app, seller, productsManager, ['PRODUCTS']);

    const product = await createProduct(app, seller, { price: 12_000, stocks: [5] });
    const { order } = await orderingServices(app).placement.place({
      userId: buyer.id,
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    orderId = order.id;

    // What the Shipment workflows would have written: one part on its way, one (another order) still to ship.
    const now = new Date();
    const base = {
      orderNumber: order.orderNumber,
      buyerUserId: buyer.id,
      itemSummary: '테스트 상품',
      pushRegistered: false,
    };
    shipping = await shipments.open({
      ...base,
      id: uuidv7(),
      orderId,
      sellerId: seller.id,
      status: 'AWAITING_INVOICE',
      createdAt: now,
      updatedAt: now,
    });
    await shipments.registerInvoice(
      shipping.id,
      {
        courier: 'CJ',
        invoiceNumber: invoice,
        registeredBy: seller.id,
        registeredAt: now,
        pushRegistered: true,
      },
      now,
    );
    const steps = [
      trackingEventOf({
        level: 3,
        time: Date.parse('2026-11-24T09:00:00Z'),
        where: '옥천HUB',
        kind: '간선상차',
      })!,
      trackingEventOf({
        level: 2,
        time: Date.parse('2026-11-24T01:00:00Z'),
        where: '서울강남',
        kind: '집화처리',
      })!,
    ];
    await shipments.recordEvents(shipping.id, invoice, steps, 'POLL', now);
    await shipments.advance(shipping.id, invoice, 'IN_TRANSIT', { movedAt: now });
    toShip = await shipments.open({
      ...base,
      id: uuidv7(),
      orderId: uuidv7(),
      sellerId: seller.id,
      status: 'AWAITING_INVOICE',
      createdAt: now,
      updatedAt: now,
    });
  });

  after(async () => {
    if (app) {
      await app.dataSource.query('DELETE FROM shipment_events WHERE shipment_id IN (?, ?)', [
        shipping.id,
        toShip.id,
      ]);
      await app.dataSource.query('DELETE FROM shipments WHERE id IN (?, ?)', [shipping.id, toShip.id]);
      await app.close();
    }
    await env?.teardown();
  });

  async function call(path: string, who?: TestAccount, init: { headers?: Record<string, string> } = {}) {
    const response = await app.request(`/api/v1${path}`, {
      headers: { ...(who?.auth ?? {}), ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  test('GET /orders/{id}/tracking: the buyer sees courier, invoice, status and the steps in time order', async () => {
    const { status, body } = await call(`/orders/${orderId}/tracking`, buyer);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      orderId,
      shipments: [
        {
          sellerId: seller.id,
          exchangeId: null,
          courier: 'CJ',
          courierName: 'CJ대한통운',
          invoiceNumber: invoice,
          status: 'IN_TRANSIT',
          statusLabel: '배송중',
          deliveredAt: null,
          events: [
            {
              status: 'PICKED_UP',
              at: '2026-11-24T01:00:00.000Z',
              where: '서울강남',
              description: '집화처리',
            },
            {
              status: 'IN_TRANSIT',
              at: '2026-11-24T09:00:00.000Z',
              where: '옥천HUB',
              description: '간선상차',
            },
          ],
        },
      ],
    });
    assert.equal((await call(`/orders/${orderId}/tracking`, admin)).status, 200);
    const stranger = await call(`/orders/${orderId}/tracking`, otherBuyer);
    assert.deepEqual([stranger.status, stranger.body.code], [404, 'ORDER_NOT_FOUND']);
    assert.equal((await call(`/orders/${orderId}/tracking`, seller)).status, 403);
    assert.equal((await call(`/orders/${orderId}/tracking`)).status, 401);
    assert.equal((await call(`/orders/${uuidv7()}/tracking`, buyer)).status, 404);
  });

  test('GET /seller/shipments: still to ship and on the way by default, filters, managers with ORDERS only', async () => {
    const all = await call('/seller/shipments', seller);
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.items.map((i: Json) => [i.id, i.status, i.kind, i.exchangeId]),
      [
        [shipping.id, 'IN_TRANSIT', 'ORDER', null],
        [toShip.id, 'AWAITING_INVOICE', 'ORDER', null],
      ],
    );
    const waiting = await call('/seller/shipments?status=TO_SHIP', seller);
    assert.deepEqual(
      waiting.body.items.map((i: Json) => i.id),
      [toShip.id],
    );
    const onTheWay = await call('/seller/shipments?status=SHIPPING', ordersManager);
    assert.deepEqual(
      onTheWay.body.items.map((i: Json) => [i.id, i.courier, i.invoiceNumber]),
      [[shipping.id, 'CJ', invoice]],
    );
    const firstPage = await call('/seller/shipments?size=1', seller);
    assert.equal(firstPage.body.items.length, 1);
    const secondPage = await call(`/seller/shipments?size=1&cursor=${firstPage.body.nextCursor}`, seller);
    assert.deepEqual(
      secondPage.body.items.map((i: Json) => i.id),
      [toShip.id],
    );

    assert.equal((await call('/seller/shipments', productsManager)).status, 403);
    assert.deepEqual((await call('/seller/shipments', otherSeller)).body.items, []);
    const adminView = await call('/seller/shipments', admin, { headers: { 'x-seller-id': seller.id } });
    assert.equal(adminView.body.items.length, 2);
    const bad = await call('/seller/shipments?status=LOST', seller);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'VALIDATION_FAILED');
    assert.equal(bad.body.errors[0].field, 'query.status');
    assert.equal((await call('/admin/shipments/stalled', seller)).status, 403);
  });

  test('the courier webhook refuses unknown trackers, a missing or wrong secret and bodies that are not steps', async () => {
    const post = async (path: string, body: unknown) => {
      const response = await app.request(`/api/v1/webhooks/couriers/${path}`, { body });
      return { status: response.status, body: (await response.json()) as Json };
    };
    const step = {
      fid: shipping.id,
      invoice_no: invoice,
      code: '04',
      level: 5,
      time_trans: '2026-11-25 08:10:00',
      where: '대전유성',
      details: '배달출발',
    };
    const token = SANDBOX_COURIER_WEBHOOK_SECRET;
    assert.deepEqual(
      [(await post(`cjlogistics?token=${token}`, step)).body.code],
      ['COURIER_WEBHOOK_UNKNOWN_PROVIDER'],
    );
    const noToken = await post('sweettracker', step);
    assert.deepEqual([noToken.status, noToken.body.code], [401, 'COURIER_WEBHOOK_REJECTED']);
    assert.equal((await post('sweettracker?token=guess', step)).status, 401);
    const malformed = await post(`sweettracker?token=${token}`, { ...step, level: 'soon' });
    assert.deepEqual([malformed.status, malformed.body.code], [400, 'COURIER_WEBHOOK_MALFORMED']);
    assert.match(malformed.body.detail, /level/);
    const notJson = await app.request(`/api/v1/webhooks/couriers/sweettracker?token=${token}`, {
      body: 'level=5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(notJson.status, 400);

    // Genuine callbacks the shop no longer needs are taken (so the tracker stops retrying) and change nothing.
    const ignored = { received: true, applied: false, duplicate: false };
    assert.deepEqual((await post(`sweettracker?token=${token}`, { ...step, fid: uuidv7() })).body, ignored);
    assert.deepEqual(
      (await post(`sweettracker?token=${token}`, { ...step, invoice_no: '999999999999' })).body,
      ignored,
    );
    // No Shipment workflow is running for this part (this suite starts none): nothing is recorded.
    assert.deepEqual((await post(`sweettracker?token=${token}`, step)).body, ignored);
    assert.equal((await shipments.eventsOf(shipping.id, invoice)).length, 2);
    const replay = {
      ...step,
      level: 2,
      time_trans: '2026-11-24 10:00:00',
      where: '서울강남',
      details: '집화처리',
    };
    assert.deepEqual((await post(`sweettracker?token=${token}`, replay)).body, {
      received: true,
      applied: false,
      duplicate: true,
    });
  });
});
