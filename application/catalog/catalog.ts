import type { CatalogDeps } from './catalog-deps';
import { CategoryCatalog } from './categories';
import { ProductBrowsing } from './product-browsing';
import { ProductImages } from './product-images';
import { SellerProducts } from './seller-products';

/** The catalog's use cases, grouped by who uses them. */
export interface Catalog {
  categories: CategoryCatalog;
  sellerProducts: SellerProducts;
  images: ProductImages;
  browsing: ProductBrowsing;
}

export function createCatalog(deps: CatalogDeps): Catalog {
  return {
    categories: new CategoryCatalog(deps),
    sellerProducts: new SellerProducts(deps),
    images: new ProductImages(deps),
    browsing: new ProductBrowsing(deps),
  };
}
