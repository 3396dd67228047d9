import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApplicationFailure } from '@temporalio/activity';
import { settlementWeek, type PayableLinesInput } from '../../domain/settlement';
import { uuidv7 } from '../../platform/ids';
import { openSettlementSandbox, type SettlementSandbox } from '../support/settlement-sandbox';
import { createTestApp, type TestApp } from '../support/test-app';

const DAY = 86_400_000;

describe('settlement ledger: intake, weekly arithmetic, claims, payouts and invoices (MariaDB, bank and Popbill simulators)', () => {
  let app: TestApp;
  let sandbox: SettlementSandbox;

  before(async () => {
    app = await createTestApp();
    sandbox = await openSettlementSandbox(app);
  });
  after(async () => {
    await sandbox?.close();
    await app?.close();
  });

  /** Lines that became payable `dayInWeek` days into the week. */
  function intake(sellerId: string, weekId: string, amounts: number[], dayInWeek = 2): PayableLinesInput {
    const payableAt = new Date(settlementWeek(weekId).start.getTime() + dayInWeek * DAY + 3_600_000);
    return {
      orderId: uuidv7(),
      orderNumber: `JT${uuidv7().replaceAll('-', '').slice(-16)}`,
      sellerId,
      purchaseConfirmedAt: new Date(payableAt.getTime() - 7 * DAY).toISOString(),
      payableAt: payableAt.toISOString(),
      lines: amounts.map((amount, i) => ({
        orderLineId: uuidv7(),
        productName: `상품 ${i + 1}`,
        quantity: 1,
        amount,
      })),
    };
  }
  const refund = (sellerId: string, weekId: string, amount: number, dayInWeek = 3) => ({
    sellerId,
    orderId: uuidv7(),
    refundId: `refund-${uuidv7()}`,
    amount,
    reason: '반품 환불',
    at: new Date(settlementWeek(weekId).start.getTime() + dayInWeek * DAY).toISOString(),
  });
  const settle = (sellerId: string, weekId: string) =>
    sandbox.activities.prepareSellerSettlement({ weekId, sellerId });
  const transfersTo = (settlementId: string) =>
    [...sandbox.banking.state.transfers.values()].filter(
      (t) => t.bankTranId === sandbox.vendors.payouts.transferIdFor(settlementId),
    );

  test('each line is stored once with the 5 % fee rate; a retried intake records nothing new', async () => {
    const sellerId = uuidv7();
    const input = intake(sellerId, '2040-W02', [10_999, 39_000]);
    assert.deepEqual(await sandbox.activities.recordPayableLines(input), { recorded: 2 });
    assert.deepEqual(await sandbox.activities.recordPayableLines(input), { recorded: 0 });
    const rows = (await app.dataSource.query(
      'SELECT amount, fee_rate_bps, fee, payable_at FROM payable_lines WHERE seller_id = ? ORDER BY amount',
      [sellerId],
    )) as Array<{ amount: number; fee_rate_bps: number; fee: number; payable_at: Date }>;
    assert.deepEqual(
      rows.map((r) => [Number(r.amount), r.fee_rate_bps, Number(r.fee)]),
      [
        [10_999, 500, 549],
        [39_000, 500, 1_950],
      ],
    );
    assert.equal(rows[0]!.payable_at.toISOString(), input.payableAt);
    await assert.rejects(
      sandbox.activities.recordPayableLines({ ...input, lines: [{ ...input.lines[0]!, amount: -1 }] }),
      (error: unknown) =>
        error instanceof ApplicationFailure &&
        error.nonRetryable &&
        error.type === 'SETTLEMENT_INVALID_PAYABLE_LINE',
    );
  });

  test('a net of exactly 10,000 won is paid out; 9,999 is carried over and paid with the next week’s sales', async () => {
    const paid = (await sandbox.seller()).id;
    const carried = uuidv7();
    await sandbox.activities.recordPayableLines(intake(paid, '2040-W03', [10_526]));
    await sandbox.activities.recordPayableLines(intake(carried, '2040-W03', [10_525]));

    const first = await settle(paid, '2040-W03');
    assert.equal(first?.status, 'PAYOUT_PENDING');
    assert.equal(first?.net, 10_000);
    const payout = await sandbox.activities.payOutSettlement({ settlementId: first!.settlementId });
    assert.deepEqual(payout, { status: 'PAID', settlementId: first!.settlementId, amount: 10_000 });
    assert.equal(transfersTo(first!.settlementId)[0]?.amount, 10_000);
    assert.equal(transfersTo(first!.settlementId)[0]?.accountNum, '12345678901234');

    const under = await settle(carried, '2040-W03');
    assert.equal(under?.status, 'CARRIED_OVER');
    assert.equal(under?.net, 9_999);
    assert.deepEqual(await sandbox.activities.payOutSettlement({ settlementId: under!.settlementId }), {
      status: 'SKIPPED',
      settlementId: under!.settlementId,
      reason: 'CARRIED_OVER',
    });
    await sandbox.activities.recordPayableLines(intake(carried, '2040-W04', [1_000]));
    const next = await settle(carried, '2040-W04');
    assert.equal(next?.status, 'PAYOUT_PENDING');
    assert.equal(next?.net, 10_525 + 1_000 - 526 - 50);
    const detail = await sandbox.store.get(next!.settlementId);
    assert.deepEqual(
      detail!.lines.map((l) => l.amount),
      [10_525, 1_000],
    );
    // Preparing the paid week again finds the same settlement and claims nothing more.
    const again = await settle(carried, '2040-W04');
    assert.equal(again?.settlementId, next!.settlementId);
    assert.equal(again?.created, false);
  });

  test('several weeks of carry-over: each week recomputes everything pending until the net reaches 10,000', async () => {
    const sellerId = uuidv7();
    const nets: number[] = [];
    const statuses: string[] = [];
    for (const [weekId, amount] of [
      ['2040-W05', 4_000],
      ['2040-W06', 3_000],
      ['2040-W07', 4_000],
    ] as const) {
      await sandbox.activities.recordPayableLines(intake(sellerId, weekId, [amount]));
      const settlement = await settle(sellerId, weekId);
      nets.push(settlement!.net);
      statuses.push(settlement!.status);
    }
    assert.deepEqual(nets, [3_800, 6_650, 10_450]);
    assert.deepEqual(statuses, ['CARRIED_OVER', 'CARRIED_OVER', 'PAYOUT_PENDING']);
    assert.equal(await settle(sellerId, '2040-W08'), null, 'nothing is left for the week after');
  });

  test('refunds: before the payout they reduce the same settlement; after it, a later one, as negative lines', async () => {
    const sellerId = (await sandbox.seller()).id;
    await sandbox.activities.recordPayableLines(intake(sellerId, '2040-W09', [50_000]));
    await sandbox.activities.recordRefundAdjustment(refund(sellerId, '2040-W09', 20_000));
    const week1 = await settle(sellerId, '2040-W09');
    assert.equal(week1?.net, 50_000 - 2_500 - 20_000);
    await sandbox.activities.payOutSettlement({ settlementId: week1!.settlementId });

    // After the payout: the buyer returns more; the next week's sales do not cover it.
    await sandbox.activities.recordRefundAdjustment(refund(sellerId, '2040-W10', 30_000));
    await sandbox.activities.recordPayableLines(intake(sellerId, '2040-W10', [10_000]));
    const week2 = await settle(sellerId, '2040-W10');
    assert.equal(week2?.status, 'CARRIED_OVER');
    assert.equal(week2?.net, 10_000 - 500 - 30_000);

    await sandbox.activities.recordPayableLines(intake(sellerId, '2040-W11', [40_000]));
    const week3 = await settle(sellerId, '2040-W11');
    assert.equal(week3?.status, 'PAYOUT_PENDING');
    assert.equal(week3?.net, 50_000 - 2_500 - 30_000);
    const detail = await sandbox.store.get(week3!.settlementId);
    assert.deepEqual(
      detail!.lines.map((l) => [l.kind, l.amount, l.fee]),
      [
        ['SALE', 10_000, 500],
        ['SALE', 40_000, 2_000],
        ['REFUND', -30_000, 0],
      ],
    );
    assert.equal(detail!.refunds, 30_000);
  });

  test('a refund id is recorded once; the same id with another amount is refused', async () => {
    const sellerId = uuidv7();
    const input = refund(sellerId, '2040-W12', 5_000);
    const first = await sandbox.activities.recordRefundAdjustment(input);
    const again = await sandbox.activities.recordRefundAdjustment(input);
    assert.deepEqual(again, { adjustmentId: first.adjustmentId, created: false });
    await assert.rejects(
      sandbox.activities.recordRefundAdjustment({ ...input, amount: 6_000 }),
      (error: unknown) =>
        error instanceof ApplicationFailure && error.type === 'SETTLEMENT_ADJUSTMENT_CONFLICT',
    );
  });

  test('concurrent runs of the same week and of the next week claim every line exactly once', async () => {
    const sellerId = uuidv7();
    await sandbox.activities.recordPayableLines(intake(sellerId, '2040-W13', [30_000, 20_000]));
    const results = await Promise.all([
      settle(sellerId, '2040-W13'),
      settle(sellerId, '2040-W13'),
      settle(sellerId, '2040-W14'),
      settle(sellerId, '2040-W14'),
    ]);
    const paying = new Set(results.filter((r) => r?.status === 'PAYOUT_PENDING').map((r) => r!.settlementId));
    assert.equal(paying.size, 1, 'one settlement pays the lines');
    const claimed = (await app.dataSource.query(
      'SELECT COUNT(DISTINCT settlement_id) AS settlements, COUNT(*) AS line_count FROM payable_lines WHERE seller_id = ?',
      [sellerId],
    )) as Array<{ settlements: number; line_count: number }>;
    assert.deepEqual([Number(claimed[0]!.settlements), Number(claimed[0]!.line_count)], [1, 2]);
    const rows = (await app.dataSource.query(
      "SELECT COUNT(*) AS n FROM settlements WHERE seller_id = ? AND status = 'PAYOUT_PENDING'",
      [sellerId],
    )) as Array<{ n: number }>;
    assert.equal(Number(rows[0]!.n), 1);
  });

  test('no bank account: the payout fails and the lines go to the next week, which pays once an account exists', async () => {
    const seller = await sandbox.seller({ account: false });
    await sandbox.activities.recordPayableLines(intake(seller.id, '2040-W15', [20_000]));
    const week = await settle(seller.id, '2040-W15');
    assert.deepEqual(await sandbox.activities.payOutSettlement({ settlementId: week!.settlementId }), {
      status: 'FAILED',
      settlementId: week!.settlementId,
      code: 'SETTLEMENT_ACCOUNT_MISSING',
    });
    assert.equal((await sandbox.store.get(week!.settlementId))?.status, 'PAYOUT_FAILED');

    const withAccount = await sandbox.seller();
    await sandbox.activities.recordPayableLines(intake(withAccount.id, '2040-W15', [20_000]));
    // The refused seller registers an account meanwhile: the released line is paid the following week.
    await app.request(`/api/v1/sellers/${seller.id}/profile`, {
      method: 'PATCH',
      headers: seller.auth,
      body: { settlementAccount: { bankCode: '088', accountNumber: '110-123-456789', holder: '정산상회' } },
    });
    const next = await settle(seller.id, '2040-W16');
    assert.equal(next?.net, 19_000);
    assert.equal(
      (await sandbox.activities.payOutSettlement({ settlementId: next!.settlementId })).status,
      'PAID',
    );
    assert.equal(transfersTo(next!.settlementId)[0]?.bankCode, '088');
  });

  test('a bank refusal fails the payout with the bank’s code and carries the lines over', async () => {
    const seller = await sandbox.seller();
    await sandbox.activities.recordPayableLines(intake(seller.id, '2040-W17', [15_000]));
    const week = await settle(seller.id, '2040-W17');
    await sandbox.bankingFaults({ refuse: { times: 1, code: '400', message: '수취계좌 입금불능' } });
    const result = await sandbox.activities.payOutSettlement({ settlementId: week!.settlementId });
    assert.deepEqual(result, { status: 'FAILED', settlementId: week!.settlementId, code: 'BANK_400' });
    const detail = await sandbox.store.get(week!.settlementId);
    assert.equal(detail?.status, 'PAYOUT_FAILED');
    assert.equal(detail?.payout?.status, 'FAILED');
    assert.equal(detail?.payout?.vendorMessage, '수취계좌 입금불능');
    assert.equal((await settle(seller.id, '2040-W18'))?.net, 14_250);
  });

  test('pay but lose the answer: the payout is recognised by the look-up, and a repeated activity pays nothing more', async () => {
    const seller = await sandbox.seller();
    await sandbox.activities.recordPayableLines(intake(seller.id, '2040-W19', [30_000]));
    const week = await settle(seller.id, '2040-W19');
    await sandbox.bankingFaults({ loseResponse: 1 });
    assert.equal(
      (await sandbox.activities.payOutSettlement({ settlementId: week!.settlementId })).status,
      'PAID',
    );
    assert.equal(
      (await sandbox.activities.payOutSettlement({ settlementId: week!.settlementId })).status,
      'PAID',
    );
    assert.equal(transfersTo(week!.settlementId).length, 1);
    const detail = await sandbox.store.get(week!.settlementId);
    assert.equal(detail?.status, 'PAID_OUT');
    assert.equal(detail?.payout?.accountMasked, '**********1234');
    assert.equal(detail?.payout?.status, 'PAID');
  });

  test('a crash after the bank call: the retried activity finds the REQUESTED payout and looks it up before paying', async () => {
    const seller = await sandbox.seller();
    await sandbox.activities.recordPayableLines(intake(seller.id, '2040-W20', [30_000]));
    const week = await settle(seller.id, '2040-W20');
    // An activity attempt that wrote its payout row and reached the bank, then died.
    await sandbox.bankingFaults({ transient: 1 });
    await assert.rejects(
      sandbox.activities.payOutSettlement({ settlementId: week!.settlementId }),
      (error: unknown) =>
        error instanceof ApplicationFailure && error.type === 'SETTLEMENT_PAYOUT_UNCONFIRMED',
    );
    assert.equal((await sandbox.store.get(week!.settlementId))?.payout?.status, 'REQUESTED');
    const calls = sandbox.banking.state.calls.length;
    assert.equal(
      (await sandbox.activities.payOutSettlement({ settlementId: week!.settlementId })).status,
      'PAID',
    );
    assert.deepEqual(
      sandbox.banking.state.calls
        .slice(calls)
        .filter((c) => c.operation !== 'token')
        .map((c) => c.operation),
      ['result', 'transfer'],
    );
    assert.equal(transfersTo(week!.settlementId).length, 1);
  });

  test('the fee invoice (공급가액 + 세액 = fee) is issued once; the statement is owed once, then the settlement is complete', async () => {
    const seller = await sandbox.seller({ companyName: '세금상회' });
    await sandbox.activities.recordPayableLines(intake(seller.id, '2040-W21', [52_000]));
    const week = await settle(seller.id, '2040-W21');
    const settlementId = week!.settlementId;
    await assert.rejects(
      sandbox.activities.issueSettlementTaxInvoice({ settlementId }),
      (error: unknown) => error instanceof ApplicationFailure && error.type === 'SETTLEMENT_NOT_PAID_OUT',
    );
    await sandbox.activities.payOutSettlement({ settlementId });
    const invoice = await sandbox.activities.issueSettlementTaxInvoice({ settlementId });
    assert.equal(invoice.status, 'ISSUED');
    assert.match(invoice.ntsConfirmNum ?? '', /^\d{24}$/);
    assert.deepEqual(await sandbox.activities.issueSettlementTaxInvoice({ settlementId }), invoice);
    const issued = [...sandbox.popbill.state.invoices.values()].filter(
      (i) => i.ntsConfirmNum === invoice.ntsConfirmNum,
    );
    assert.equal(issued.length, 1);
    assert.deepEqual(
      [issued[0]!.document.supplyCostTotal, issued[0]!.document.taxTotal, issued[0]!.document.totalAmount],
      ['2364', '236', '2600'],
    );
    assert.equal(issued[0]!.document.invoiceeCorpName, '세금상회');
    const detail = await sandbox.store.get(settlementId);
    assert.deepEqual(
      {
        number: detail?.taxInvoice?.ntsConfirmNum,
        total: detail?.taxInvoice?.total,
        tax: detail?.taxInvoice?.tax,
      },
      { number: invoice.ntsConfirmNum, total: 2_600, tax: 236 },
    );

    const statement = await sandbox.activities.settlementStatement({ settlementId });
    assert.equal(statement?.variables.판매자명, '세금상회');
    assert.equal(statement?.variables.정산금액, '49,400원');
    assert.ok(statement?.attachment?.includes(`세금계산서 승인번호,${invoice.ntsConfirmNum}`));
    await sandbox.activities.markSettlementStatementSent({ settlementId, notificationId: uuidv7() });
    assert.equal(await sandbox.activities.settlementStatement({ settlementId }), null);
    assert.equal((await sandbox.store.get(settlementId))?.status, 'COMPLETED');
  });

  test('sellers to settle: pending before the cutoff, or an unfinished payout of the week; not lines payable later', async () => {
    const early = uuidv7();
    const late = uuidv7();
    const unfinished = await sandbox.seller();
    await sandbox.activities.recordPayableLines(intake(early, '2040-W22', [12_000], 6));
    await sandbox.activities.recordPayableLines(intake(late, '2040-W23', [12_000], 0));
    await sandbox.activities.recordPayableLines(intake(unfinished.id, '2040-W22', [12_000]));
    await settle(unfinished.id, '2040-W22'); // claimed, not paid yet
    const listed = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const { sellerIds } = await sandbox.activities.listSellersToSettle({
        weekId: '2040-W22',
        afterSellerId: after,
        limit: 50,
      });
      if (sellerIds.length === 0) break;
      sellerIds.forEach((id) => listed.add(id));
      after = sellerIds.at(-1);
    }
    assert.equal(listed.has(early), true);
    assert.equal(listed.has(unfinished.id), true);
    assert.equal(listed.has(late), false);
  });
});
