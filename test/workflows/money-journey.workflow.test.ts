// A database of its own, imported before anything reads TEST_DATABASE_URL: its weekly run settles
// every seller with pending lines, so other suites' sellers must not be among them.
import '../support/own-database';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_SHIPPING_POLICY } from '../../domain/ordering/shipping-policy';
import { weekContaining } from '../../domain/settlement';
import { TypeOrmSettlementStore } from '../../persistence/settlement/typeorm-settlement.store';
import type { CourierSimulator } from '../../simulators/courier/courier.simulator';
import { shipPartUpdate, submitPaymentUpdate } from '../../workflows/ordering/order-lifecycle.messages';
import { eventually } from '../support/eventually';
import { signUpSeller, type TestAccount } from '../support/identity';
import { openPartJourney, type PartJourney } from '../support/order-part-workers';
import type { OrderSandbox, PlacedOrder } from '../support/order-sandbox';
import { address, cardPayment } from '../support/ordering';
import { runSettlementWeek, statementOf } from '../support/settlement-sandbox';
import { dropOwnDatabase, prepareOwnDatabase } from '../support/own-database-setup';
import { quiescent } from '../support/temporal';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const JEJU = { ...address('제주'), zipCode: '63100', address1: '제주특별자치도 제주시 첨단로 242' };
// The platform default policy (docs/ordering.md#shipping-fees), the one both sellers keep.
const { baseFee: BASE, jejuFee: JEJU_EXTRA } = DEFAULT_SHIPPING_POLICY;
const FREE_FROM = DEFAULT_SHIPPING_POLICY.freeShippingOver ?? Infinity;
const FEE_RATE = 0.05;
const EARN_RATE = 0.01;

/** A 12-digit CJ invoice number with its check digit (the first 11 digits mod 7). */
const cjInvoice = (head: string) => head + String(Number(BigInt(head) % 7n));

/**
 * Issue 20's journey end to end on the time-skipping server: shipping fees of two sellers to Jeju,
 * points earned at confirmation and spent on the next order, a partial change-of-mind return with
 * its deduction, and the weekly statement showing each line kind (docs/settlement.md#line-kinds).
 */
