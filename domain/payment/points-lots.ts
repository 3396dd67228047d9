/**
 * Points expire (docs/payments.md#points): every credit is a lot with its own expiry, and spending
 * takes the lot that expires first (FIFO), so what is left to expire is always the newest credit.
 * Pure functions over a member's lots; the account (points-account.ts) owns them.
 */
export interface PointsLot {
  /** The id of the ledger entry that credited it. */
  lotId: string;
  amount: number;
  remaining: number;
  /** ISO-8601; null: never expires (points credited before expiry existed). */
  expiresAt: string | null;
  createdAt: string;
}

/** Oldest expiry first; never-expiring lots last; ties by creation. */
export function byExpiry(a: PointsLot, b: PointsLot): number {
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    return a.expiresAt < b.expiresAt ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0;
}

/**
 * Takes `amount` from the lots, oldest expiry first, and says which lots changed and the latest
 * expiry it touched (what points given back later keep, so a hold and its release cannot extend
 * the life of points). Lots cover at most what they hold; the caller checked the balance.
 */
export function consumeLots(
  lots: PointsLot[],
  amount: number,
): { changed: PointsLot[]; latestExpiry: string | null | undefined } {
  let left = amount;
  const changed: PointsLot[] = [];
  let latestExpiry: string | null | undefined;
  for (const lot of [...lots].sort(byExpiry)) {
    if (left === 0) break;
    if (lot.remaining === 0) continue;
    const take = Math.min(lot.remaining, left);
    lot.remaining -= take;
    left -= take;
    changed.push(lot);
    if (latestExpiry === undefined || lot.expiresAt === null) latestExpiry = lot.expiresAt;
    else if (latestExpiry !== null && lot.expiresAt > latestExpiry) latestExpiry = lot.expiresAt;
  }
  return { changed, latestExpiry };
}

/** `at` plus whole days, as ISO-8601 (the expiry of points credited at `at`). */
export function expiryAfter(at: string, validityDays: number): string {
  return new Date(Date.parse(at) + validityDays * 86_400_000).toISOString();
}
