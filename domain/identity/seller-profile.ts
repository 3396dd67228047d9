import { invalidField } from './identity-errors';
import type { BankAccount } from './bank-account';
import type { BusinessNumber } from './business-number';
import type { PhoneNumber } from './phone-number';

/**
 * A seller's business: registration number and company name are business records (printed on tax
 * invoices) and stay after withdrawal; the representative's name, the contact and the bank account
 * are personal data, encrypted at rest and erased on withdrawal.
 */
export interface SellerProfile {
  sellerId: string;
  businessNumber: BusinessNumber;
  companyName: string;
  representative: string | null;
  contactPhone: PhoneNumber | null;
  settlementAccount: BankAccount | null;
  createdAt: Date;
  updatedAt: Date;
}

export function companyName(raw: string, field = 'seller.companyName'): string {
  const value = raw.trim();
  if (value.length < 1 || value.length > 100) throw invalidField(field, 'must be 1–100 characters');
  return value;
}
