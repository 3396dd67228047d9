// A database of its own, imported before anything reads TEST_DATABASE_URL: whole weeks are settled
// here, which would take (and be disturbed by) other suites' pending lines.
import '../support/own-database';
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { loadCourierVendorConfig } from '../../config/courier-vendors';
import {
  lastEndedWeek,
  nextSettlementRuns,
  settlementWeek,
  taxInvoiceMgtKey,
  weekContaining,
  type PayableLinesInput,
} from '../../domain/settlement';
import { openCourierTracking } from '../../integrations/shipping/courier-vendors';
import { testContexts } from '../support/contexts';
import { courierSandbox } from '../../sandbox/courier';
import { uuidv7 } from '../../platform/ids';
import { createCourierSimulator, type CourierSimulator } from '../../simulators/courier/courier.simulator';
import {
  confirmPurchaseUpdate,
  shipPartUpdate,
  startPreparingUpdate,
  submitPaymentUpdate,
} from '../../workflows/ordering/order-lifecycle.messages';
import { SHIPPING_TASK_QUEUE } from '../../workflows/shipping/shipment.messages';
import {
  SETTLEMENT_TASK_QUEUE,
  settlementPayoutWorkflowId,
  weeklySettlementWorkflowId,
  type WeeklySettlementResult,
} from '../../workflows/settlement/settlement.messages';
import type { TestAccount } from '../support/identity';
import { openOrderSandbox, type OrderSandbox } from '../support/order-sandbox';
import { eventually } from '../support/shipping-sandbox';
import {
  openSettlementSandbox,
  runSettlementWeek,
  settlementWorker,
  statementOf,
  type SettlementSandbox,
} from '../support/settlement-sandbox';
import { createAdmin } from '../support/identity';
import { dropOwnDatabase, prepareOwnDatabase } from '../support/own-database-setup';
import { awaitingRetry, createTimeSkippingEnvironment, quiescent } from '../support/temporal';

const DAY = 86_400_000;

