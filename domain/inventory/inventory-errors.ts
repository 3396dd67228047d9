import { DomainError } from '../shared/domain-error';

/** Stable codes of the inventory context; their HTTP statuses live in api/problem-codes.ts. */
export const InventoryErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  VARIANT_NOT_FOUND: 'VARIANT_NOT_FOUND',
  STOCK_BELOW_RESERVED: 'STOCK_BELOW_RESERVED',
  STOCK_CONFLICT: 'STOCK_CONFLICT',
  RESERVATION_NOT_FOUND: 'RESERVATION_NOT_FOUND',
  RESERVATION_MISMATCH: 'RESERVATION_MISMATCH',
  STOCK_AVAILABLE: 'STOCK_AVAILABLE',
} as const;

export function outOfStock(variantId: string, requested: number, sellable: number | null): DomainError {
  return new DomainError(
    InventoryErrorCode.OUT_OF_STOCK,
    `Variant ${variantId}: ${requested} requested, ${sellable ?? 0} sellable`,
    { variantId, requested, sellable: sellable ?? 0 },
  );
}

export function variantNotFound(variantId: string): DomainError {
  return new DomainError(InventoryErrorCode.VARIANT_NOT_FOUND, `No stock is kept for variant ${variantId}`, {
    variantId,
  });
}

export function invalidQuantity(field: string, message: string): DomainError {
  return new DomainError(InventoryErrorCode.VALIDATION_FAILED, `${field}: ${message}`, {
    errors: [{ field, message }],
  });
}
