import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * NicePay's SHA-256 signatures (docs/vendors/nicepay.md#signatures): hex(sha256(concatenation)), no
 * separators, amounts as plain integer strings, `ediDate` an ISO-8601 timestamp.
 */
export const sha256Hex = (input: string): string => createHash('sha256').update(input, 'utf8').digest('hex');

export const nicepaySignatures = {
  /** Verified on the auth result NicePay POSTs to returnUrl. */
  authResult: (p: { authToken: string; clientId: string; amount: string | number }, secretKey: string) =>
    sha256Hex(`${p.authToken}${p.clientId}${p.amount}${secretKey}`),
  /** Sent with an approval. */
  approve: (p: { tid: string; amount: number; ediDate: string }, secretKey: string) =>
    sha256Hex(`${p.tid}${p.amount}${p.ediDate}${secretKey}`),
  /** Sent with a cancel. */
  cancel: (p: { tid: string; ediDate: string }, secretKey: string) =>
    sha256Hex(`${p.tid}${p.ediDate}${secretKey}`),
  /** Sent with a net-cancel. */
  netCancel: (p: { orderId: string; ediDate: string }, secretKey: string) =>
    sha256Hex(`${p.orderId}${p.ediDate}${secretKey}`),
  /** Verified on approve / cancel / look-up answers and on webhooks. */
  response: (p: { tid: string; amount: string | number; ediDate: string }, secretKey: string) =>
    sha256Hex(`${p.tid}${p.amount}${p.ediDate}${secretKey}`),
};

/** Constant-time comparison of two hex signatures (case-insensitive, as hex). */
export function sameSignature(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const left = Buffer.from(expected.toLowerCase(), 'utf8');
  const right = Buffer.from(received.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The signature NicePay puts on an answer or webhook about a transaction, checked with the secret
 * key. `missing` when the body carries none (NicePay signs only bodies about a valid transaction).
 */
export function checkResponseSignature(
  body: Record<string, unknown>,
  secretKey: string,
): 'valid' | 'invalid' | 'missing' {
  const { tid, amount, ediDate, signature } = body;
  if (signature === undefined || signature === null || signature === '') return 'missing';
  if (typeof tid !== 'string' || typeof ediDate !== 'string' || !Number.isSafeInteger(amount))
    return 'invalid';
  return sameSignature(
    nicepaySignatures.response({ tid, amount: amount as number, ediDate }, secretKey),
    signature,
  )
    ? 'valid'
    : 'invalid';
}

/** `ediDate`: ISO-8601 in Korea time with an offset, e.g. `2024-05-01T13:45:10.123+09:00`. */
export function ediDate(at: Date): string {
  const kst = new Date(at.getTime() + 9 * 3600_000);
  return `${kst.toISOString().slice(0, 23)}+09:00`;
}
