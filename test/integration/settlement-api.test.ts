import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { lastEndedWeek, settlementWeek } from '../../domain/settlement';
import { uuidv7 } from '../../platform/ids';
import {
  assignManager,
  createAdmin,
  createManager,
  signUpConsumer,
  type TestAccount,
} from '../support/identity';
import { openSettlementSandbox, type SettlementSandbox } from '../support/settlement-sandbox';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
const DAY = 86_400_000;

describe('settlement API: sellers’ statements, the admin desk, running a week, CS refunds', () => {
  let env: TestWorkflowEnvironment;
  let app: TestApp;
  let sandbox: SettlementSandbox;
  let admin: TestAccount;
  let seller: TestAccount;
  let other: TestAccount;
  let paidId: string;

  // Weeks of 2041: no suite runs a whole week that late, so these lines stay with this suite.
  async function paidSettlement(owner: TestAccount, weekId: string, amounts: number[]): Promise<string> {
    const payableAt = new Date(settlementWeek(weekId).start.getTime() + 2 * DAY);
    await sandbox.activities.recordPayableLines({
      orderId: uuidv7(),
      orderNumber: `JT2041${uuidv7().replaceAll('-', '').slice(-12)}`,
      sellerId: owner.id,
      purchaseConfirmedAt: new Date(payableAt.getTime() - 7 * DAY).toISOString(),
      payableAt: payableAt.toISOString(),
      lines: amounts.map((amount, i) => ({
        orderLineId: uuidv7(),
        productName: `상품 ${i + 1}`,
        quantity: 1,
        amount,
      })),
    });
    const prepared = await sandbox.activities.prepareSellerSettlement({ weekId, sellerId: owner.id });
    const settlementId = prepared!.settlementId;
    if (prepared!.status === 'CARRIED_OVER') return settlementId;
    await sandbox.activities.payOutSettlement({ settlementId });
    await sandbox.activities.issueSettlementTaxInvoice({ settlementId });
    await sandbox.activities.markSettlementStatementSent({ settlementId, notificationId: uuidv7() });
    return settlementId;
  }

  async function call(
    path: string,
    account: TestAccount | null,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const response = await app.request(`/api/v1${path}`, {
      ...init,
      headers: { ...(account?.auth ?? {}), ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  before(async () => {
    env = await createTimeSkippingEnvironment();
    app = await createTestApp({ temporal: env });
    sandbox = await openSettlementSandbox(app);
    admin = await createAdmin(app);
    seller = await sandbox.seller({ companyName: '조회상회' });
    other = await sandbox.seller({ companyName: '다른상회' });
    paidId = await paidSettlement(seller, '2041-W05', [30_000, 12_500]);
  });
  after(async () => {
    await sandbox?.close();
    await app?.close();
    await env?.teardown();
  });

  test('a seller reads its settlements and one statement: lines, fee, net, payout and tax invoice number', async () => {
    const list = await call('/seller/settlements', seller);
    assert.equal(list.status, 200);
    const items = list.body.items as Json[];
    assert.ok(items.every((i) => i.sellerId === seller.id));
    const summary = items.find((i) => i.id === paidId)!;
    assert.deepEqual(
      {
        week: summary.weekId,
        period: summary.period,
        payoutDate: summary.payoutDate,
        status: summary.status,
      },
      {
        week: '2041-W05',
        period: { start: '2041-01-28', end: '2041-02-03' },
        payoutDate: '2041-02-04',
        status: 'COMPLETED',
      },
    );
    assert.deepEqual([summary.gross, summary.fee, summary.refunds, summary.net], [42_500, 2_125, 0, 40_375]);

    const detail = await call(`/seller/settlements/${paidId}`, seller);
    assert.equal(detail.status, 200);
    assert.deepEqual(
      (detail.body.lines as Json[]).map((l) => [l.kind, l.amount, l.feeRate, l.fee, l.net]),
      [
        ['SALE', 30_000, '5%', 1_500, 28_500],
        ['SALE', 12_500, '5%', 625, 11_875],
      ],
    );
    const payout = detail.body.payout as Json;
    assert.deepEqual(
      [payout.status, payout.amount, payout.bankName, payout.accountMasked],
      ['PAID', 40_375, 'KB국민은행', '**********1234'],
    );
    const invoice = detail.body.taxInvoice as Json;
    assert.equal(invoice.status, 'ISSUED');
    assert.match(String(invoice.number), /^\d{24}$/);
    assert.deepEqual([invoice.supplyCost, invoice.tax, invoice.total], [1_932, 193, 2_125]);
    assert.ok(detail.body.statementSentAt);
    assert.equal(
      JSON.stringify(detail.body).includes('12345678901234'),
      false,
      'the account number never leaves unmasked',
    );
  });

  test('only the seller, its managers with SETTLEMENTS_READ and admins see a settlement', async () => {
    assert.equal((await call(`/seller/settlements/${paidId}`, other)).status, 404);
    assert.equal((await call('/seller/settlements', null)).status, 401);
    assert.equal((await call('/seller/settlements', await signUpConsumer(app))).status, 403);

    const reader = await createManager(app, admin);
    await assignManager(app, seller, reader, ['SETTLEMENTS_READ']);
    assert.equal((await call(`/seller/settlements/${paidId}`, reader)).status, 200);
    const orders = await createManager(app, admin);
    await assignManager(app, seller, orders, ['ORDERS']);
    const refused = await call('/seller/settlements', orders);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'FORBIDDEN');

    const asAdmin = await call(`/seller/settlements/${paidId}`, admin, {
      headers: { 'x-seller-id': seller.id },
    });
    assert.equal(asAdmin.status, 200);
    assert.equal((await call(`/admin/settlements/${paidId}`, admin)).status, 200);
    assert.equal((await call(`/admin/settlements/${paidId}`, seller)).status, 403);
    assert.equal((await call(`/admin/settlements/${uuidv7()}`, admin)).body.code, 'SETTLEMENT_NOT_FOUND');
  });

  test('admins list every settlement by week, seller and status; bad filters are 400 naming the field', async () => {
    const carriedId = await paidSettlement(other, '2041-W05', [5_000]);
    const week = await call('/admin/settlements?weekId=2041-W05&size=100', admin);
    const ids = (week.body.items as Json[]).map((i) => i.id);
    assert.ok(ids.includes(paidId) && ids.includes(carriedId));
    const carried = await call(`/admin/settlements?sellerId=${other.id}&status=CARRIED_OVER`, admin);
    assert.deepEqual(
      (carried.body.items as Json[]).map((i) => [i.id, i.net]),
      [[carriedId, 4_750]],
    );
    const bad = await call('/admin/settlements?size=1000&weekId=W05', admin);
    assert.equal(bad.status, 400);
    assert.deepEqual(((bad.body.errors as Json[]) ?? []).map((e) => e.field).sort(), [
      'query.size',
      'query.weekId',
    ]);
    const page = await call('/seller/settlements?size=1', seller);
    assert.equal((page.body.items as Json[]).length, 1);
  });

  test('an admin runs a chosen week by hand; a repeat while it runs starts nothing new', async () => {
    const first = await call('/admin/settlements/run', admin, { body: { weekStart: '2020-03-02' } });
    assert.equal(first.status, 202);
    assert.deepEqual(first.body, {
      weekId: '2020-W10',
      workflowId: 'weekly-settlement:2020-W10',
      period: { start: '2020-03-02', end: '2020-03-08' },
      cutoff: '2020-03-08T15:00:00.000Z',
      started: true,
    });
    // The same week named by a cutoff inside the following week.
    const again = await call('/admin/settlements/run', admin, {
      body: { cutoff: '2020-03-11T10:00:00+09:00' },
    });
    assert.equal(again.status, 202);
    assert.equal(again.body.workflowId, 'weekly-settlement:2020-W10');
    assert.equal(again.body.started, false);
    const description = await env.client.workflow.getHandle('weekly-settlement:2020-W10').describe();
    assert.equal(description.type, 'weeklySettlementWorkflow');
    assert.equal(description.taskQueue, 'settlement');

    const latest = await call('/admin/settlements/run', admin, { body: {} });
    assert.equal(latest.body.weekId, lastEndedWeek(new Date()).weekId);
  });

  test('running a week refuses what cannot be run, naming the field', async () => {
    const notMonday = await call('/admin/settlements/run', admin, { body: { weekStart: '2020-03-03' } });
    assert.equal(notMonday.status, 400);
    assert.equal((notMonday.body.errors as Json[])[0]!.field, 'body.weekStart');
    const both = await call('/admin/settlements/run', admin, {
      body: { weekStart: '2020-03-02', cutoff: '2020-03-11T00:00:00Z' },
    });
    assert.equal(both.status, 400);
    const future = await call('/admin/settlements/run', admin, { body: { weekStart: '2041-03-04' } });
    assert.equal(future.status, 422);
    assert.equal(future.body.code, 'SETTLEMENT_WEEK_NOT_ENDED');
    const garbage = await call('/admin/settlements/run', admin, { body: { cutoff: 'last week' } });
    assert.equal(garbage.status, 400);
    assert.equal((await call('/admin/settlements/run', seller, { body: {} })).status, 403);
  });

  test('CS records a refund once; it is deducted as a negative line from the seller’s next settlement', async () => {
    const body = {
      sellerId: seller.id,
      orderId: uuidv7(),
      refundId: `cs-${uuidv7()}`,
      amount: 7_000,
      reason: 'CS 환불: 배송 중 파손',
      at: new Date(settlementWeek('2041-W06').start.getTime() + DAY).toISOString(),
    };
    assert.equal(new Date(body.at).getTime() < Date.now(), false, 'a 2041 refund is in the future');
    const future = await call('/admin/settlements/adjustments', admin, { body });
    assert.equal(future.status, 400, 'refunds cannot be recorded ahead of time');

    const now = { ...body, at: undefined };
    const created = await call('/admin/settlements/adjustments', admin, { body: now });
    assert.equal(created.status, 201);
    assert.equal(created.body.recordedBy, admin.id);
    assert.equal(created.body.settlementId, null);
    const repeat = await call('/admin/settlements/adjustments', admin, { body: now });
    assert.equal(repeat.status, 200);
    assert.equal(repeat.body.id, created.body.id);
    const conflict = await call('/admin/settlements/adjustments', admin, { body: { ...now, amount: 8_000 } });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.body.code, 'SETTLEMENT_ADJUSTMENT_CONFLICT');
    const invalid = await call('/admin/settlements/adjustments', admin, {
      body: { ...now, amount: 0, reason: '' },
    });
    assert.equal(invalid.status, 400);
    assert.equal((await call('/admin/settlements/adjustments', seller, { body: now })).status, 403);

    const nextId = await paidSettlement(seller, '2041-W06', [20_000]);
    const next = await call(`/seller/settlements/${nextId}`, seller);
    assert.deepEqual(
      (next.body.lines as Json[]).map((l) => [l.kind, l.amount, l.description]),
      [
        ['SALE', 20_000, '상품 1'],
        ['REFUND', -7_000, 'CS 환불: 배송 중 파손'],
      ],
    );
    assert.deepEqual([next.body.refunds, next.body.net], [7_000, 20_000 - 1_000 - 7_000]);
  });

  test('the OpenAPI document describes the settlement routes', async () => {
    const response = await app.request('/api/v1/openapi.json');
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/v1/seller/settlements', 'get'],
      ['/api/v1/seller/settlements/{id}', 'get'],
      ['/api/v1/admin/settlements', 'get'],
      ['/api/v1/admin/settlements/{id}', 'get'],
      ['/api/v1/admin/settlements/run', 'post'],
      ['/api/v1/admin/settlements/adjustments', 'post'],
    ] as const)
      assert.ok(document.paths[path]?.[method], `${method} ${path}`);
  });
});
