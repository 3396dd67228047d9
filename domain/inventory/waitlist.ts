/** The waiting queue (재고 대기) of one variant: first come, first served. */

export const HOLD_DURATION_MS = 30 * 60 * 1000;

export const WAITLIST_STATUSES = ['WAITING', 'OFFERED', 'CLAIMED', 'EXPIRED', 'CANCELLED'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export const ACTIVE_WAITLIST_STATUSES: readonly WaitlistStatus[] = ['WAITING', 'OFFERED'];

export interface WaitlistEntry {
  id: string;
  variantId: string;
  userId: string;
  quantity: number;
  status: WaitlistStatus;
  createdAt: Date;
  offeredAt: Date | null;
  holdExpiresAt: Date | null;
  /** The entry the expired hold passed to, recorded so passing is idempotent. */
  passedToEntryId: string | null;
}

export const MAX_WAITLIST_QUANTITY = 10;

/** The reservation reference that keeps a hold's units aside for the waiting consumer. */
export const holdReference = (entryId: string) => `hold:${entryId}`;
