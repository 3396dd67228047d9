import { DomainError } from '../shared/domain-error';

/** Stable codes of the ordering context (cart and orders); their HTTP statuses live in api/problem-codes.ts. */
export const OrderingErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  ORDER_TRANSITION_NOT_ALLOWED: 'ORDER_TRANSITION_NOT_ALLOWED',
  CART_EMPTY: 'CART_EMPTY',
  CART_FULL: 'CART_FULL',
  CART_ITEM_NOT_FOUND: 'CART_ITEM_NOT_FOUND',
  PRODUCT_UNAVAILABLE: 'PRODUCT_UNAVAILABLE',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_KEY_IN_FLIGHT: 'IDEMPOTENCY_KEY_IN_FLIGHT',
} as const;

export interface FieldIssue {
  field: string;
  message: string;
}

/** One or more malformed fields, named the way the API names them (`body.shippingAddress.zipCode`). */
export function invalidFields(errors: FieldIssue[]): DomainError {
  return new DomainError(
    OrderingErrorCode.VALIDATION_FAILED,
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    { errors },
  );
}

/**
 * A variant short of stock: what was asked for (summed per SKU) and what can still be sold, with
 * the product's name and option values when the caller knows them (texts for people name those).
 */
export interface StockShortage {
  variantId: string;
  requested: number;
  available: number;
  productName?: string;
  options?: Record<string, string>;
}

const shortageLabel = (s: StockShortage) => {
  const options = Object.entries(s.options ?? {}).map(([name, value]) => `${name}: ${value}`);
  const name = s.productName ?? 'an item';
  return options.length > 0 ? `${name} (${options.join(', ')})` : name;
};

export function outOfStock(shortages: StockShortage[]): DomainError {
  return new DomainError(
    OrderingErrorCode.OUT_OF_STOCK,
    shortages
      .map((s) => `${shortageLabel(s)}: ${s.requested} requested, ${s.available} available`)
      .join('; '),
    {
      variants: shortages.map((s) => ({
        variantId: s.variantId,
        requested: s.requested,
        available: s.available,
      })),
      // What to call each short variant in texts for people (api/messages); absent when unknown.
      products: shortages
        .filter((s) => s.productName !== undefined)
        .map((s) => ({ variantId: s.variantId, productName: s.productName, options: s.options ?? {} })),
    },
  );
}

export interface UnavailableItem {
  variantId: string;
  reason: 'NOT_FOUND' | 'NOT_ON_SALE';
}

export function productUnavailable(items: UnavailableItem[]): DomainError {
  return new DomainError(
    OrderingErrorCode.PRODUCT_UNAVAILABLE,
    items
      .map(
        (i) =>
          `variant ${i.variantId} cannot be ordered (${i.reason === 'NOT_FOUND' ? 'no such variant' : 'not on sale'})`,
      )
      .join('; '),
    { variants: items },
  );
}

export const orderNotFound = (orderId: string) =>
  new DomainError(OrderingErrorCode.ORDER_NOT_FOUND, `No order ${orderId}`, { orderId });
