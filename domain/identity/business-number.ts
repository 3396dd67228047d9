import { invalidField } from './identity-errors';

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/**
 * 사업자등록번호: 10 digits `XXX-XX-XXXXX`, the last being a check digit computed by the National Tax
 * Service algorithm (weights 1,3,7,1,3,7,1,3,5; the 9th digit's product adds its tens as well).
 */
export class BusinessNumber {
  private constructor(readonly value: string) {}

  static create(raw: string, field = 'businessNumber'): BusinessNumber {
    const digits = raw.trim().replace(/[\s-]/g, '');
    if (!/^\d{10}$/.test(digits)) throw invalidField(field, 'must be 10 digits (XXX-XX-XXXXX)');
    if (checkDigitOf(digits) !== Number(digits[9]))
      throw invalidField(field, 'is not a valid business registration number (check digit)');
    return new BusinessNumber(digits);
  }

  /** `123-45-67890`. */
  formatted(): string {
    return `${this.value.slice(0, 3)}-${this.value.slice(3, 5)}-${this.value.slice(5)}`;
  }

  toString(): string {
    return this.value;
  }
}

export function checkDigitOf(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  sum += Math.floor((Number(digits[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}
