import { CatalogErrorCode, invalidField } from '../../domain/catalog/catalog-errors';
import { withoutMetadata } from '../../domain/catalog/image-metadata';
import { acceptImageSize } from '../../domain/catalog/image-size';
import { imageTypeOfExtension } from '../../domain/catalog/image-type';
import {
  acceptImage,
  imageKey,
  MAX_IMAGES_PER_PRODUCT,
  type ProductImage,
} from '../../domain/catalog/product-image';
import type { StoredImage } from '../../domain/catalog/ports';
import { DomainError } from '../../domain/shared/domain-error';
import { ownedProduct, productEvent, productsChanged, type CatalogDeps } from './catalog-deps';

/** A product's images: the seller uploads and removes them, anyone reads them by key. */
export class ProductImages {
  constructor(
    private readonly deps: Pick<
      CatalogDeps,
      'transactions' | 'products' | 'images' | 'cache' | 'outbox' | 'now' | 'newId'
    >,
  ) {}

  /**
   * Adds an image: the count, size, real type and declared pixel count are checked and metadata
   * (EXIF with GPS, XMP, text chunks) is stripped before anything is written; the
   * bytes are stored first and removed again if the database refuses (an 11th image that raced in).
   */
  async addImage(sellerId: string, productId: string, upload: Uint8Array): Promise<ProductImage> {
    const product = await ownedProduct(this.deps, sellerId, productId);
    const type = acceptImage(upload, product.images.length);
    acceptImageSize(upload, type);
    const bytes = withoutMetadata(upload, type);
    const imageId = this.deps.newId();
    const image: ProductImage = {
      id: imageId,
      key: imageKey(productId, imageId, type),
      contentType: type.contentType,
      sizeBytes: bytes.byteLength,
      position: 0,
      createdAt: this.deps.now(),
    };
    await this.deps.images.put(image.key, bytes, type.contentType);
    try {
      await this.deps.transactions.run(async (tx) => {
        const { count, lastPosition } = await this.deps.products.lockImages(productId, image.createdAt, tx);
        if (count >= MAX_IMAGES_PER_PRODUCT) {
          throw invalidField(
            'body.file',
            `a product has at most ${MAX_IMAGES_PER_PRODUCT} images`,
            CatalogErrorCode.TOO_MANY_IMAGES,
          );
        }
        image.position = count === 0 ? 0 : lastPosition + 1;
        await this.deps.products.addImage(productId, image, tx);
        if (count === 0) await this.deps.products.setThumbnail(productId, image.key, tx);
        await this.deps.outbox.append([productEvent(this.deps, 'images-changed', productId)], tx);
      });
    } catch (error) {
      await this.deps.images.delete(image.key).catch(() => undefined);
      throw error;
    }
    await productsChanged(this.deps, [productId]);
    return image;
  }

  async removeImage(sellerId: string, productId: string, imageId: string): Promise<void> {
    const product = await ownedProduct(this.deps, sellerId, productId);
    const image = product.images.find((i) => i.id === imageId);
    if (!image)
      throw new DomainError(
        CatalogErrorCode.IMAGE_NOT_FOUND,
        `Product ${productId} has no image ${imageId}`,
        { imageId },
      );
    await this.deps.transactions.run(async (tx) => {
      await this.deps.products.removeImage(productId, imageId, tx);
      const rest = product.images.filter((i) => i.id !== imageId);
      await this.deps.products.setThumbnail(productId, rest[0]?.key ?? null, tx);
      await this.deps.outbox.append([productEvent(this.deps, 'images-changed', productId)], tx);
    });
    await this.deps.images.delete(image.key).catch(() => undefined);
    await productsChanged(this.deps, [productId]);
  }

  async image(key: string): Promise<StoredImage | null> {
    const extension = /^[A-Za-z0-9-]+\.(jpg|png|webp|gif)$/.exec(key)?.[1];
    if (!extension || !imageTypeOfExtension(extension)) return null;
    return this.deps.images.get(key);
  }
}
