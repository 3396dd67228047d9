import { DomainError } from '../shared/domain-error';
import { MAX_LINE_QUANTITY } from '../inventory/reservation';
import { priceParts, type PricedPart } from './order';
import { OrderingErrorCode } from './ordering-errors';
import type { VariantOffer } from './ports';
import type { ShippingPolicy } from './shipping-policy';

/** One line of a consumer's cart; the price is remembered so the cart can show changes since. */
export interface CartItem {
  id: string;
  userId: string;
  variantId: string;
  productId: string;
  quantity: number;
  /** The unit price when the item was put in the cart (whole won). */
  priceWhenAdded: number;
  addedAt: Date;
  updatedAt: Date;
}

export const MAX_CART_ITEMS = 100;

export type CartLineAvailability = 'AVAILABLE' | 'UNAVAILABLE' | 'SOLD_OUT' | 'INSUFFICIENT_STOCK';

export interface CartLineView {
  item: CartItem;
  offer: VariantOffer | null;
  availability: CartLineAvailability;
  /** Set when the current price differs from the price when the item was added. */
  priceChange: { previous: number; current: number; difference: number } | null;
  /** Current price × quantity (0 when the product can no longer be found). */
  lineAmount: number;
}

export function checkCartQuantity(quantity: number, field = 'body.quantity'): number {
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw new DomainError(
      OrderingErrorCode.VALIDATION_FAILED,
      `${field}: must be a whole number 1–${MAX_LINE_QUANTITY}`,
      {
        errors: [{ field, message: `must be a whole number 1–${MAX_LINE_QUANTITY}` }],
      },
    );
  }
  return quantity;
}

/** A cart line against the catalog now: price changes since it was added, and whether it can still be ordered. */
export function viewCartLine(item: CartItem, offer: VariantOffer | null): CartLineView {
  if (!offer) return { item, offer: null, availability: 'UNAVAILABLE', priceChange: null, lineAmount: 0 };
  const availability: CartLineAvailability =
    offer.productStatus === 'SUSPENDED'
      ? 'UNAVAILABLE'
      : offer.sellable <= 0
        ? 'SOLD_OUT'
        : offer.sellable < item.quantity
          ? 'INSUFFICIENT_STOCK'
          : 'AVAILABLE';
  const priceChange =
    offer.unitPrice === item.priceWhenAdded
      ? null
      : {
          previous: item.priceWhenAdded,
          current: offer.unitPrice,
          difference: offer.unitPrice - item.priceWhenAdded,
        };
  return { item, offer, availability, priceChange, lineAmount: offer.unitPrice * item.quantity };
}

/**
 * The seller parts the orderable lines would make, each with its shipping fee and what more buys
 * free shipping. Without a zip code the fee is the mainland one (no 제주/도서산간 extra).
 */
export function cartParts(
  lines: CartLineView[],
  policies: ReadonlyMap<string, ShippingPolicy>,
  zipCode: string | null,
): PricedPart[] {
  const priced = lines
    .filter((l) => l.availability === 'AVAILABLE' && l.offer)
    .map(({ item, offer }) => ({ ...offer!, quantity: item.quantity }));
  return priceParts(priced, policies, zipCode ?? '');
}

/** Totals over the lines that can be ordered as they are; `totalAmount` includes the parts' shipping. */
export function cartTotals(
  lines: CartLineView[],
  parts: readonly PricedPart[] = [],
): {
  goodsAmount: number;
  shippingFee: number;
  totalAmount: number;
  orderableCount: number;
  unavailableCount: number;
  priceChangedCount: number;
} {
  const orderable = lines.filter((l) => l.availability === 'AVAILABLE');
  const goodsAmount = orderable.reduce((sum, l) => sum + l.lineAmount, 0);
  const shippingFee = parts.reduce((sum, p) => sum + p.shipping.fee, 0);
  return {
    goodsAmount,
    shippingFee,
    totalAmount: goodsAmount + shippingFee,
    orderableCount: orderable.length,
    unavailableCount: lines.length - orderable.length,
    priceChangedCount: lines.filter((l) => l.priceChange !== null).length,
  };
}
