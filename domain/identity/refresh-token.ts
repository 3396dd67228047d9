/**
 * Refresh tokens rotate: each use spends the token and issues the next one in the same family (one
 * family per sign-in). Presenting a spent token means it was copied, so the whole family is revoked
 * and both the thief and the owner must sign in again.
 */
export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface RefreshTokenFamily {
  id: string;
  userId: string;
  createdAt: Date;
  /** The family cannot outlive this, however often it rotates. */
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: RevocationReason | null;
}

export type RevocationReason = 'LOGOUT' | 'REUSE_DETECTED' | 'WITHDRAWAL' | 'ADMIN';

export type RefreshDecision =
  { kind: 'rotate' } | { kind: 'reuse-detected' } | { kind: 'rejected'; reason: 'expired' | 'revoked' };

export function decideRefresh(
  token: RefreshTokenRecord,
  family: RefreshTokenFamily,
  now: Date,
): RefreshDecision {
  if (family.revokedAt) return { kind: 'rejected', reason: 'revoked' };
  if (token.usedAt) return { kind: 'reuse-detected' };
  if (token.expiresAt <= now || family.expiresAt <= now) return { kind: 'rejected', reason: 'expired' };
  return { kind: 'rotate' };
}

/** The next token of a family expires with the sliding TTL, never after the family's own end. */
export function nextTokenExpiry(family: RefreshTokenFamily, now: Date, ttlMs: number): Date {
  return new Date(Math.min(now.getTime() + ttlMs, family.expiresAt.getTime()));
}
