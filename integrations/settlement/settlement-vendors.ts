import type { SettlementVendorConfig } from '../../config/settlement-vendors';
import type { InvoicerDetails, TaxInvoiceIssuer } from '../../domain/settlement';
import { BANKING_SIM_DEFAULTS, createBankingSimulator } from '../../simulators/banking/banking.simulator';
import { createPopbillSimulator, POPBILL_SIM_DEFAULTS } from '../../simulators/popbill/popbill.simulator';
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

/**
 * The payout and tax-invoice adapters. A vendor without credentials is its simulator (DESIGN §6):
 * the one at BANKING_SIMULATOR_URL / POPBILL_SIMULATOR_URL, or one started here in-process.
 */
export async function openSettlementVendors(config: SettlementVendorConfig): Promise<SettlementVendors> {
  const closers: Array<() => Promise<void>> = [];
  const sandbox: SettlementVendors['sandbox'] = {};

  let payouts: FirmBankingGateway;
  if (config.banking.kind === 'firm-banking') {
    payouts = createFirmBankingGateway(config.banking);
  } else {
    let url = config.banking.simulatorUrl?.replace(/\/+$/, '');
    if (!url) {
      const running = await createBankingSimulator().start();
      closers.push(running.close);
      url = running.url;
    }
    sandbox.banking = url;
    payouts = createFirmBankingGateway({
      ...BANKING_SIM_DEFAULTS,
      apiBaseUrl: url,
      timeoutMs: config.banking.timeoutMs,
    });
  }

  let taxInvoices: TaxInvoiceIssuer;
  if (config.popbill.kind === 'popbill') {
    taxInvoices = createPopbillTaxInvoiceIssuer({ ...config.popbill, corpNum: config.invoicer.corpNum });
  } else {
    let url = config.popbill.simulatorUrl?.replace(/\/+$/, '');
    if (!url) {
      const running = await createPopbillSimulator().start();
      closers.push(running.close);
      url = running.url;
    }
    sandbox.popbill = url;
    taxInvoices = createPopbillTaxInvoiceIssuer({
      ...POPBILL_SIM_DEFAULTS,
      authBaseUrl: url,
      apiBaseUrl: url,
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
