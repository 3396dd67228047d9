import { CatalogErrorCode, invalidField } from './catalog-errors';
import { sniffImageType, type ImageType } from './image-type';

export const MAX_IMAGES_PER_PRODUCT = 10;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface ProductImage {
  id: string;
  /** Storage key, e.g. `<productId>-<imageId>.webp` (flat, so it is one URL path segment). */
  key: string;
  contentType: string;
  sizeBytes: number;
  position: number;
  createdAt: Date;
}

/**
 * Decides whether the bytes may become the product's next image: the count, the size and the type
 * read from the bytes themselves (a renamed text file is refused whatever its name says).
 */
export function acceptImage(bytes: Uint8Array, existingCount: number, field = 'body.file'): ImageType {
  if (existingCount >= MAX_IMAGES_PER_PRODUCT) {
    throw invalidField(
      field,
      `a product has at most ${MAX_IMAGES_PER_PRODUCT} images`,
      CatalogErrorCode.TOO_MANY_IMAGES,
    );
  }
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw invalidField(
      field,
      `an image is at most ${MAX_IMAGE_BYTES} bytes (5 MB); got ${bytes.byteLength}`,
      CatalogErrorCode.IMAGE_TOO_LARGE,
    );
  }
  if (bytes.byteLength === 0)
    throw invalidField(field, 'the file is empty', CatalogErrorCode.UNSUPPORTED_IMAGE_TYPE);
  const type = sniffImageType(bytes);
  if (!type) {
    throw invalidField(
      field,
      'the bytes are not a JPEG, PNG, WebP or GIF image',
      CatalogErrorCode.UNSUPPORTED_IMAGE_TYPE,
    );
  }
  return type;
}

export function imageKey(productId: string, imageId: string, type: ImageType): string {
  return `${productId}-${imageId}.${type.extension}`;
}
