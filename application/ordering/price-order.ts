import type { ReservationLine } from '../../domain/inventory/reservation';
import type { PricedLine } from '../../domain/ordering/order';
import { outOfStock, productUnavailable, type StockShortage } from '../../domain/ordering/ordering-errors';
import type { StockReservations, VariantCatalog } from '../../domain/ordering/ports';
import type { DomainError } from '../../domain/shared/domain-error';

/** Prices each SKU from the catalog now; refuses what cannot be sold and lists every shortage at once. */
export async function priceLines(catalog: VariantCatalog, demand: ReservationLine[]): Promise<PricedLine[]> {
  const offers = await catalog.offers(demand.map((line) => line.variantId));
  const unavailable = demand.filter((line) => {
    const offer = offers.get(line.variantId);
    return !offer || offer.productStatus === 'SUSPENDED';
  });
  if (unavailable.length > 0)
    throw productUnavailable(
      unavailable.map((line) => ({
        variantId: line.variantId,
        reason: offers.has(line.variantId) ? 'NOT_ON_SALE' : 'NOT_FOUND',
      })),
    );
  const short: StockShortage[] = demand
    .filter((line) => offers.get(line.variantId)!.sellable < line.quantity)
    .map((line) => {
      const offer = offers.get(line.variantId)!;
      return {
        variantId: line.variantId,
        requested: line.quantity,
        available: offer.sellable,
        productName: offer.productName,
        options: offer.options,
      };
    });
  if (short.length > 0) throw outOfStock(short);
  return demand.map((line) => {
    const offer = offers.get(line.variantId)!;
    return {
      sellerId: offer.sellerId,
      productId: offer.productId,
      variantId: offer.variantId,
      productName: offer.productName,
      options: offer.options,
      unitPrice: offer.unitPrice,
      quantity: line.quantity,
      shippingFee: offer.shippingFee,
      bundleShipping: offer.bundleShipping,
    };
  });
}

/** The reservation lost a race for stock: report every SKU that is short now (at least the one that failed). */
export async function shortagesAfterRace(
  stock: Pick<StockReservations, 'sellableOf'>,
  demand: ReservationLine[],
  error: DomainError,
  priced: readonly Pick<PricedLine, 'variantId' | 'productName' | 'options'>[] = [],
): Promise<DomainError> {
  const sellable = await stock.sellableOf(demand.map((line) => line.variantId));
  const named = (variantId: string) => {
    const line = priced.find((p) => p.variantId === variantId);
    return line ? { productName: line.productName, options: line.options } : {};
  };
  const short = demand
    .map((line) => ({
      variantId: line.variantId,
      requested: line.quantity,
      available: Math.max(0, sellable.get(line.variantId) ?? 0),
      ...named(line.variantId),
    }))
    .filter((line) => line.available < line.requested);
  if (short.length > 0) return outOfStock(short);
  const d = error.details as { variantId: string; requested: number; sellable: number };
  return outOfStock([
    { variantId: d.variantId, requested: d.requested, available: d.sellable, ...named(d.variantId) },
  ]);
}
