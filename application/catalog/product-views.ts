import { variantPrice, type Product } from '../../domain/catalog/product';
import type { SaleStatus } from '../../domain/catalog/sale-status';
import type { SellerDisclosure, StockAvailability } from '../../domain/catalog/ports';

/** A product as its seller sees it right after a change. */
export interface SellerProductView {
  id: string;
  name: string;
  description: string;
  price: number;
  categoryId: string | null;
  status: SaleStatus;
  shippingFee: number | null;
  bundleShipping: boolean;
  options: Product['options'];
  images: { id: string; key: string; contentType: string; sizeBytes: number }[];
  variants: {
    id: string;
    options: Record<string, string>;
    priceDelta: number;
    price: number;
    stock: number;
    reserved: number;
    sellable: number;
  }[];
  createdAt: string;
  updatedAt: string;
}

/** The cacheable part of a product page (no stock: that is read live on every request). */
export interface CachedProductDetail {
  id: string;
  sellerId: string;
  name: string;
  description: string;
  price: number;
  status: SaleStatus;
  categoryId: string | null;
  /** 개별 배송비 (null: the seller's policy); absent in entries cached before shipping fees. */
  shippingFee?: number | null;
  /** False: 묶음배송 불가; absent: true. */
  bundleShipping?: boolean;
  options: Product['options'];
  images: { id: string; key: string; contentType: string }[];
  variants: { id: string; options: Record<string, string>; price: number }[];
  createdAt: string;
  updatedAt: string;
}

/** A product page: the cached product with live sellable stock per variant and the seller's 표시사항. */
export type ProductDetail = CachedProductDetail & {
  variants: (CachedProductDetail['variants'][number] & { sellable: number })[];
  seller: SellerDisclosure | null;
};

export function cachedDetail(product: Product): CachedProductDetail {
  return {
    id: product.id,
    sellerId: product.sellerId,
    name: product.name,
    description: product.description,
    price: product.price,
    status: product.status,
    categoryId: product.categoryId,
    shippingFee: product.shippingFee,
    bundleShipping: product.bundleShipping,
    options: product.options,
    images: product.images.map((i) => ({ id: i.id, key: i.key, contentType: i.contentType })),
    variants: product.variants.map((v) => ({
      id: v.id,
      options: v.options,
      price: variantPrice(product, v),
    })),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

export async function sellerView(
  inventory: Pick<StockAvailability, 'levels'>,
  product: Product,
): Promise<SellerProductView> {
  const levels = new Map(
    (await inventory.levels(product.variants.map((v) => v.id))).map((l) => [l.variantId, l]),
  );
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: product.price,
    categoryId: product.categoryId,
    status: product.status,
    shippingFee: product.shippingFee,
    bundleShipping: product.bundleShipping,
    options: product.options,
    images: product.images.map((i) => ({
      id: i.id,
      key: i.key,
      contentType: i.contentType,
      sizeBytes: i.sizeBytes,
    })),
    variants: product.variants.map((v) => {
      const level = levels.get(v.id);
      return {
        id: v.id,
        options: v.options,
        priceDelta: v.priceDelta,
        price: variantPrice(product, v),
        stock: level?.onHand ?? 0,
        reserved: level?.reserved ?? 0,
        sellable: level ? level.onHand - level.reserved : 0,
      };
    }),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
