import { createFirmBankingGateway } from '../integrations/settlement/firm-banking.adapter';
import { createPopbillTaxInvoiceIssuer } from '../integrations/settlement/popbill-tax-invoice.adapter';
import type { SettlementSandbox } from '../integrations/settlement/settlement-vendors';
import { BANKING_SIM_DEFAULTS, createBankingSimulator } from '../simulators/banking/banking.simulator';
import { createPopbillSimulator, POPBILL_SIM_DEFAULTS } from '../simulators/popbill/popbill.simulator';
import type { SandboxOptions } from './sandbox-options';

/** The firm-banking and Popbill simulators, and the adapters onto them with their test credentials. */
export const createSettlementSandbox = (options: SandboxOptions = {}): SettlementSandbox => ({
  startBanking: () => createBankingSimulator().start(options.ports?.banking),
  startPopbill: () => createPopbillSimulator().start(options.ports?.popbill),
  payouts: (url, timeoutMs) =>
    createFirmBankingGateway({ ...BANKING_SIM_DEFAULTS, apiBaseUrl: url, timeoutMs }),
  taxInvoices: (url, { corpNum, timeoutMs }) =>
    createPopbillTaxInvoiceIssuer({
      ...POPBILL_SIM_DEFAULTS,
      authBaseUrl: url,
      apiBaseUrl: url,
      corpNum,
      timeoutMs,
    }),
});

/** Free port, nothing kept (tests). */
export const settlementSandbox = createSettlementSandbox();
