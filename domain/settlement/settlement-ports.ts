import type { BankAccount } from '../identity/bank-account';

/**
 * The vendor seams of settlement, implemented in integrations/settlement. Both are idempotent by a
 * key derived from the settlement id, so a repeated call after a crash or a lost answer never pays
 * or invoices twice.
 */
export interface PayoutRequest {
  /** The transfer's idempotency key (firm banking: bank_tran_id), derived from the settlement id. */
  transferId: string;
  /** When the transfer was first requested: the bank looks a transfer up by its id and date. */
  requestedAt: Date;
  /** An earlier attempt may have sent it (a crash or lost answer): look it up before sending. */
  resumed: boolean;
  amount: number;
  account: BankAccount;
  /** What the seller's passbook shows (입금 인자내역), e.g. `장터정산`. */
  printContent: string;
  /** Who asks for the transfer, for the bank's records: the seller id. */
  clientReference: string;
}

export type PayoutResult =
  | { kind: 'paid'; transferId: string; paidAt: Date; vendorCode: string; raw: unknown }
  /** Final: the bank will not pay this account (wrong account, holder mismatch, closed account…). */
  | { kind: 'refused'; code: string; message: string; raw: unknown }
  /** Nobody knows yet (timeout, 5xx, lost answer, look-up unavailable): ask again later, same id. */
  | { kind: 'unknown'; code: string; message: string };

export interface PayoutGateway {
  /** Pays unless the transfer id was already paid (then answers that transfer). */
  transfer(request: PayoutRequest): Promise<PayoutResult>;
}

/** A 전자세금계산서 for the platform's fee (the platform supplies, the seller receives). */
export interface TaxInvoiceRequest {
  /** The invoicer's document key (≤ 24 of letters, digits, - and _), the idempotency key. */
  mgtKey: string;
  /** yyyyMMdd in Asia/Seoul, never in the future. */
  writeDate: string;
  invoicer: InvoicerDetails;
  invoicee: InvoiceeDetails;
  supplyCost: number;
  tax: number;
  total: number;
  itemName: string;
  remark: string;
}

export interface InvoicerDetails {
  corpNum: string;
  corpName: string;
  ceoName: string;
  address: string;
  bizType: string;
  bizClass: string;
  email: string;
}

/** The seller as a business (decrypted inside an activity only: the representative and e-mail are personal). */
export interface InvoiceeDetails {
  corpNum: string;
  corpName: string;
  ceoName: string;
  email: string | null;
}

export type TaxInvoiceResult =
  /** 국세청 승인번호 may come later than the issue (null until Popbill reports it). */
  | { kind: 'issued'; ntsConfirmNum: string | null; raw: unknown }
  | { kind: 'rejected'; code: string; message: string; raw: unknown }
  | { kind: 'unknown'; code: string; message: string };

export interface TaxInvoiceIssuer {
  /** Issues at once (즉시발행) unless the key was issued already (then answers that document). */
  issue(request: TaxInvoiceRequest): Promise<TaxInvoiceResult>;
}

/** What settlement reads about a seller from identity. */
export interface SellerDirectory {
  payoutAccountOf(sellerId: string): Promise<BankAccount | null>;
  invoiceeOf(sellerId: string): Promise<InvoiceeDetails | null>;
}
