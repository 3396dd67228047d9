import { invalidField } from './identity-errors';

/**
 * A Korean phone number, stored as digits only (`01012345678`, `0212345678`). Accepts the usual
 * spellings: hyphens, spaces, dots, parentheses and the +82 country code.
 */
export class PhoneNumber {
  private constructor(readonly value: string) {}

  static create(raw: string, field = 'phone'): PhoneNumber {
    let digits = raw.trim().replace(/[\s().-]/g, '');
    if (digits.startsWith('+82')) digits = '0' + digits.slice(3).replace(/^0/, '');
    if (!/^\d+$/.test(digits) || !isKoreanNumber(digits)) {
      throw invalidField(field, 'must be a Korean mobile or landline number, e.g. 010-1234-5678');
    }
    return new PhoneNumber(digits);
  }

  get isMobile(): boolean {
    return /^01[016789]/.test(this.value);
  }

  /** `010-1234-5678`, `02-123-4567`. */
  formatted(): string {
    const v = this.value;
    if (v.startsWith('02')) return `02-${v.slice(2, v.length - 4)}-${v.slice(-4)}`;
    if (/^1[5-9]\d{6}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4)}`;
    return `${v.slice(0, 3)}-${v.slice(3, v.length - 4)}-${v.slice(-4)}`;
  }

  /** `010-****-5678`. */
  masked(): string {
    return maskPhone(this.value);
  }

  toString(): string {
    return this.value;
  }
}

function isKoreanNumber(d: string): boolean {
  return (
    /^010\d{8}$/.test(d) || // mobile (010-XXXX-XXXX)
    /^01[16789]\d{7,8}$/.test(d) || // legacy mobile prefixes
    /^02[2-9]\d{6,7}$/.test(d) || // Seoul
    /^0(3[1-3]|4[1-4]|5[1-5]|6[1-4])[2-9]\d{6,7}$/.test(d) || // regional area codes
    /^070\d{7,8}$/.test(d) || // internet telephony
    /^050\d{8,9}$/.test(d) || // personal (safe) numbers
    /^1[5-9]\d{6}$/.test(d) // nationwide business numbers (1588-XXXX)
  );
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8) return '***';
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}
