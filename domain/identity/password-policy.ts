import { invalidField } from './identity-errors';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  'password12',
  'password123',
  'qwerty1234',
  '1q2w3e4r5t',
  'qwer1234!!',
  'iloveyou12',
  'abcd1234!!',
  'admin12345',
  'welcome123',
]);

/**
 * A new password: 10–128 characters, at least three of lower case, upper case, digits and symbols,
 * no long run of one character, not a well-known password, and not containing the email's local part.
 * Only the checked plaintext leaves here, straight into the hasher.
 */
export class Password {
  private constructor(readonly plaintext: string) {}

  static create(raw: string, context: { email?: string } = {}, field = 'password'): Password {
    if (raw.length < PASSWORD_MIN_LENGTH)
      throw invalidField(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
    if (raw.length > PASSWORD_MAX_LENGTH)
      throw invalidField(field, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(raw)).length;
    if (classes < 3)
      throw invalidField(field, 'must mix at least three of: lower case, upper case, digits, symbols');
    if (/(.)\1{3,}/.test(raw)) throw invalidField(field, 'must not repeat one character four times in a row');
    if (COMMON.has(raw.toLowerCase())) throw invalidField(field, 'is too common');
    const local = context.email?.split('@')[0]?.toLowerCase();
    if (local && local.length >= 4 && raw.toLowerCase().includes(local))
      throw invalidField(field, 'must not contain the email address');
    return new Password(raw);
  }

  /** Never print a password, even by accident. */
  toString(): string {
    return '[password]';
  }

  toJSON(): string {
    return '[password]';
  }
}