describe('money journey: shipping fees, points, a partial return and the weekly statement', () => {
  let journey: PartJourney;
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let courier: CourierSimulator;

  before(async () => {
    await prepareOwnDatabase();
    journey = await openPartJourney();
    ({ env, box, courier } = journey);
  });

  after(async () => {
    await journey?.close();
    await dropOwnDatabase();
  });

  const api = async (path: string, account: TestAccount, body?: unknown) => {
    const response = await box.app.request(`/api/v1${path}`, {
      headers: { ...account.auth, 'idempotency-key': crypto.randomUUID() },
      body,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  async function sellerWithAccount(companyName: string): Promise<TestAccount> {
    const seller = await signUpSeller(box.app, { companyName });
    const account = await box.app.request(`/api/v1/sellers/${seller.id}/profile`, {
      method: 'PATCH',
      headers: seller.auth,
      body: {
        settlementAccount: { bankCode: '004', accountNumber: '123456-78-901234', holder: companyName },
      },
    });
    assert.equal(account.status, 200);
    return seller;
  }
  async function placeAndPay(items: Array<{ variantId: string; quantity: number }>, points = 0) {
    const payment = points > 0 ? { ...cardPayment, points } : cardPayment;
    const placed = await api('/orders', box.consumer, { items, shippingAddress: JEJU, payment });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const order = placed.body as PlacedOrder & Json;
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    await box.workflow(order.id).executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', {
      what: 'PAID',
      timeoutMs: 30_000,
    });
    return order;
  }
  const pointsLedger = async () =>
    (
      (await box.app.dataSource.query(
        'SELECT type, amount FROM points_ledger WHERE user_id = ? ORDER BY id',
        [box.consumer.id],
      )) as Array<{ type: string; amount: number | string }>
    ).map((row) => [row.type, Number(row.amount)]);

  test('two sellers to Jeju, points earned then spent, a partial return, each line on the weekly statement', async () => {
    const sellerA = await sellerWithAccount('가나상회');
    const sellerB = await sellerWithAccount('다라상회');
    const mugs = await box.product([5, 5], 30_000, sellerA);
    const [mugRed, mugBlue] = mugs.variantIds as [string, string];
    const scarf = await box.product([5], 20_000, sellerB);

    // A's part (60,000원) ships free but pays the Jeju leg; B's (20,000원) pays both.
    const feeA = 2 * 30_000 >= FREE_FROM ? JEJU_EXTRA : BASE + JEJU_EXTRA;
    const feeB = BASE + JEJU_EXTRA;
    assert.deepEqual([feeA, feeB], [3_000, 6_000]);
    const order = await placeAndPay([
      { variantId: mugRed, quantity: 1 },
      { variantId: mugBlue, quantity: 1 },
      { variantId: scarf.variantIds[0]!, quantity: 1 },
    ]);
    assert.deepEqual(
      [order.shippingFee, order.totalAmount, order.payableAmount],
      [feeA + feeB, 80_000 + feeA + feeB, 80_000 + feeA + feeB],
    );
    const detail = async () => (await api(`/orders/${order.id}`, box.consumer)).body;
    const partOf = (body: Json, seller: TestAccount) =>
      (body.parts as Json[]).find((p) => p.sellerId === seller.id)!;
    const placed = await detail();
    assert.deepEqual(
      [partOf(placed, sellerA).shippingFee, partOf(placed, sellerB).shippingFee],
      [feeA, feeB],
    );

    // Both sellers ship; the courier carries both parcels to the door.
    const invoices = [cjInvoice('60123450001'), cjInvoice('60123450002')];
    for (const [seller, invoiceNumber] of [
      [sellerA, invoices[0]!],
      [sellerB, invoices[1]!],
    ] as const) {
      await box.workflow(order.id).executeUpdate(shipPartUpdate, {
        args: [{ actorId: seller.id, sellerId: seller.id, courier: 'CJ', invoiceNumber }],
      });
      await eventually(() => [...courier.state.parcels.values()].some((p) => p.invoice === invoiceNumber), {
        what: `parcel ${invoiceNumber} registered`,
        timeoutMs: 30_000,
      });
      courier.advance('04', invoiceNumber, 6);
    }
    await eventually(async () => (await box.orderStatus(order.id)).status === 'DELIVERED', {
      what: 'both parts delivered',
      timeoutMs: 30_000,
    });

    // Change of mind on one of A's two lines: the return shipping is kept, and so is the base fee
    // now due because the kept 30,000원 no longer reaches the threshold (the Jeju legs cancel out).
    const returnedLine = (partOf(await detail(), sellerA).lines as Json[]).find(
      (l) => l.variantId === mugBlue,
    )!;
    const requested = await api(`/orders/${order.id}/returns`, box.consumer, {
      reason: '색이 화면과 달라요',
      reasonCode: 'CHANGE_OF_MIND',
      sellerId: sellerA.id,
      lineIds: [returnedLine.id],
    });
    assert.equal(requested.status, 201, JSON.stringify(requested.body));
    const approved = await api(`/seller/returns/${requested.body.returnId}/approve`, sellerA, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const deduction = BASE + (30_000 >= FREE_FROM ? 0 : BASE);
    const ret = (await detail()).returns[0] as Json;
    assert.deepEqual(
      [ret.status, ret.refundAmount, ret.deductionAmount],
      ['APPROVED', 30_000 - deduction, deduction],
    );
    assert.deepEqual(
      (ret.breakdown.deductions as Json[]).map((d) => [d.kind, d.amount]),
      [
        ['RETURN_SHIPPING', BASE],
        ['SHIPPING_NOW_DUE', BASE],
      ],
    );

    // The buyer confirms both parts: 1 % of what each kept (goods and shipping), all paid by card.
    for (const seller of [sellerA, sellerB]) {
      const confirmed = await api(`/orders/${order.id}/confirm-purchase`, box.consumer, {
        sellerId: seller.id,
      });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    }
    const earnA = Math.floor((30_000 + feeA) * EARN_RATE);
    const earnB = Math.floor((20_000 + feeB) * EARN_RATE);
    await eventually(async () => (await pointsLedger()).length === 2, { what: 'points earned' });
    assert.deepEqual(
      (await pointsLedger()).sort((x, y) => Number(x[1]) - Number(y[1])),
      [
        ['EARN', earnB],
        ['EARN', earnA],
      ],
    );

    // The next order spends every point earned; the card pays the rest.
    const spent = earnA + earnB;
    const next = await placeAndPay([{ variantId: scarf.variantIds[0]!, quantity: 1 }], spent);
    assert.deepEqual(
      [next.totalAmount, next.pointsAmount, next.payableAmount],
      [20_000 + feeB, spent, 20_000 + feeB - spent],
    );
    assert.deepEqual((await pointsLedger()).slice(2), [
      ['HOLD', spent],
      ['CAPTURE', spent],
    ]);

    // Seven days after confirmation the lines are payable; the week containing them is settled.
    await quiescent(box.workflow(order.id));
    await env.sleep('7 days');
    const payableAt = await eventually(
      async () => {
        const rows = (await box.app.dataSource.query(
          'SELECT payable_at FROM payable_lines WHERE order_id = ?',
          [order.id],
        )) as Array<{ payable_at: Date }>;
        return rows.length === 4 ? rows[0]!.payable_at : undefined;
      },
      { what: 'four payable lines (two sales, two shipping fees)', timeoutMs: 30_000 },
    );
    const run = await runSettlementWeek(env, weekContaining(payableAt).weekId);
    assert.equal(run.status, 'COMPLETED');

    const store = new TypeOrmSettlementStore(box.app.dataSource);
    const settled = async (seller: TestAccount) => {
      const page = await store.list({ sellerId: seller.id, weekId: run.weekId, limit: 5 });
      return (await store.get(page.items[0]!.id))!;
    };
    const fee = (goods: number) => Math.round(goods * FEE_RATE);
    const expected = new Map([
      [
        sellerA,
        [
          ['SALE', 30_000, fee(30_000)],
          ['SHIPPING_FEE', feeA, 0],
          ['RETURN_SHIPPING', deduction, 0],
        ],
      ],
      [
        sellerB,
        [
          ['SALE', 20_000, fee(20_000)],
          ['SHIPPING_FEE', feeB, 0],
        ],
      ],
    ]);
    for (const [seller, lines] of expected) {
      const settlement = await settled(seller);
      assert.equal(settlement.status, 'COMPLETED', seller.id);
      const kindOrder = ['SALE', 'SHIPPING_FEE', 'RETURN_SHIPPING'];
      assert.deepEqual(
        settlement.lines
          .map((l) => [l.kind, l.amount, l.fee])
          .sort((x, y) => kindOrder.indexOf(String(x[0])) - kindOrder.indexOf(String(y[0]))),
        lines,
      );
      const gross = lines.reduce((sum, l) => sum + Number(l[1]), 0);
      const fees = lines.reduce((sum, l) => sum + Number(l[2]), 0);
      assert.deepEqual([settlement.gross, settlement.fee, settlement.net], [gross, fees, gross - fees]);
      const [statement] = statementOf(box.sent, settlement.id);
      const csv = statement?.attachment ?? '';
      assert.match(csv, new RegExp(`^판매,${order.orderNumber},`, 'm'));
      assert.match(csv, new RegExp(`^배송비,${order.orderNumber},`, 'm'));
      assert.ok(csv.includes(`판매 합계,${lines[0]![1]}`), csv);
      assert.ok(csv.includes(`배송비 합계,${lines[1]![1]}`), csv);
      assert.equal(csv.includes('반품배송비,'), lines.length === 3, csv);
      if (lines.length === 3) assert.ok(csv.includes(`반품배송비 합계,${deduction}`), csv);
    }
  });
});
