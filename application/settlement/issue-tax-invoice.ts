import { seoulDate, splitVatIncluded, taxInvoiceMgtKey } from '../../domain/settlement';
import { DomainError } from '../../domain/shared/domain-error';
import { loadSettlement, VendorUnconfirmed, type SettlementStepDeps } from './settlement-steps';

/** The tax invoice for the platform fee of a paid-out settlement, once (keyed by invoicerMgtKey). */
export async function issueSettlementTaxInvoice(
  deps: SettlementStepDeps,
  settlementId: string,
): Promise<{ status: 'ISSUED' | 'NOT_REQUIRED'; ntsConfirmNum: string | null }> {
  const settlement = await loadSettlement(deps.store, settlementId);
  if (settlement.status !== 'PAID_OUT' && settlement.status !== 'COMPLETED')
    throw new DomainError(
      'SETTLEMENT_NOT_PAID_OUT',
      `settlement ${settlement.id} is ${settlement.status}: only paid-out settlements are invoiced`,
    );
  if (settlement.taxInvoice?.status === 'ISSUED')
    return { status: 'ISSUED', ntsConfirmNum: settlement.taxInvoice.ntsConfirmNum };
  if (settlement.fee === 0) return { status: 'NOT_REQUIRED', ntsConfirmNum: null };
  const invoicee = await deps.sellers.invoiceeOf(settlement.sellerId);
  if (!invoicee)
    throw new DomainError('SELLER_NOT_FOUND', `seller ${settlement.sellerId} has no business profile`);
  const split = splitVatIncluded(settlement.fee);
  const now = deps.now();
  const base = {
    settlementId: settlement.id,
    mgtKey: taxInvoiceMgtKey(settlement.id, settlement.weekId),
    writeDate: seoulDate(now).replaceAll('-', ''),
    ...split,
  };
  const result = await deps.taxInvoices.issue({
    mgtKey: base.mgtKey,
    writeDate: base.writeDate,
    invoicer: deps.invoicer,
    invoicee,
    supplyCost: split.supplyCost,
    tax: split.tax,
    total: split.total,
    itemName: `판매수수료 (${settlement.weekId})`,
    remark: `장터 ${settlement.weekId} 정산 판매수수료`,
  });
  if (result.kind === 'issued') {
    await deps.store.saveTaxInvoice(
      {
        ...base,
        status: 'ISSUED',
        ntsConfirmNum: result.ntsConfirmNum,
        issuedAt: now,
        failureCode: null,
        failureMessage: null,
      },
      result.raw,
      now,
    );
    deps.logger.info({ settlementId: settlement.id, mgtKey: base.mgtKey }, 'tax invoice issued');
    return { status: 'ISSUED', ntsConfirmNum: result.ntsConfirmNum };
  }
  if (result.kind === 'rejected') {
    await deps.store.saveTaxInvoice(
      {
        ...base,
        status: 'FAILED',
        ntsConfirmNum: null,
        issuedAt: null,
        failureCode: result.code,
        failureMessage: result.message,
      },
      result.raw,
      now,
    );
    deps.logger.error({ settlementId: settlement.id, code: result.code }, 'tax invoice refused');
    throw new DomainError(
      'SETTLEMENT_TAX_INVOICE_REJECTED',
      `tax invoice of settlement ${settlement.id} refused: ${result.code} ${result.message}`,
    );
  }
  throw new VendorUnconfirmed(
    'SETTLEMENT_TAX_INVOICE_UNCONFIRMED',
    `tax invoice of settlement ${settlement.id} not confirmed: ${result.code} ${result.message}`,
  );
}
