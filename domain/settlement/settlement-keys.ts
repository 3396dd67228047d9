/**
 * Vendor idempotency keys derived from the settlement id, so every retry — after a crash, a lost
 * answer or a re-run of the week — presents the same key and the vendor recognises the request.
 */

/** FNV-1a, 64 bits: a stable spread of the id (not a security hash). */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const char of text) {
    hash ^= BigInt(char.codePointAt(0)!);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/** `length` upper-case base-36 characters of the id's hash. */
export function settlementDigest(settlementId: string, length: number): string {
  return fnv1a64(settlementId).toString(36).toUpperCase().padStart(13, '0').slice(-length);
}

/**
 * The tax invoice's invoicerMgtKey: `JT` + the week without its dash + `-` + 13 characters of the
 * settlement id's hash, e.g. `JT2026W48-0K3Z…` (23 characters; Popbill allows 24 of letters, digits, - and _).
 */
export function taxInvoiceMgtKey(settlementId: string, weekId: string): string {
  return `JT${weekId.replace('-', '')}-${settlementDigest(settlementId, 13)}`;
}
