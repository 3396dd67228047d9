import { invalidField } from './identity-errors';

/** Korean banks by their 3-digit KFTC code (the ones settlement pays into). */
export const BANK_CODES: Record<string, string> = {
  '002': 'KDB산업은행',
  '003': 'IBK기업은행',
  '004': 'KB국민은행',
  '007': '수협은행',
  '011': 'NH농협은행',
  '020': '우리은행',
  '023': 'SC제일은행',
  '027': '한국씨티은행',
  '031': '대구은행',
  '032': '부산은행',
  '034': '광주은행',
  '035': '제주은행',
  '037': '전북은행',
  '039': '경남은행',
  '045': '새마을금고',
  '048': '신협',
  '071': '우체국',
  '081': '하나은행',
  '088': '신한은행',
  '089': '케이뱅크',
  '090': '카카오뱅크',
  '092': '토스뱅크',
};

/** The account a seller's settlements are paid into. Encrypted at rest as a whole. */
export interface BankAccount {
  bankCode: string;
  accountNumber: string;
  holder: string;
}

export function bankAccount(
  raw: { bankCode: string; accountNumber: string; holder: string },
  field = 'settlementAccount',
): BankAccount {
  if (!BANK_CODES[raw.bankCode])
    throw invalidField(`${field}.bankCode`, 'must be a known Korean bank code, e.g. 004');
  const accountNumber = raw.accountNumber.replace(/[\s-]/g, '');
  if (!/^\d{10,14}$/.test(accountNumber))
    throw invalidField(`${field}.accountNumber`, 'must be 10–14 digits');
  const holder = raw.holder.trim();
  if (holder.length < 1 || holder.length > 50)
    throw invalidField(`${field}.holder`, 'must be 1–50 characters');
  return { bankCode: raw.bankCode, accountNumber, holder };
}

/** `****7890`. */
export function maskAccountNumber(accountNumber: string): string {
  return `${'*'.repeat(Math.max(0, accountNumber.length - 4))}${accountNumber.slice(-4)}`;
}
