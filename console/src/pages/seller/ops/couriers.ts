import { COURIER_NAMES, COURIERS as PROFILES } from '../../../../../domain/shipping/courier';
import { normaliseInvoice } from '../../../../../domain/shipping/invoice';

/** The couriers the API accepts, from the shop's own rules (domain/shipping/courier.ts). */
export const COURIERS = COURIER_NAMES.map((code) => ({
  code,
  name: PROFILES[code].label,
  lengths: PROFILES[code].acceptedLengths,
}));

export type CourierCode = (typeof COURIER_NAMES)[number];

const squash = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/** A courier named by its code (CJ) or its Korean name, with or without 택배 (우체국, 우체국택배, CJ대한통운). */
export function courierOf(input: string): (typeof COURIERS)[number] | undefined {
  const wanted = squash(input);
  if (!wanted) return undefined;
  return COURIERS.find(
    (courier) =>
      courier.code === wanted ||
      squash(courier.name) === wanted ||
      squash(courier.name).replace(/택배$/, '') === wanted.replace(/택배$/, ''),
  );
}

/**
 * What the API would refuse in the invoice number, in its own Korean words (the same function
 * checks it there); null when it passes. An unknown courier is the caller's to report.
 */
export function invoiceProblem(courierCode: string, invoice: string): string | null {
  const checked = normaliseInvoice({ courier: courierCode, invoiceNumber: invoice }, 'ko');
  if (checked.ok) return null;
  const problems = checked.errors.filter((e) => e.field === 'invoiceNumber').map((e) => e.message);
  return problems.length > 0 ? problems.join(' ') : null;
}
