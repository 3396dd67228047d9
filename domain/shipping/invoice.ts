import { COURIER_NAMES, COURIERS, type CourierName } from './courier';
import { INVOICE_TEXTS, type InvoiceLanguage } from './invoice-texts';

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
export function normaliseInvoice(
  input: { courier: unknown; invoiceNumber: unknown },
  language: InvoiceLanguage = 'en',
): NormalisedInvoice {
  const text = INVOICE_TEXTS[language];
  const errors: Array<{ field: InvoiceField; message: string }> = [];
  const courier = normaliseCourier(input.courier);
  if (!courier) errors.push({ field: 'courier', message: text.courierUnknown(COURIER_NAMES) });

  const raw = input.invoiceNumber;
  let invoiceNumber = '';
  if (typeof raw !== 'string' || raw.trim() === '') {
    errors.push({ field: 'invoiceNumber', message: text.required });
  } else {
    invoiceNumber = raw.replace(SEPARATORS, '');
    if (!/^\d+$/.test(invoiceNumber)) errors.push({ field: 'invoiceNumber', message: text.digitsOnly });
    else if (courier && !COURIERS[courier].acceptedLengths.includes(invoiceNumber.length))
      errors.push({
        field: 'invoiceNumber',
        message: text.wrongLength(
          COURIERS[courier].label,
          COURIERS[courier].acceptedLengths,
          invoiceNumber.length,
        ),
      });
  }
  if (errors.length > 0 || !courier) return { ok: false, errors };

  const warnings: string[] = [];
  const profile = COURIERS[courier];
  if (!profile.usualLengths.includes(invoiceNumber.length))
    warnings.push(text.unusualLength(profile.label, profile.usualLengths));
  if (profile.mod7CheckDigit && invoiceNumber.length === 12 && !hasValidCheckDigit(invoiceNumber))
    warnings.push(text.checkDigit);
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
