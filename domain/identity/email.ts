import { invalidField } from './identity-errors';

// Pragmatic address syntax: one @, a dotted domain with a 2+ letter TLD, no spaces or control characters.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

/** An email address, trimmed and lower-cased so that look-ups by keyed hash find it however it was typed. */
export class Email {
  private constructor(readonly value: string) {}

  static create(raw: string, field = 'email'): Email {
    const value = raw.trim().toLowerCase();
    if (value.length > 254 || !EMAIL.test(value) || value.split('@')[0]!.length > 64) {
      throw invalidField(field, 'must be a valid email address');
    }
    return new Email(value);
  }

  /** `k***@example.com`: enough for a person to recognise, useless to a log reader. */
  masked(): string {
    return maskEmail(this.value);
  }

  toString(): string {
    return this.value;
  }
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return '***';
  return `${value[0]}***${value.slice(at)}`;
}
