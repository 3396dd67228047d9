import type { RestockHolds, VariantCatalog } from '../../domain/ordering/ports';

/**
 * The catalog as one consumer sees it: units a restock hold keeps for them count as sellable to
 * them, so the checks before the reservation let the holder order what the reservation then claims.
 */
export function catalogSeenBy(
  catalog: VariantCatalog,
  holds: RestockHolds | undefined,
  userId: string,
): VariantCatalog {
  if (!holds) return catalog;
  return {
    async offers(variantIds) {
      const [offers, held] = await Promise.all([
        catalog.offers(variantIds),
        holds.heldFor(userId, variantIds),
      ]);
      for (const [variantId, quantity] of held) {
        const offer = offers.get(variantId);
        if (offer) offers.set(variantId, { ...offer, sellable: offer.sellable + quantity });
      }
      return offers;
    },
  };
}
