import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createAdmin,
  createManager,
  assignManager,
  signUpSeller,
  type TestAccount,
} from '../support/identity';
import { eventually } from '../support/eventually';
import { openPartJourney, type PartJourney } from '../support/order-part-workers';
import type { PlacedOrder } from '../support/order-sandbox';
import { submitPaymentUpdate } from '../../workflows/ordering/order-lifecycle.messages';

interface SellerReturn {
  returnId: string;
  orderNumber: string;
  status: string;
  reason: string;
  items: Array<{ orderLineId: string; productName: string; optionText: string; quantity: number }>;
  requestedAt: string;
  allowedActions: string[];
}
interface BuyerReturn {
  returnId: string;
  status: string;
  refundAmount: number | null;
  refund: { amount: number; methods: string[]; status: string; refundedAt: string | null } | null;
}

/**
 * Sellers hear of their orders (AlimTalk through the notification context, one alert per event and
 * seller) and decide returns from their own list: a two-seller order on the time-skipping server.
 */
describe('seller alerts and the seller’s returns (time-skipping server, real activities, MariaDB)', () => {
  let journey: PartJourney;
  let other: TestAccount;

  before(async () => {
    journey = await openPartJourney();
    other = await signUpSeller(journey.box.app, { companyName: '두번째상회' });
  });

  after(async () => journey?.close());

  const api = async <T>(path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await journey.box.app.request(`/api/v1${path}`, { headers: auth, body });
    return { status: response.status, body: (await response.json()) as T };
  };
  const alertsOf = (orderId: string) =>
    journey.box.sellerAlerts
      .filter((a) => a.orderId === orderId)
      .map((a) => [a.templateCode, a.sellerId === journey.box.seller.id ? 'first' : 'other']);

  async function paidTwoSellerOrder(): Promise<{ order: PlacedOrder; names: [string, string] }> {
    const { box } = journey;
    const mine = await box.product([5], 12_000);
    const theirs = await box.product([5], 30_000, other);
    const order = await box.placeOrder([
      { variantId: mine.variantIds[0]!, quantity: 2 },
      { variantId: theirs.variantIds[0]!, quantity: 1 },
    ]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'paid' });
    const detail = await api<{ parts: Array<{ sellerId: string; lines: Array<{ productName: string }> }> }>(
      `/orders/${order.id}`,
      box.consumer.auth,
    );
    const nameOf = (sellerId: string) =>
      detail.body.parts.find((p) => p.sellerId === sellerId)!.lines[0]!.productName;
    return { order, names: [nameOf(box.seller.id), nameOf(other.id)] };
  }

  test('each seller is alerted of a paid order with only its own lines, and of the buyer’s cancellation', async () => {
    const { box } = journey;
    const { order, names } = await paidTwoSellerOrder();
    await eventually(async () => alertsOf(order.id).length === 2, { what: 'two new-order alerts' });
    const newOrder = box.sellerAlerts.filter(
      (a) => a.orderId === order.id && a.templateCode === 'SELLER_NEW_ORDER',
    );
    const mine = newOrder.find((a) => a.sellerId === box.seller.id)!;
    const theirs = newOrder.find((a) => a.sellerId === other.id)!;
    assert.equal(mine.variables.주문번호, order.orderNumber);
    assert.match(String(mine.variables.상품명), new RegExp(names[0]));
    assert.doesNotMatch(String(mine.variables.상품명), new RegExp(names[1]));
    assert.match(String(theirs.variables.상품명), new RegExp(names[1]));
    assert.equal(mine.variables.주문금액, '27,000원', '24,000 won of goods and 3,000 won shipping');

    const cancelled = await api(`/orders/${order.id}/cancel`, box.consumer.auth, {
      reason: '다른 상품으로 살게요',
      sellerId: other.id,
    });
    assert.equal(cancelled.status, 200);
    await eventually(async () => alertsOf(order.id).length === 3, { what: 'the cancellation alert' });
    assert.deepEqual(alertsOf(order.id).at(-1), ['SELLER_ORDER_CANCELLED', 'other']);
  });

  test('a return request alerts the seller, who finds it in its list and approves it; the buyer sees the refund', async () => {
    const { box } = journey;
    const { order, names } = await paidTwoSellerOrder();
    const shipped = await api(`/seller/orders/${order.id}/shipments`, box.seller.auth, {
      courier: 'CJ',
      invoiceNumber: '612345678906',
    });
    assert.equal(shipped.status, 201);
    const requested = await api<{ returnId: string }>(`/orders/${order.id}/returns`, box.consumer.auth, {
      reason: '포장이 찢어져 왔어요',
      reasonCode: 'DEFECTIVE',
      sellerId: box.seller.id,
    });
    assert.equal(requested.status, 201);
    const { returnId } = requested.body;
    await eventually(async () => alertsOf(order.id).some(([code]) => code === 'SELLER_RETURN_REQUESTED'), {
      what: 'the return alert',
    });
    assert.deepEqual(
      alertsOf(order.id).filter(([code]) => code === 'SELLER_RETURN_REQUESTED'),
      [['SELLER_RETURN_REQUESTED', 'first']],
    );

    const waiting = await api<{ items: SellerReturn[] }>('/seller/returns?status=REQUESTED', box.seller.auth);
    assert.equal(waiting.status, 200);
    const listed = waiting.body.items.find((r) => r.returnId === returnId)!;
    assert.equal(listed.orderNumber, order.orderNumber);
    assert.equal(listed.reason, '포장이 찢어져 왔어요');
    assert.deepEqual(listed.items, [
      {
        orderLineId: listed.items[0]!.orderLineId,
        productName: names[0],
        options: { 사이즈: 'S1' },
        optionText: '사이즈: S1',
        quantity: 2,
      },
    ]);
    assert.deepEqual(listed.allowedActions, ['APPROVE', 'REJECT']);
    const othersList = await api<{ items: SellerReturn[] }>('/seller/returns', other.auth);
    assert.ok(!othersList.body.items.some((r) => r.returnId === returnId), 'another seller never sees it');
    const badStatus = await api<{ code: string; detail: string }>(
      '/seller/returns?status=DONE',
      box.seller.auth,
    );
    assert.equal(badStatus.status, 400);
    assert.match(badStatus.body.detail, /status/);
    const notYours = await api(`/seller/returns/${returnId}/approve`, other.auth, {});
    assert.equal(notYours.status, 403);

    const approved = await api(`/seller/returns/${listed.returnId}/approve`, box.seller.auth, {});
    assert.equal(approved.status, 200);
    const decided = await api<{ items: SellerReturn[] }>('/seller/returns?status=APPROVED', box.seller.auth);
    assert.deepEqual(
      decided.body.items.filter((r) => r.returnId === returnId).map((r) => [r.status, r.allowedActions]),
      [['APPROVED', []]],
    );

    await eventually(
      async () => {
        const shown = await api<{ returns: BuyerReturn[] }>(`/orders/${order.id}`, box.consumer.auth);
        return shown.body.returns[0]?.refund?.status === 'DONE';
      },
      { what: 'the refund shown to the buyer' },
    );
    const shown = await api<{ returns: BuyerReturn[] }>(`/orders/${order.id}`, box.consumer.auth);
    const buyerReturn = shown.body.returns[0]!;
    assert.equal(buyerReturn.status, 'APPROVED');
    assert.equal(buyerReturn.refund!.amount, buyerReturn.refundAmount);
    assert.deepEqual(buyerReturn.refund!.methods, ['CARD']);
    assert.ok(buyerReturn.refund!.refundedAt);
  });

  test('low stock: the seller sets a threshold, and the sale that leaves the variant at it alerts the seller once', async () => {
    const { box } = journey;
    const product = await box.product([8], 5_000);
    const variantId = product.variantIds[0]!;
    const path = `/seller/products/${product.id}/variants/${variantId}/low-stock-threshold`;
    const put = async (auth: Record<string, string>, body: unknown) => {
      const response = await box.app.request(`/api/v1${path}`, { method: 'PUT', headers: auth, body });
      return {
        status: response.status,
        body: (await response.json()) as { threshold?: number; detail?: string },
      };
    };
    const bad = await put(box.seller.auth, { threshold: -1 });
    assert.equal(bad.status, 400);
    assert.match(bad.body.detail!, /threshold/);
    assert.equal((await put(other.auth, { threshold: 5 })).status, 404, 'not another seller’s variant');
    const set = await put(box.seller.auth, { threshold: 5 });
    assert.deepEqual([set.status, set.body.threshold], [200, 5]);

    const lowStockRows = async () =>
      (await box.app.dataSource.query(
        'SELECT recipient_user_id FROM notifications WHERE template_code = ? AND dedupe_key LIKE ?',
        ['SELLER_LOW_STOCK', `seller-low-stock:${variantId}:%`],
      )) as Array<{ recipient_user_id: string }>;
    const buy = async (quantity: number) => {
      const order = await box.placeOrder([{ variantId, quantity }]);
      const pgReturn = await box.buyerPays(order.id, order.payableAmount);
      await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
      await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', { what: 'paid' });
    };
    await buy(2);
    assert.deepEqual(await lowStockRows(), [], '6 left, above 5');
    await buy(1);
    await eventually(async () => (await lowStockRows()).length === 1, { what: 'the low-stock alert' });
    const [row] = await lowStockRows();
    assert.equal(row!.recipient_user_id, box.seller.id);
    await buy(1);
    assert.equal((await lowStockRows()).length, 1, 'still low: told once');
  });

  test('a manager with ORDERS works the seller’s returns list; one without it is refused', async () => {
    const { box } = journey;
    const admin = await createAdmin(box.app);
    const withOrders = await createManager(box.app, admin);
    const productsOnly = await createManager(box.app, admin);
    await assignManager(box.app, box.seller, withOrders, ['ORDERS']);
    await assignManager(box.app, box.seller, productsOnly, ['PRODUCTS']);
    const asManager = { ...withOrders.auth, 'x-seller-id': box.seller.id };
    const list = await api<{ items: SellerReturn[] }>('/seller/returns', asManager);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 1);
    const refused = await api('/seller/returns', { ...productsOnly.auth, 'x-seller-id': box.seller.id });
    assert.equal(refused.status, 403);
  });
});
