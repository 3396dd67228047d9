import { DomainError } from '../shared/domain-error';

/** Stable codes of the catalog context; their HTTP statuses live in api/problem-codes.ts. */
export const CatalogErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  PRODUCT_NOT_FOUND: 'PRODUCT_NOT_FOUND',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  UNKNOWN_OPTION_COMBINATION: 'UNKNOWN_OPTION_COMBINATION',
  DUPLICATE_VARIANT: 'DUPLICATE_VARIANT',
  TOO_MANY_IMAGES: 'TOO_MANY_IMAGES',
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  IMAGE_TOO_MANY_PIXELS: 'IMAGE_TOO_MANY_PIXELS',
  UNSUPPORTED_IMAGE_TYPE: 'UNSUPPORTED_IMAGE_TYPE',
  IMAGE_NOT_FOUND: 'IMAGE_NOT_FOUND',
  INVALID_CURSOR: 'INVALID_CURSOR',
} as const;

/** A value a client sent that breaks a rule; `field` names it the way the API does (`body.name`). */
export function invalidField(
  field: string,
  message: string,
  code: string = CatalogErrorCode.VALIDATION_FAILED,
): DomainError {
  return new DomainError(code, `${field}: ${message}`, { errors: [{ field, message }] });
}
