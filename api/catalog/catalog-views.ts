import type { SellerDisclosure } from '../../domain/catalog/ports';
import type { ProductSearchPage } from '../../domain/catalog/search-query';
import type { CachedProductDetail, SellerProductView } from '../../application/catalog/product-views';
import { encodeCursor } from './search-cursor';

/** Turns storage keys into the public URLs the API serves images at. */
export const imageUrl = (publicBaseUrl: string, key: string) => `${publicBaseUrl}/api/v1/images/${key}`;

export function imagesView(
  publicBaseUrl: string,
  images: { id: string; key: string; contentType: string }[],
) {
  return images.map((image) => ({
    id: image.id,
    url: imageUrl(publicBaseUrl, image.key),
    contentType: image.contentType,
  }));
}

export function sellerProductView(publicBaseUrl: string, product: SellerProductView) {
  return { ...product, images: imagesView(publicBaseUrl, product.images) };
}

export function productDetailView(
  publicBaseUrl: string,
  detail: CachedProductDetail & {
    variants: { id: string; options: Record<string, string>; price: number; sellable: number }[];
    seller?: SellerDisclosure | null;
  },
) {
  return {
    ...detail,
    seller: detail.seller ?? null,
    shippingFee: detail.shippingFee ?? null,
    bundleShipping: detail.bundleShipping !== false,
    images: imagesView(publicBaseUrl, detail.images),
  };
}

export function searchPageView(publicBaseUrl: string, page: ProductSearchPage) {
  return {
    items: page.items.map((item) => ({
      id: item.id,
      sellerId: item.sellerId,
      sellerName: item.sellerName,
      name: item.name,
      price: item.price,
      status: item.status,
      categoryId: item.categoryId,
      thumbnailUrl: item.thumbnailKey ? imageUrl(publicBaseUrl, item.thumbnailKey) : null,
      popularity: item.popularity,
      createdAt: item.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
    total: page.total,
    facets: page.facets,
  };
}
