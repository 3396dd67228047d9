import type { SellerProductList } from '../../domain/catalog/ports';
import type { CatalogDeps } from './catalog-deps';
import { CategoryCatalog } from './categories';
import { CategoryAdministration } from './category-admin';
import { ProductBrowsing } from './product-browsing';
import { ProductImages } from './product-images';
import { SellerProductListing } from './seller-product-list';
import { SellerProducts } from './seller-products';
import { SellerVariants } from './seller-variants';

/** The catalog's use cases, grouped by who uses them. */
export interface Catalog {
  categories: CategoryCatalog;
  sellerProducts: SellerProducts;
  sellerVariants: SellerVariants;
  sellerListing: SellerProductListing;
  categoryAdmin: CategoryAdministration;
  images: ProductImages;
  browsing: ProductBrowsing;
}

export function createCatalog(deps: CatalogDeps, sellerList: SellerProductList): Catalog {
  return {
    categories: new CategoryCatalog(deps),
    sellerProducts: new SellerProducts(deps),
    sellerVariants: new SellerVariants(deps),
    sellerListing: new SellerProductListing({ inventory: deps.inventory, list: sellerList }),
    categoryAdmin: new CategoryAdministration(deps),
    images: new ProductImages(deps),
    browsing: new ProductBrowsing(deps),
  };
}