describe('weeklySettlementWorkflow (time-skipping server, MariaDB, bank and Popbill simulators)', () => {
  let env: TestWorkflowEnvironment;
  let box: OrderSandbox;
  let courier: CourierSimulator;
  let sandbox: SettlementSandbox;

  before(async () => {
    await prepareOwnDatabase();
    env = await createTimeSkippingEnvironment();
    // This is the one suite that runs whole weeks (a run settles every seller with lines pending
    // before its cutoff), so the order journey it needs lives here too: no other suite's run can
    // take these lines, and these runs take no line another suite waits for.
    box = await openOrderSandbox(env, {
      async extraWorkers(payment) {
        sandbox = await openSettlementSandbox(payment.app);
        courier = createCourierSimulator({ callbackRetryDelaysMs: [200, 400] });
        const courierServer = await courier.start();
        const tracking = await openCourierTracking(
          loadCourierVendorConfig({ COURIER_SIMULATOR_URL: courierServer.url }),
          { publicBaseUrl: payment.baseUrl, sandbox: courierSandbox },
        );
        const shippingWorker = await Worker.create({
          connection: env.nativeConnection,
          taskQueue: SHIPPING_TASK_QUEUE,
          workflowsPath: require.resolve('../../workflows'),
          activities: testContexts(payment.app, {
            vendors: { courierTracking: tracking },
          }).shipping.activities(),
        });
        return {
          workers: [shippingWorker, await settlementWorker(env, sandbox)],
          async close() {
            await tracking.close();
            await courierServer.close();
            await sandbox.close();
          },
        };
      },
    });
  });
  beforeEach(async () => {
    await sandbox.popbillFaults({ transient: 0, loseResponse: 0 });
    await sandbox.bankingFaults({ transient: 0, loseResponse: 0 });
  });
  after(async () => {
    await box?.close();
    await env?.teardown();
    await dropOwnDatabase();
  });
  const sent = () => box.sent;

  async function payable(seller: string, weekId: string, lines: Array<[string, number]>, day = 2) {
    const payableAt = new Date(settlementWeek(weekId).start.getTime() + day * DAY + 5 * 3_600_000);
    const input: PayableLinesInput = {
      orderId: uuidv7(),
      orderNumber: `JT${uuidv7().replaceAll('-', '').slice(-16)}`,
      sellerId: seller,
      purchaseConfirmedAt: new Date(payableAt.getTime() - 7 * DAY).toISOString(),
      payableAt: payableAt.toISOString(),
      lines: lines.map(([productName, amount]) => ({
        orderLineId: uuidv7(),
        productName,
        quantity: 1,
        amount,
      })),
    };
    await sandbox.activities.recordPayableLines(input);
    return input;
  }
  const settlementOf = async (sellerId: string, weekId: string) => {
    const page = await sandbox.store.list({ sellerId, weekId, limit: 5 });
    return page.items[0] ? sandbox.store.get(page.items[0].id) : null;
  };
  const transfersOf = (settlementId: string) =>
    [...sandbox.banking.state.transfers.values()].filter(
      (t) => t.bankTranId === sandbox.vendors.payouts.transferIdFor(settlementId),
    );
  const invoicesOf = (settlementId: string, weekId: string) =>
    [...sandbox.popbill.state.invoices.values()].filter(
      (i) => i.mgtKey === taxInvoiceMgtKey(settlementId, weekId),
    ).length;

  /** Completed with its invoice issued, the money moved once, one invoice and one statement. */
  async function assertSettledOnce(sellerId: string, settlementId: string, weekId: string) {
    const done = await settlementOf(sellerId, weekId);
    assert.equal(done?.status, 'COMPLETED');
    assert.equal(done?.taxInvoice?.status, 'ISSUED');
    assert.equal(transfersOf(settlementId).length, 1, 'the money moved once');
    assert.equal(invoicesOf(settlementId, weekId), 1);
    assert.equal(statementOf(sent(), settlementId).length, 1);
  }

  test('a week is settled: paid out, fee invoiced, statement e-mailed with its CSV; small sellers carry over', async () => {
    const weekId = '2030-W10';
    const big: TestAccount = await sandbox.seller({ companyName: '큰상회' });
    const small: TestAccount = await sandbox.seller({ companyName: '작은상회' });
    await payable(big.id, weekId, [
      ['무선 키보드', 39_000],
      ['머그컵 2개', 24_000],
    ]);
    await payable(small.id, weekId, [['스티커', 9_000]]);

    const result = await runSettlementWeek(env, weekId);
    assert.equal(result.status, 'COMPLETED');
    // Other suites' sellers may be pending too (the database is shared): count at least ours.
    assert.ok(result.totals.paidOut >= 1 && result.totals.carriedOver >= 1, JSON.stringify(result.totals));
    assert.ok(result.totals.paidAmount >= 59_850);

    const paid = await settlementOf(big.id, weekId);
    assert.equal(paid?.status, 'COMPLETED');
    assert.deepEqual([paid?.gross, paid?.fee, paid?.net], [63_000, 3_150, 59_850]);
    assert.deepEqual(
      transfersOf(paid!.id).map((t) => [t.amount, t.accountNum, t.holder]),
      [[59_850, '12345678901234', '큰상회']],
    );
    assert.equal(paid?.taxInvoice?.status, 'ISSUED');
    assert.equal(paid?.taxInvoice?.total, 3_150);
    assert.equal(invoicesOf(paid!.id, weekId), 1);

    const statements = statementOf(sent(), paid!.id);
    assert.equal(statements.length, 1);
    assert.deepEqual(statements[0]!.recipient, { userId: big.id });
    assert.equal(statements[0]!.variables.정산금액, '59,850원');
    assert.equal(statements[0]!.variables.정산기간, '2030-03-04 ~ 2030-03-10');
    assert.ok(statements[0]!.attachment?.includes('무선 키보드'));
    assert.ok(statements[0]!.attachment?.includes(`세금계산서 승인번호,${paid?.taxInvoice?.ntsConfirmNum}`));
    assert.ok(paid?.statementSentAt);

    const carried = await settlementOf(small.id, weekId);
    assert.equal(carried?.status, 'CARRIED_OVER');
    assert.equal(carried?.net, 8_550);
    assert.equal(carried?.payout, null);
  });

  test('running the same week again pays, invoices and e-mails nothing twice', async () => {
    const weekId = '2030-W11';
    const seller = await sandbox.seller();
    await payable(seller.id, weekId, [['텀블러', 25_000]]);
    const first = await runSettlementWeek(env, weekId);
    const settlement = await settlementOf(seller.id, weekId);
    assert.equal(first.totals.paidOut, 1);
    const second = await runSettlementWeek(env, weekId);
    assert.equal(second.status, 'COMPLETED');
    assert.equal(second.totals.paidOut, 0, 'nothing was paid by the re-run');
    assert.equal(transfersOf(settlement!.id).length, 1);
    assert.equal(invoicesOf(settlement!.id, weekId), 1);
    assert.equal(statementOf(sent(), settlement!.id).length, 1);
    const deposits = sandbox.banking.state.calls.filter(
      (c) =>
        c.operation === 'transfer' && c.bankTranId === sandbox.vendors.payouts.transferIdFor(settlement!.id),
    );
    assert.equal(deposits.length, 1, 'the re-run did not even ask the bank to transfer');
  });

  test('a crash between the payout and the tax invoice: running the week again resumes at the invoice', async () => {
    const weekId = '2030-W12';
    const seller = await sandbox.seller();
    await payable(seller.id, weekId, [['노트북 파우치', 48_000]]);
    await sandbox.popbillFaults({ transient: 1_000 });
    const callsBefore = sandbox.popbill.state.calls.length;
    const handle = await env.client.workflow.start('weeklySettlementWorkflow', {
      taskQueue: SETTLEMENT_TASK_QUEUE,
      workflowId: weeklySettlementWorkflowId(weekId),
      args: [{ weekId }],
    });
    // Paid out, and Popbill failing: the run is stuck retrying the invoice when it "crashes".
    const settlement = await eventually(async () => {
      const found = await settlementOf(seller.id, weekId);
      return found?.status === 'PAID_OUT' && sandbox.popbill.state.calls.length > callsBefore
        ? found
        : undefined;
    }, 20_000);
    // Everything stops: the week's run and the seller's payout workflow, between two invoice attempts.
    const child = env.client.workflow.getHandle(settlementPayoutWorkflowId(settlement.id));
    await awaitingRetry(child);
    await child.terminate('simulated crash between payout and tax invoice');
    await handle.terminate('simulated crash between payout and tax invoice');
    await sandbox.popbillFaults({ transient: 0 });
    assert.equal((await settlementOf(seller.id, weekId))?.taxInvoice, null, 'no invoice yet');

    const rerun: WeeklySettlementResult = await runSettlementWeek(env, weekId);
    assert.equal(rerun.totals.paidOut, 1);
    await assertSettledOnce(seller.id, settlement.id, weekId);
  });

  test('Popbill refuses the fee invoice: the payout is parked for an operator, whose retry (once the cause is fixed) issues it and sends the statement once', async () => {
    const weekId = '2030-W14';
    const seller = await sandbox.seller();
    await payable(seller.id, weekId, [['가죽 지갑', 52_000]]);
    const admin = await createAdmin(box.app);
    const parkedBefore =
      (await sandbox.metrics.deadLetters.get()).values.find((v) => v.labels.kind === 'settlement')?.value ??
      0;
    await sandbox.popbillFaults({
      reject: { times: 1, code: -11000013, message: '공급받는자 사업자번호가 유효하지 않습니다.' },
    });

    const run = await runSettlementWeek(env, weekId);
    assert.ok(run.totals.failed >= 1, JSON.stringify(run.totals));
    const settlement = (await settlementOf(seller.id, weekId))!;
    assert.equal(settlement.status, 'PAID_OUT', 'the money moved; only the invoice is missing');
    assert.equal(settlement.taxInvoice?.status, 'FAILED');

    const letters = await box.app.request('/api/v1/admin/dead-letters?kind=settlement&size=100', {
      headers: admin.auth,
    });
    assert.equal(letters.status, 200);
    const letter = (
      (await letters.json()) as {
        items: Array<{
          id: string;
          status: string;
          input: { settlementId?: string };
          lastError: { code: string; message: string; step?: string };
        }>;
      }
    ).items.find((item) => item.input.settlementId === settlement.id);
    assert.equal(letter?.status, 'OPEN');
    assert.equal(letter?.lastError.code, 'SETTLEMENT_TAX_INVOICE_REJECTED');
    assert.equal(letter?.lastError.step, 'issueSettlementTaxInvoice');
    assert.match(letter?.lastError.message, /-11000013/);
    const parked = (await sandbox.metrics.deadLetters.get()).values.find(
      (v) => v.labels.kind === 'settlement',
    )?.value;
    assert.equal(parked, parkedBefore + 1);

    // The operator fixes the cause (here: Popbill accepts again) and retries the letter, twice.
    const retry = () =>
      box.app.request(`/api/v1/admin/dead-letters/${letter!.id}/retry`, {
        method: 'POST',
        headers: admin.auth,
      });
    const first = await retry();
    assert.equal(first.status, 202);
    const { retry: started, status } = (await first.json()) as {
      retry: { workflowId: string };
      status: string;
    };
    assert.equal(status, 'RETRIED');
    const result = await env.client.workflow.getHandle(started.workflowId).result();
    assert.equal(result.taxInvoice, 'ISSUED');
    const again = await retry();
    assert.equal(again.status, 202);
    assert.equal(
      ((await again.json()) as { retry: { workflowId: string } }).retry.workflowId,
      started.workflowId,
    );

    await assertSettledOnce(seller.id, settlement.id, weekId);
  });

  test('the Monday schedule starts the run without a week: it settles the week that ended last, under its own id', async () => {
    const now = new Date(await env.currentTimeMs());
    const week = lastEndedWeek(now);
    const seller = await sandbox.seller();
    await payable(seller.id, week.weekId, [['달력', 30_000]], 6);
    const result: WeeklySettlementResult = await env.client.workflow.execute('weeklySettlementWorkflow', {
      taskQueue: SETTLEMENT_TASK_QUEUE,
      workflowId: `weekly-settlement-${now.toISOString()}`,
      args: [{}],
    });
    assert.equal(result.weekId, week.weekId);
    assert.equal(result.status, 'COMPLETED');
    const run = await env.client.workflow.getHandle(weeklySettlementWorkflowId(week.weekId)).describe();
    assert.equal(run.status.name, 'COMPLETED');
    assert.equal((await settlementOf(seller.id, week.weekId))?.status, 'COMPLETED');
  });
  test('from purchase confirmation through the 7-day hold to payout, tax invoice and statement (OrderLifecycle)', async () => {
    const seller = box.seller;
    const account = await box.app.request(`/api/v1/sellers/${seller.id}/profile`, {
      method: 'PATCH',
      headers: seller.auth,
      body: { settlementAccount: { bankCode: '090', accountNumber: '3333-01-2345678', holder: '판매상회' } },
    });
    assert.equal(account.status, 200);
    const product = await box.product([5], 25_000);
    const order = await box.placeOrder([{ variantId: product.variantIds[0]!, quantity: 2 }]);
    const pgReturn = await box.buyerPays(order.id, order.payableAmount);
    const handle = box.workflow(order.id);
    await handle.executeUpdate(submitPaymentUpdate, { args: [{ pgReturn }] });
    // Polled rather than awaited: waiting on a result lets the time-skipping server race ahead.
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PAID', 20_000);

    // The seller ships; the courier delivers; the buyer confirms the purchase.
    const part = { actorId: seller.id, sellerId: seller.id };
    await handle.executeUpdate(startPreparingUpdate, { args: [part] });
    // A 12-digit CJ number with its check digit (the first 11 digits mod 7).
    const head = String(Date.now()).slice(-11);
    const invoiceNumber = head + String(Number(BigInt(head) % 7n));
    await handle.executeUpdate(shipPartUpdate, { args: [{ ...part, courier: 'CJ', invoiceNumber }] });
    await eventually(async () =>
      [...courier.state.parcels.values()].some((p) => p.invoice === invoiceNumber),
    );
    courier.advance('04', invoiceNumber, 6);
    await eventually(async () => (await box.orderStatus(order.id)).status === 'DELIVERED', 20_000);
    await handle.executeUpdate(confirmPurchaseUpdate, {
      args: [{ actorId: box.consumer.id, sellerId: seller.id }],
    });
    await eventually(async () => (await box.orderStatus(order.id)).status === 'PURCHASE_CONFIRMED');
    const linesOf = () =>
      box.app.dataSource.query('SELECT * FROM payable_lines WHERE order_id = ?', [order.id]) as Promise<
        Array<{
          amount: number;
          fee: number;
          fee_rate_bps: number;
          payable_at: Date;
          purchase_confirmed_at: Date;
        }>
      >;
    assert.deepEqual(await linesOf(), [], 'nothing is payable during the hold');

    // Seven days later the hold ends and OrderLifecycle hands the lines to settlement.
    await quiescent(handle);
    await env.sleep('7 days');
    const [line] = await eventually(async () => {
      const rows = await linesOf();
      return rows.length > 0 ? rows : undefined;
    });
    assert.deepEqual([Number(line!.amount), Number(line!.fee), line!.fee_rate_bps], [50_000, 2_500, 500]);
    assert.equal(line!.payable_at.getTime() - line!.purchase_confirmed_at.getTime(), 7 * DAY);

    // Monday 00:00 in Seoul: the schedule starts the run for the week that just ended.
    await quiescent(handle);
    const now = new Date(await env.currentTimeMs());
    const monday = nextSettlementRuns(now, 1)[0]!;
    await env.sleep(monday.getTime() - now.getTime() + 1_000);
    const result: WeeklySettlementResult = await env.client.workflow.execute('weeklySettlementWorkflow', {
      taskQueue: SETTLEMENT_TASK_QUEUE,
      workflowId: `weekly-settlement-${monday.toISOString()}`,
      args: [{}],
    });
    assert.equal(result.weekId, weekContaining(line!.payable_at).weekId);

    const settled = await settlementOf(seller.id, result.weekId);
    assert.equal(settled?.status, 'COMPLETED');
    assert.deepEqual([settled?.gross, settled?.fee, settled?.net], [50_000, 2_500, 47_500]);
    assert.deepEqual(
      transfersOf(settled!.id).map((t) => [t.amount, t.bankCode, t.accountNum]),
      [[47_500, '090', '3333012345678']],
    );
    assert.equal(settled?.taxInvoice?.status, 'ISSUED');
    assert.deepEqual([settled?.taxInvoice?.supplyCost, settled?.taxInvoice?.tax], [2_273, 227]);
    const [statement] = statementOf(sent(), settled!.id);
    assert.equal(statement?.variables.정산금액, '47,500원');
    assert.ok(statement?.attachment?.includes(order.orderNumber));
  });
});
