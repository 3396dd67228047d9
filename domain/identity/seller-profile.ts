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
  /** 통신판매업 신고번호, shown on product pages (전자상거래법 표시사항); absent before it was collected. */
  mailOrderNumber?: string | null;
  /** 사업장 주소, shown on product pages. */
  businessAddress?: string | null;
  /** 고객센터 연락처, shown on product pages; `contactPhone` stays the platform's private line to the seller. */
  customerServicePhone?: PhoneNumber | null;
  createdAt: Date;
  updatedAt: Date;
}

export function companyName(raw: string, field = 'seller.companyName'): string {
  const value = raw.trim();
  if (value.length < 1 || value.length > 100) throw invalidField(field, 'must be 1–100 characters');
  return value;
}

/**
 * 통신판매업 신고번호 as 지자체 issue it: year, issuing office, serial (2024-서울강남-01234). Checked
 * loosely, since offices spell their part differently; spaces around the dashes are dropped.
 */
export function mailOrderNumber(raw: string, field = 'seller.mailOrderNumber'): string {
  const value = raw.trim().replace(/\s*-\s*/g, '-');
  if (!/^(19|20)\d{2}-[가-힣A-Za-z0-9]{2,20}-\d{2,7}$/.test(value))
    throw invalidField(field, 'must look like 2024-서울강남-01234 (year, issuing office, serial number)');
  return value;
}

export function businessAddress(raw: string, field = 'seller.businessAddress'): string {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.length < 5 || value.length > 200) throw invalidField(field, 'must be 5–200 characters');
  return value;
}
