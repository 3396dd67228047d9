import type { WaitlistService } from '../../application/inventory/waitlist';

export interface GrantRestockHoldResult {
  granted: boolean;
  reason?: 'NOT_WAITING' | 'NOT_HEAD' | 'NO_STOCK';
  userId?: string;
  productId?: string;
  quantity?: number;
  /** For the offer's text: the product's name and the variant's options, e.g. "색상: 빨강 / 사이즈: M". */
  productName?: string;
  optionLabel?: string;
}

/** The catalog's published read of what a variant is called (no personal data). */
export type DescribeVariant = (
  productId: string,
  variantId: string,
) => Promise<{ productName: string; optionLabel: string } | null>;

/** Activities of the inventory task queue; each is idempotent (keyed by the waiting-queue entry). */
export function createInventoryActivities(deps: {
  waitlist: Pick<WaitlistService, 'grantHold' | 'expireHold' | 'variantsWithWaiters' | 'offerHolds'>;
  describeVariant: DescribeVariant;
}) {
  return {
    /** Reserves the units for the entry if it is still first in line (`hold:<entryId>`). */
    async grantRestockHold(input: {
      entryId: string;
      holdExpiresAtMs: number;
    }): Promise<GrantRestockHoldResult> {
      const outcome = await deps.waitlist.grantHold(input.entryId, new Date(input.holdExpiresAtMs));
      if (!outcome.granted) return { granted: false, reason: outcome.reason };
      const described = outcome.productId
        ? await deps.describeVariant(outcome.productId, outcome.entry.variantId)
        : null;
      return {
        granted: true,
        userId: outcome.entry.userId,
        productId: outcome.productId,
        quantity: outcome.entry.quantity,
        productName: described?.productName,
        optionLabel: described?.optionLabel,
      };
    },

    /** Time is up: releases the units unless the consumer ordered (CLAIMED). */
    async expireRestockHold(input: {
      entryId: string;
    }): Promise<'EXPIRED' | 'CLAIMED' | 'CANCELLED' | 'NOT_HELD'> {
      return deps.waitlist.expireHold(input.entryId);
    },

    /** The periodic sweep: offers holds on every queue whose stock now covers its head (idempotent). */
    async sweepRestockHolds(): Promise<{ variants: number; offered: string[] }> {
      const variantIds = await deps.waitlist.variantsWithWaiters();
      return { variants: variantIds.length, offered: await deps.waitlist.offerHolds(variantIds) };
    },

    /** Starts holds for whoever is now first in line while stock covers them; returns their entry ids. */
    async offerRestockHolds(input: { variantId: string }): Promise<string[]> {
      return deps.waitlist.offerHolds([input.variantId]);
    },
  };
}

export type InventoryActivities = ReturnType<typeof createInventoryActivities>;
