import { maskAccountNumber } from '../../domain/identity/bank-account';
import type { SettlementStatus } from '../../domain/settlement';
import { loadSettlement, VendorUnconfirmed, type SettlementStepDeps } from './settlement-steps';

/** What the passbook of the seller shows for a payout. */
export const PAYOUT_PRINT_CONTENT = '장터정산';

export type PayoutOutcome =
  | { status: 'PAID'; settlementId: string; amount: number }
  | { status: 'FAILED'; settlementId: string; code: string }
  | { status: 'SKIPPED'; settlementId: string; reason: SettlementStatus };

/**
 * The bank transfer of a settlement, once: the payout row (with its transfer id) is written
 * before the bank is called, and a row found on a later attempt makes the adapter look the
 * transfer up before sending anything.
 */
export async function payOutSettlement(
  deps: SettlementStepDeps,
  settlementId: string,
): Promise<PayoutOutcome> {
  const settlement = await loadSettlement(deps.store, settlementId);
  if (settlement.status === 'PAID_OUT' || settlement.status === 'COMPLETED')
    return { status: 'PAID', settlementId, amount: settlement.payout?.amount ?? settlement.net };
  if (settlement.status === 'PAYOUT_FAILED')
    return { status: 'FAILED', settlementId, code: settlement.failureCode ?? 'PAYOUT_FAILED' };
  if (settlement.status !== 'PAYOUT_PENDING')
    return { status: 'SKIPPED', settlementId, reason: settlement.status };

  const now = deps.now();
  const account = await deps.sellers.payoutAccountOf(settlement.sellerId);
  if (!account) {
    await deps.store.failPayout(
      settlementId,
      {
        code: 'SETTLEMENT_ACCOUNT_MISSING',
        message: 'the seller has registered no settlement bank account',
      },
      now,
    );
    deps.logger.warn(
      { settlementId, sellerId: settlement.sellerId },
      'payout impossible: no settlement account',
    );
    return { status: 'FAILED', settlementId, code: 'SETTLEMENT_ACCOUNT_MISSING' };
  }
  const { payout, created } = await deps.store.beginPayout({
    settlementId,
    amount: settlement.net,
    bankCode: account.bankCode,
    accountMasked: maskAccountNumber(account.accountNumber),
    transferId: deps.payouts.transferIdFor(settlementId),
    status: 'REQUESTED',
    vendorCode: null,
    vendorMessage: null,
    requestedAt: now,
    paidAt: null,
  });
  const result = await deps.payouts.transfer({
    transferId: payout.transferId,
    requestedAt: payout.requestedAt,
    resumed: !created,
    amount: payout.amount,
    account,
    printContent: PAYOUT_PRINT_CONTENT,
    clientReference: settlement.sellerId,
  });
  if (result.kind === 'paid') {
    await deps.store.completePayout(
      settlementId,
      { paidAt: result.paidAt, vendorCode: result.vendorCode, raw: result.raw },
      deps.now(),
    );
    deps.logger.info(
      { settlementId, transferId: payout.transferId, amount: payout.amount },
      'settlement paid out',
    );
    return { status: 'PAID', settlementId, amount: payout.amount };
  }
  if (result.kind === 'refused') {
    await deps.store.failPayout(
      settlementId,
      { code: result.code, message: result.message, raw: result.raw },
      deps.now(),
    );
    deps.logger.warn(
      { settlementId, code: result.code },
      'payout refused by the bank; lines carried to next week',
    );
    return { status: 'FAILED', settlementId, code: result.code };
  }
  throw new VendorUnconfirmed(
    'SETTLEMENT_PAYOUT_UNCONFIRMED',
    `payout of settlement ${settlementId} not confirmed: ${result.code} ${result.message}`,
  );
}
