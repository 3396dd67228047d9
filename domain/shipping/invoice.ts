import { COURIER_NAMES, COURIERS, type CourierName } from './courier';

export type InvoiceField = 'courier' | 'invoiceNumber';

export type NormalisedInvoice =
  | { ok: true; value: { courier: CourierName; invoiceNumber: string; warnings: string[] } }
  | { ok: false; errors: Array<{ field: InvoiceField; message: string }> };

/** Spaces (also full-width) and hyphens (also the dash-like characters a phone keyboard produces). */
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212]/g;

/**
 * The seller's courier and 송장번호 as typed, normalised to the API courier name and digits only. Length and
 * digits are checked per courier; the 12-digit check digit is folklore (docs/vendors/sweettracker.md), so a
 * mismatch is only a warning and the tracker stays the authority.
 */
export function normaliseInvoice(input: { courier: unknown; invoiceNumber: unknown }): NormalisedInvoice {
  const errors: Array<{ field: InvoiceField; message: string }> = [];
  const courier = normaliseCourier(input.courier);
  if (!courier) errors.push({ field: 'courier', message: `must be one of ${COURIER_NAMES.join(', ')}` });

  const raw = input.invoiceNumber;
  let invoiceNumber = '';
  if (typeof raw !== 'string' || raw.trim() === '') {
    errors.push({ field: 'invoiceNumber', message: 'is required (the 송장번호 as a string of digits)' });
  } else {
    invoiceNumber = raw.replace(SEPARATORS, '');
    if (!/^\d+$/.test(invoiceNumber))
      errors.push({
        field: 'invoiceNumber',
        message: 'must contain only digits (spaces and hyphens are ignored)',
      });
    else if (courier && !COURIERS[courier].acceptedLengths.includes(invoiceNumber.length))
      errors.push({
        field: 'invoiceNumber',
        message: `must be ${describeLengths(COURIERS[courier].acceptedLengths)} digits for ${COURIERS[courier].label}, got ${invoiceNumber.length}`,
      });
  }
  if (errors.length > 0 || !courier) return { ok: false, errors };

  const warnings: string[] = [];
  const profile = COURIERS[courier];
  if (!profile.usualLengths.includes(invoiceNumber.length))
    warnings.push(
      `${profile.label} invoices are usually ${describeLengths(profile.usualLengths)} digits; please double-check the number`,
    );
  if (profile.mod7CheckDigit && invoiceNumber.length === 12 && !hasValidCheckDigit(invoiceNumber))
    warnings.push('the last digit does not match the usual check digit; please double-check the number');
  return { ok: true, value: { courier, invoiceNumber, warnings } };
}

/** 12-digit Korean waybills: the last digit is the first eleven, read as a number, modulo 7. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let remainder = 0;
  for (const d of digits.slice(0, 11)) remainder = (remainder * 10 + Number(d)) % 7;
  return remainder === Number(digits[11]);
}

function normaliseCourier(value: unknown): CourierName | null {
  if (typeof value !== 'string') return null;
  const name = value.trim().toUpperCase();
  return (COURIER_NAMES as readonly string[]).includes(name) ? (name as CourierName) : null;
}

function describeLengths(lengths: readonly number[]): string {
  if (lengths.length === 1) return String(lengths[0]);
  const contiguous = lengths.every((n, i) => i === 0 || n === lengths[i - 1]! + 1);
  if (contiguous && lengths.length > 2) return `${lengths[0]}–${lengths[lengths.length - 1]}`;
  return `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]}`;
}
