import { createHash } from 'node:crypto';

/** The fake's own copy of Inicis's hashes (docs/vendors/inicis.md), independent of the shop's adapter. */
export const sha256 = (input: string) => createHash('sha256').update(input, 'utf8').digest('hex');
export const sha512 = (input: string) => createHash('sha512').update(input, 'utf8').digest('hex');

/** `k=v` joined by `&` with the keys in alphabetical order. */
export const sortedQuery = (values: Record<string, string>) =>
  Object.keys(values)
    .sort()
    .map((key) => `${key}=${values[key]}`)
    .join('&');

/** makeSignatureAuth: the last digit of the request timestamp orders three of mid, tstamp, MOID, TotPrice. */
const AUTH_ORDER: Record<string, string[]> = {
  '1': ['MOID', 'mid', 'tstamp'],
  '2': ['MOID', 'tstamp', 'mid'],
  '3': ['mid', 'MOID', 'tstamp'],
  '4': ['mid', 'tstamp', 'MOID'],
  '5': ['tstamp', 'mid', 'MOID'],
  '6': ['tstamp', 'MOID', 'mid'],
  '7': ['TotPrice', 'mid', 'tstamp'],
  '8': ['TotPrice', 'tstamp', 'mid'],
  '9': ['TotPrice', 'MOID', 'tstamp'],
  '0': ['TotPrice', 'tstamp', 'MOID'],
};

export function authSignature(values: {
  mid: string;
  tstamp: string;
  MOID: string;
  TotPrice: string;
}): string {
  const order = AUTH_ORDER[values.tstamp.slice(-1)] ?? AUTH_ORDER['0']!;
  return sha256(order.map((key) => `${key}=${values[key as keyof typeof values]}`).join('&'));
}

/** YYYYMMDD and hhmmss in Korea time. */
export function kstParts(at: Date): { date: string; time: string } {
  const digits = new Date(at.getTime() + 9 * 3600_000).toISOString().replace(/\D/g, '');
  return { date: digits.slice(0, 8), time: digits.slice(8, 14) };
}
