import type { SettlementVendorConfig } from '../../config/settlement-vendors';
import type { InvoicerDetails, TaxInvoiceIssuer } from '../../domain/settlement';
import { requireSandbox, simulatorUrl, type RunningSandbox } from '../vendor-sandbox';
import { createFirmBankingGateway, type FirmBankingGateway } from './firm-banking.adapter';
import { createPopbillTaxInvoiceIssuer } from './popbill-tax-invoice.adapter';

export interface SettlementVendors {
  payouts: FirmBankingGateway;
  taxInvoices: TaxInvoiceIssuer;
  invoicer: InvoicerDetails;
  /** Base URLs of the sandbox simulators (absent for real vendors): `<banking>/__sim/transfers`, `<popbill>/__sim/invoices`. */
  sandbox: { banking?: string; popbill?: string };
  close(): Promise<void>;
}

/** What stands in for the settlement vendors without credentials (sandbox/settlement.ts). */
export interface SettlementSandbox {
  startBanking(): Promise<RunningSandbox>;
  startPopbill(): Promise<RunningSandbox>;
  /** The firm-banking gateway onto the banking simulator at `url`, with its test credentials. */
  payouts(url: string, timeoutMs: number): FirmBankingGateway;
  /** The Popbill issuer onto the Popbill simulator at `url`, with its test link id and key. */
  taxInvoices(url: string, options: { corpNum: string; timeoutMs: number }): TaxInvoiceIssuer;
}

/**
 * The payout and tax-invoice adapters. A vendor without credentials is the injected sandbox's
 * simulator (docs/vendors/README.md#sandbox-vendors): the one at BANKING_SIMULATOR_URL /
 * POPBILL_SIMULATOR_URL, or one started in-process. Without a sandbox, a VendorNotConfiguredError.
 */
export async function openSettlementVendors(
  config: SettlementVendorConfig,
  options: { sandbox?: SettlementSandbox } = {},
): Promise<SettlementVendors> {
  const closers: Array<() => Promise<void> | void> = [];
  const sandbox: SettlementVendors['sandbox'] = {};

  let payouts: FirmBankingGateway;
  if (config.banking.kind === 'firm-banking') {
    payouts = createFirmBankingGateway(config.banking);
  } else {
    const banking = requireSandbox(options.sandbox, 'firm banking (payouts)', [
      'FIRM_BANKING_CLIENT_ID',
      'FIRM_BANKING_CLIENT_SECRET',
      'FIRM_BANKING_ORG_CODE',
      'FIRM_BANKING_CONTRACT_ACCOUNT',
      'FIRM_BANKING_PASS_PHRASE',
    ]);
    sandbox.banking = await simulatorUrl(config.banking.simulatorUrl, banking.startBanking, closers);
    payouts = banking.payouts(sandbox.banking, config.banking.timeoutMs);
  }

  let taxInvoices: TaxInvoiceIssuer;
  if (config.popbill.kind === 'popbill') {
    taxInvoices = createPopbillTaxInvoiceIssuer({ ...config.popbill, corpNum: config.invoicer.corpNum });
  } else {
    const popbill = requireSandbox(options.sandbox, 'Popbill (tax invoices)', [
      'POPBILL_LINK_ID',
      'POPBILL_SECRET_KEY',
    ]);
    sandbox.popbill = await simulatorUrl(config.popbill.simulatorUrl, popbill.startPopbill, closers);
    taxInvoices = popbill.taxInvoices(sandbox.popbill, {
      corpNum: config.invoicer.corpNum,
      timeoutMs: config.popbill.timeoutMs,
    });
  }

  return {
    payouts,
    taxInvoices,
    invoicer: config.invoicer,
    sandbox,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
