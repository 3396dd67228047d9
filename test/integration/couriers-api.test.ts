import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { TypeOrmShipmentRepository } from '../../persistence/shipping/typeorm-shipment.repository';
import { uuidv7 } from '../../platform/ids';
import { signUpConsumer, signUpSeller, type TestAccount } from '../support/identity';
import { address, apiCall, cardPayment, createProduct } from '../support/ordering';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('우체국, 로젠, 경동 and 대신 through the API (issue #19, point 5)', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let buyer: TestAccount;
  let seller: TestAccount;
  const shipmentIds: string[] = [];
  const orderIds: string[] = [];
  const call = (path: string, account: TestAccount, init: Parameters<typeof apiCall>[3] = {}) =>
    apiCall(app, path, account, init);

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    buyer = await signUpConsumer(app);
    seller = await signUpSeller(app);
  });

  after(async () => {
    for (const id of shipmentIds) await app.dataSource.query('DELETE FROM shipments WHERE id = ?', [id]);
    for (const id of orderIds) {
      for (const table of ['order_history', 'order_lines', 'order_parts'])
        await app.dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [id]);
      await app.dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [id]);
      await app.dataSource.query('DELETE FROM orders WHERE id = ?', [id]);
    }
    await app?.close();
    await env?.teardown();
  });

  test('an invoice of the wrong length is refused naming the field; each new courier is stored and tracked by its Korean name', async () => {
    const product = await createProduct(app, seller, { price: 8_000, stocks: [4] });
    const placed = await call('/orders', buyer, {
      body: {
        items: [{ variantId: product.variantIds[0]!, quantity: 1 }],
        shippingAddress: address(),
        payment: cardPayment,
      },
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    orderIds.push(placed.body.id);

    const wrong = await call(`/seller/orders/${placed.body.id}/shipments`, seller, {
      body: { courier: 'LOGEN', invoiceNumber: '1234-567-890' },
    });
    assert.equal(wrong.status, 400);
    assert.deepEqual(wrong.body.errors, [
      { field: 'body.invoiceNumber', message: 'must be 11 digits for 로젠택배, got 10' },
    ]);
    const unknown = await call(`/seller/orders/${placed.body.id}/shipments`, seller, {
      body: { courier: 'ILYANG', invoiceNumber: '12345678901' },
    });
    assert.equal(unknown.status, 400);

    // What the Shipment workflow writes once the part ships: the courier column takes the new names.
    const shipments = new TypeOrmShipmentRepository(app.dataSource, uuidv7);
    const now = new Date();
    const expected: [string, string, string][] = [
      ['EPOST', '우체국택배', '6012345678901'],
      ['LOGEN', '로젠택배', '12345678901'],
      ['KDEXP', '경동택배', '3012345678'],
      ['DAESIN', '대신택배', '5012345678901'],
    ];
    for (const [courier, , invoiceNumber] of expected) {
      const shipment = await shipments.open({
        id: uuidv7(),
        orderId: placed.body.id,
        orderNumber: placed.body.orderNumber,
        sellerId: courier === 'EPOST' ? seller.id : uuidv7(),
        buyerUserId: buyer.id,
        itemSummary: '테스트 상품',
        pushRegistered: false,
        status: 'AWAITING_INVOICE',
        createdAt: now,
        updatedAt: now,
      });
      shipmentIds.push(shipment.id);
      await shipments.registerInvoice(
        shipment.id,
        {
          courier: courier as 'EPOST',
          invoiceNumber,
          registeredBy: seller.id,
          registeredAt: now,
          pushRegistered: true,
        },
        now,
      );
    }
    const tracking = await call(`/orders/${placed.body.id}/tracking`, buyer);
    assert.equal(tracking.status, 200);
    assert.deepEqual(
      tracking.body.shipments
        .map((s: Json) => [s.courier, s.courierName, s.invoiceNumber])
        .sort((a: string[], b: string[]) => a[0]!.localeCompare(b[0]!)),
      [...expected].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});
