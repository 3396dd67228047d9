import type { Category } from '../../domain/catalog/category';
import { searchTextOf, type Product, type ProductVariant } from '../../domain/catalog/product';
import type { ProductImage } from '../../domain/catalog/product-image';
import { selectionKey, type ProductOption } from '../../domain/catalog/product-options';
import type { SaleStatus } from '../../domain/catalog/sale-status';
import type { CategoryRow } from './category.entity';
import type { ProductImageRow } from './product-image.entity';
import type { ProductRow } from './product.entity';
import type { ProductVariantRow } from './product-variant.entity';

export function toProductRow(product: Product, version: number): ProductRow {
  return {
    id: product.id,
    sellerId: product.sellerId,
    categoryId: product.categoryId,
    name: product.name,
    description: product.description,
    price: product.price,
    optionsJson: JSON.stringify(product.options),
    status: product.status,
    suspended: product.suspended,
    popularity: product.popularity,
    searchText: searchTextOf(product),
    thumbnailKey: product.images[0]?.key ?? null,
    shippingFee: product.shippingFee,
    bundleShipping: product.bundleShipping,
    version,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

export function toVariantRow(product: Product, variant: ProductVariant): ProductVariantRow {
  return {
    id: variant.id,
    productId: product.id,
    optionKey: selectionKey(product.options, variant.options),
    optionsJson: JSON.stringify(variant.options),
    priceDelta: variant.priceDelta,
    position: variant.position,
    active: true,
  };
}

export function toVariantRows(product: Product): ProductVariantRow[] {
  return product.variants.map((variant) => toVariantRow(product, variant));
}

export const toVariant = (v: ProductVariantRow): ProductVariant => ({
  id: v.id,
  options: JSON.parse(v.optionsJson) as Record<string, string>,
  priceDelta: Number(v.priceDelta),
  position: v.position,
});

export function toImageRow(productId: string, image: ProductImage): ProductImageRow {
  return { ...image, productId, storageKey: image.key };
}

export function toProduct(
  row: ProductRow,
  variants: ProductVariantRow[],
  images: ProductImageRow[],
): Product {
  return {
    id: row.id,
    sellerId: row.sellerId,
    name: row.name,
    description: row.description,
    price: row.price,
    categoryId: row.categoryId,
    options: JSON.parse(row.optionsJson) as ProductOption[],
    // Removed variants stay in the table for the order history; the product shows the active ones.
    variants: variants
      .filter((v) => v.active === undefined || Boolean(v.active))
      .map(toVariant)
      .sort((a, b) => a.position - b.position),
    images: images
      .map((i): ProductImage => ({
        id: i.id,
        key: i.storageKey,
        contentType: i.contentType,
        sizeBytes: i.sizeBytes,
        position: i.position,
        createdAt: i.createdAt,
      }))
      .sort((a, b) => a.position - b.position),
    suspended: row.suspended,
    status: row.status as SaleStatus,
    popularity: row.popularity,
    shippingFee: row.shippingFee === null || row.shippingFee === undefined ? null : Number(row.shippingFee),
    bundleShipping: row.bundleShipping === undefined ? true : Boolean(row.bundleShipping),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const toCategory = (row: CategoryRow): Category => ({ ...row });
