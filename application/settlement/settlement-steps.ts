import type {
  InvoicerDetails,
  PayoutGateway,
  SellerDirectory,
  SettlementDetail,
  SettlementStore,
  TaxInvoiceIssuer,
} from '../../domain/settlement';
import { DomainError } from '../../domain/shared/domain-error';
import type { Log } from '../../domain/shared/log';

/** What the weekly run's payout, invoice and statement steps work on. */
export interface SettlementStepDeps {
  store: SettlementStore;
  sellers: SellerDirectory;
  payouts: PayoutGateway & { transferIdFor(settlementId: string): string };
  taxInvoices: TaxInvoiceIssuer;
  invoicer: InvoicerDetails;
  logger: Log;
  newId(): string;
  now(): Date;
}

/** A vendor answer that settles nothing yet: the step must run again later. */
export class VendorUnconfirmed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'VendorUnconfirmed';
  }
}

export async function loadSettlement(
  store: SettlementStore,
  settlementId: string,
): Promise<SettlementDetail> {
  const settlement = await store.get(settlementId);
  if (!settlement) throw new DomainError('SETTLEMENT_NOT_FOUND', `settlement ${settlementId} does not exist`);
  return settlement;
}
