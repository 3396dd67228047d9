import { invalidField } from './identity-errors';

/** A person's name as they write it (한글 or Latin): 1–50 characters after trimming, no control characters. */
export function personName(raw: string, field = 'name'): string {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value.length < 1 || value.length > 50) throw invalidField(field, 'must be 1–50 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f<>]/.test(value))
    throw invalidField(field, 'contains characters a name cannot have');
  return value;
}
